package newsbot.delivery;

import java.util.ArrayList;
import java.util.List;

/** Stand-in for telegram.Html.split until that lands: cuts at paragraph, then line, then space boundaries. */
final class Splitter {

    private Splitter() {
    }

    static List<String> split(String html, int max) {
        List<String> parts = new ArrayList<>();
        String rest = html;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf("\n\n", max);
            if (cut <= 0) {
                cut = rest.lastIndexOf('\n', max);
            }
            if (cut <= 0) {
                cut = rest.lastIndexOf(' ', max);
            }
            if (cut <= 0) {
                cut = max;
            }
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }
}
