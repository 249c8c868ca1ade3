package newsbot.feed;

import java.util.Comparator;
import java.util.List;

/** Finds configured breaking markers ("СРОЧНО", "⚡") in a plain-text title and strips them for display. */
final class BreakingMarkers {

    /** The title without markers, and whether any was there. */
    record Stripped(String title, boolean hadMarker) {}

    // After a marker: "СРОЧНО: ", "СРОЧНО!!! ", "⚡️ ", "BREAKING | ". U+FE0F is the emoji presentation selector.
    private static final String AFTER = ":!.|—–-•·/,;\uFE0F";
    // Before a marker that ends the title: "Землетрясение | СРОЧНО". "!" and "." stay: they end the headline.
    private static final String BEFORE_AT_END = ":|—–-•·/,;";
    private static final String OPENING = "[(«\"";
    private static final String CLOSING = "])»\"";

    private final List<String> markers;

    BreakingMarkers(List<String> markers) {
        // Longest first, so "СРОЧНО!" configured next to "СРОЧНО" is removed whole.
        this.markers = markers.stream()
                .filter(m -> m != null && !m.isBlank())
                .map(String::strip)
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    Stripped strip(String title) {
        String current = title;
        boolean found = false;
        for (int guard = 0; guard < 20; guard++) {
            String next = stripFirst(current);
            if (next == null) {
                break;
            }
            found = true;
            current = next;
        }
        return new Stripped(current, found);
    }

    // Removes one marker occurrence with its separators, or returns null when there is none.
    private String stripFirst(String title) {
        for (String marker : markers) {
            int at = find(title, marker);
            if (at >= 0) {
                return remove(title, at, at + marker.length());
            }
        }
        return null;
    }

    // Case-sensitive, and a word marker must stand alone: "Срочно" must not match inside "Срочное".
    private static int find(String title, String marker) {
        for (int at = title.indexOf(marker); at >= 0; at = title.indexOf(marker, at + 1)) {
            int end = at + marker.length();
            boolean startOk = !Character.isLetterOrDigit(marker.codePointAt(0)) || at == 0
                    || !Character.isLetterOrDigit(title.codePointBefore(at));
            boolean endOk = !Character.isLetterOrDigit(marker.codePointBefore(marker.length())) || end == title.length()
                    || !Character.isLetterOrDigit(title.codePointAt(end));
            if (startOk && endOk) {
                return at;
            }
        }
        return -1;
    }

    private static String remove(String title, int start, int end) {
        int s = start;
        int e = end;
        // "[СРОЧНО]", "(BREAKING)", "«Срочно»": the brackets go with the marker.
        int open = s > 0 ? OPENING.indexOf(title.charAt(s - 1)) : -1;
        if (open >= 0 && e < title.length() && title.charAt(e) == CLOSING.charAt(open)) {
            s--;
            e++;
        }
        while (e < title.length() && (Character.isWhitespace(title.charAt(e)) || AFTER.indexOf(title.charAt(e)) >= 0)) {
            e++;
        }
        boolean atEnd = e == title.length();
        while (s > 0 && (Character.isWhitespace(title.charAt(s - 1))
                || atEnd && BEFORE_AT_END.indexOf(title.charAt(s - 1)) >= 0)) {
            s--;
        }
        String before = title.substring(0, s);
        String after = title.substring(e);
        if (before.isEmpty() || after.isEmpty()) {
            return before + after;
        }
        return before + " " + after;
    }
}
