package newsbot.html;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Telegram-HTML text building for this package. It does not use {@code newsbot.html.Html} because
 * DESIGN §1 keeps {@code digest} free of imports from {@code telegram}; and it appends into a caller's
 * {@code StringBuilder} because digests are composed for every reader.
 */
final class HtmlText {

    /** Telegram's limit for one message; counting UTF-16 units is stricter than Telegram's own count. */
    static final int MAX_MESSAGE = Html.MAX_MESSAGE;

    /** Longer URLs are shown as plain text: nothing real is that long, and it keeps every line bounded. */
    static final int MAX_URL = 1024;

    private static final char ELLIPSIS = '\u2026';

    private HtmlText() {
    }

    /** Appends {@code text} with the only characters Telegram HTML needs escaped ({@code < > & "}). */
    static StringBuilder appendEscaped(StringBuilder out, CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out;
    }

    static String escape(String text) {
        return appendEscaped(new StringBuilder(text.length() + 16), text).toString();
    }

    /** Appends a link when the URL is a plain http(s) URL, otherwise just the escaped label. */
    static StringBuilder appendLink(StringBuilder out, String url, String label) {
        if (!isWebUrl(url)) {
            return appendEscaped(out, label);
        }
        out.append("<a href=\"");
        appendEscaped(out, url).append("\">");
        return appendEscaped(out, label).append("</a>");
    }

    /** Only http and https links are followed (feed text is untrusted); whitespace or controls make it no link. */
    static boolean isWebUrl(String url) {
        if (url == null || url.length() > MAX_URL) {
            return false;
        }
        int hostStart;
        if (url.regionMatches(true, 0, "https://", 0, 8)) {
            hostStart = 8;
        } else if (url.regionMatches(true, 0, "http://", 0, 7)) {
            hostStart = 7;
        } else {
            return false;
        }
        if (url.length() == hostStart) {
            return false;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == 0x7f || Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }

    /** Collapses runs of whitespace, line breaks and control characters to one space and trims, so text stays on its line. */
    static String plain(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        boolean changed = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                // Unchanged only if this is a single plain space between words.
                changed |= c != ' ' || pendingSpace || out.length() == 0 || i == n - 1;
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return changed ? out.toString() : text;
    }

    /**
     * At most {@code max} UTF-16 units of plain text: cut at the last space in the second half, else hard
     * (never between a surrogate pair), trailing punctuation dropped, and an ellipsis added.
     */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int limit = max - 1;
        int end = limit;
        for (int i = limit; i > limit / 2; i--) {
            if (text.charAt(i) == ' ') {
                end = i;
                break;
            }
        }
        if (end == limit && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        while (end > 0 && isTrailingJunk(text.charAt(end - 1))) {
            end--;
        }
        return new StringBuilder(end + 1).append(text, 0, end).append(ELLIPSIS).toString();
    }

    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, Math.max(end, 0)) + ELLIPSIS;
    }

    private static boolean isTrailingJunk(char c) {
        return c == ' ' || c == ',' || c == ';' || c == ':' || c == '-' || c == '\u2013' || c == '\u2014';
    }

    /** Appends {@code HH:mm} of {@code instant} in {@code zone}, without a formatter (one per line per reader). */
    static StringBuilder appendClock(StringBuilder out, Instant instant, ZoneId zone) {
        int secondOfDay = (int) Math.floorMod(localEpochSecond(instant, zone), 86_400L);
        appendTwoDigits(out, secondOfDay / 3600).append(':');
        return appendTwoDigits(out, secondOfDay / 60 % 60);
    }

    /** Appends {@code dd.MM HH:mm}: lists such as search results span days. */
    static StringBuilder appendDateClock(StringBuilder out, Instant instant, ZoneId zone) {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(localEpochSecond(instant, zone), 86_400L));
        appendTwoDigits(out, date.getDayOfMonth()).append('.');
        appendTwoDigits(out, date.getMonthValue()).append(' ');
        return appendClock(out, instant, zone);
    }

    static StringBuilder appendTwoDigits(StringBuilder out, int value) {
        if (value < 10) {
            out.append('0');
        }
        return out.append(value);
    }

    private static long localEpochSecond(Instant instant, ZoneId zone) {
        return instant.getEpochSecond() + zone.getRules().getOffset(instant).getTotalSeconds();
    }
}
