package newsbot.feed;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Untrusted feed HTML to one line of plain text, and cutting text to a length at a word boundary. */
final class PlainText {

    private static final String INVISIBLE_ELEMENTS =
            "script, style, noscript, template, iframe, object, embed, svg, math, head, title";
    // Text that still looks like markup after one pass came double-escaped (&amp;lt;p&amp;gt;): parse once more.
    private static final Pattern MARKUP = Pattern.compile("</?[A-Za-z][A-Za-z0-9]*(?:\\s[^<>]*)?/?>|<!--");
    // Unicode spaces jsoup leaves alone (no-break, thin, ideographic...) and line/paragraph separators.
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]+");
    // Zero-width characters, the BOM and control characters: invisible, and they break word matching.
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\p{Cc}&&[^\\s]]");
    private static final char ELLIPSIS = '…';

    private PlainText() {
    }

    /** Tags, comments, scripts and styles removed, entities decoded, whitespace collapsed; never null. */
    static String of(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        String text = textOf(html);
        if (MARKUP.matcher(text).find()) {
            text = textOf(text);
        }
        return normalize(text);
    }

    /** Collapses whitespace and drops invisible characters, without touching markup. */
    static String normalize(String text) {
        String visible = INVISIBLE.matcher(text).replaceAll("");
        return SPACES.matcher(visible).replaceAll(" ").strip();
    }

    /**
     * Cuts {@code text} to at most {@code max} chars including a trailing "…", at the last word boundary when
     * there is one in the second half, never between the two halves of a surrogate pair.
     */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        if (max <= 1) {
            return max == 1 ? String.valueOf(ELLIPSIS) : "";
        }
        int end = max - 1;
        if (Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        int space = text.lastIndexOf(' ', end);
        if (space > max / 2) {
            end = space;
        }
        String head = text.substring(0, end).stripTrailing();
        // "word, …" and "word — …" read badly: drop dangling punctuation before the ellipsis.
        while (!head.isEmpty() && ",;:—–-(«\"".indexOf(head.charAt(head.length() - 1)) >= 0) {
            head = head.substring(0, head.length() - 1).stripTrailing();
        }
        return head + ELLIPSIS;
    }

    private static String textOf(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        document.select(INVISIBLE_ELEMENTS).remove();
        return document.body().text();
    }
}
