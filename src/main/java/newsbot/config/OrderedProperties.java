package newsbot.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** {@link Properties} that remembers the order keys appear in the file: readers see categories in that order. */
final class OrderedProperties extends Properties {

    private static final long serialVersionUID = 1L;

    private final transient List<String> order = new ArrayList<>();

    @Override
    public synchronized Object put(Object key, Object value) {
        if (!containsKey(key)) {
            order.add((String) key);
        }
        return super.put(key, value);
    }

    List<String> keysInOrder() {
        return List.copyOf(order);
    }
}
