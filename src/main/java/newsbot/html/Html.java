package newsbot.html;

import java.util.List;

/** Telegram HTML helpers: escaping of untrusted text, splitting into message-sized parts, plain-text preview. */
public final class Html {

    /** Telegram's limit for a message text, in UTF-16 units here (Telegram counts characters: this is stricter). */
    public static final int MAX_MESSAGE = 4096;

    /** What a reply quotes of what someone typed: a 4,000-character argument must not make the reply too long. */
    public static final int MAX_ECHO = 64;

    /** Telegram's limit for a photo caption. */
    public static final int MAX_CAPTION = 1024;

    private Html() {
    }

    /** Escapes text for Telegram HTML: only {@code < > & "} need it, and only these entities are decoded. */
    public static String escape(String text) {
        return HtmlText.escape(text);
    }

    /** Appends {@code text} escaped, into a caller's builder (digests are composed for every reader). */
    public static StringBuilder appendEscaped(StringBuilder out, CharSequence text) {
        return HtmlText.appendEscaped(out, text);
    }

    /** A link with an escaped label; only plain http(s) targets become links, anything else is shown as text. */
    public static String link(String url, String label) {
        return HtmlText.appendLink(new StringBuilder(), url, label).toString();
    }

    public static StringBuilder appendLink(StringBuilder out, String url, String label) {
        return HtmlText.appendLink(out, url, label);
    }

    /** Whether {@code url} may be a link: http or https, no whitespace or controls, not absurdly long. */
    public static boolean isWebUrl(String url) {
        return HtmlText.isWebUrl(url);
    }

    /** Runs of whitespace and control characters as one space, trimmed: text that stays on its line. */
    public static String plain(String text) {
        return HtmlText.plain(text);
    }

    /**
     * At most {@code max} UTF-16 units of plain text for reading: cut at a word boundary in the second half, trailing
     * punctuation dropped, and an ellipsis added.
     */
    public static String cut(String text, int max) {
        return HtmlText.cut(text, max);
    }

    /**
     * At most {@code max} characters of text someone typed or a system reported (echoed arguments, errors): cut
     * hard, never inside a surrogate pair, with an ellipsis when cut. Not escaped.
     */
    public static String shorten(String text, int max) {
        return HtmlText.shorten(text, max);
    }

    /**
     * A detail from a library or a server (an exception message, an HTTP reason) as one short line for logs and
     * reports: whitespace runs collapsed, at most {@code max} characters. Empty for null or blank.
     */
    public static String oneLine(String text, int max) {
        return text == null ? "" : shorten(plain(text), max);
    }

    /** What a reply may quote of someone's input: at most {@link #MAX_ECHO} characters, then an ellipsis. */
    public static String echo(String text) {
        return text.length() <= MAX_ECHO ? text : shorten(text, MAX_ECHO + 1);
    }

    public static StringBuilder appendClock(StringBuilder out, java.time.Instant instant, java.time.ZoneId zone) {
        return HtmlText.appendClock(out, instant, zone);
    }

    public static StringBuilder appendDateClock(StringBuilder out, java.time.Instant instant, java.time.ZoneId zone) {
        return HtmlText.appendDateClock(out, instant, zone);
    }

    public static StringBuilder appendTwoDigits(StringBuilder out, int value) {
        return HtmlText.appendTwoDigits(out, value);
    }

    /**
     * Splits Telegram HTML into parts of at most {@code maxLen} UTF-16 units: at paragraph breaks ("\n\n"), else
     * line breaks, else spaces, else anywhere between characters; never inside a tag, an entity, a surrogate pair
     * or an emoji sequence. Tags open at a cut are closed at the end of the part and reopened at the start of the
     * next, so each part is valid on its own; the separator at a cut is dropped. Text that already fits comes
     * back unchanged as the only part. A boundary is preferred only if it fills at least half a part.
     */
    public static List<String> split(String html, int maxLen) {
        return HtmlSplitter.split(html, maxLen);
    }

    /** {@link #split(String, int)} with {@link #MAX_MESSAGE}. */
    public static List<String> split(String html) {
        return split(html, MAX_MESSAGE);
    }

    /**
     * Renders Telegram HTML roughly as a chat shows it, for previews: tags dropped, the four named entities and
     * numeric ones decoded (others stay literal, as in Telegram), links as "label (url)" unless the label is the
     * url itself.
     */
    public static String toPlainText(String html) {
        return HtmlPlainText.render(html);
    }
}
