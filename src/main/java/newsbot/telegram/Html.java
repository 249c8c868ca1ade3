package newsbot.telegram;

/** Telegram HTML helpers: escaping of untrusted text (and, later, splitting into message-sized parts). */
public final class Html {

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
}
