package newsbot.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Splits feeds by the server they live on, so that each server sees at most one request from us at a time. */
final class HostGroups {

    private HostGroups() {
    }

    /** Groups in order of first appearance, each keeping the given order. */
    static <T> List<List<T>> of(List<T> feeds, Function<T, String> url) {
        Map<String, List<T>> groups = new LinkedHashMap<>();
        for (T feed : feeds) {
            groups.computeIfAbsent(server(url.apply(feed)), k -> new ArrayList<>()).add(feed);
        }
        return List.copyOf(groups.values());
    }

    /** Lower-case host and port; a URL that does not parse is its own group (the fetcher will reject it). */
    static String server(String url) {
        try {
            URI uri = new URI(url.strip());
            String authority = uri.getHost() != null ? uri.getHost() : uri.getRawAuthority();
            if (authority == null) {
                return url;
            }
            int port = uri.getPort();
            if (port == -1) {
                port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            }
            return authority.toLowerCase(Locale.ROOT) + ":" + port;
        } catch (URISyntaxException e) {
            return url;
        }
    }
}
