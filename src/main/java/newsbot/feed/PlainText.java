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
        return normalizeKeepingEdges(text).strip();
    }

    /** As {@link #normalize} but a leading or trailing run of whitespace stays as one space. */
    static String normalizeKeepingEdges(String text) {
        String visible = INVISIBLE.matcher(text).replaceAll("");
        return SPACES.matcher(visible).replaceAll(" ");
    }

    private static String textOf(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        document.select(INVISIBLE_ELEMENTS).remove();
        return document.body().text();
    }
}
