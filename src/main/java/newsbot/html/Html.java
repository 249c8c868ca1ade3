package newsbot.html;

import java.util.List;

/** Telegram HTML helpers: escaping of untrusted text, splitting into message-sized parts, plain-text preview. */
public final class Html {

    /** Telegram's limit for a message text, in UTF-16 units here (Telegram counts characters: this is stricter). */
    public static final int MAX_MESSAGE = 4096;

    /** Telegram's limit for a photo caption. */
    public static final int MAX_CAPTION = 1024;

    private Html() {
    }

    /** Escapes text for Telegram HTML: only {@code < > & "} need it, and only these entities are decoded. */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            String replacement = switch (text.charAt(i)) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(text.charAt(i));
            }
        }
        return out == null ? text : out.toString();
    }

    /** A link with an escaped label; only http(s) targets become links, anything else is shown as plain text. */
    public static String link(String url, String label) {
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return escape(label);
        }
        return "<a href=\"" + escape(url) + "\">" + escape(label) + "</a>";
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
