package newsbot.html;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsbot.html.HtmlTokens.Token;

/** Telegram HTML to the text a reader sees; used by previews, never for sending. */
final class HtmlPlainText {

    private static final Pattern HREF = Pattern.compile("href\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
            Pattern.CASE_INSENSITIVE);

    private HtmlPlainText() {
    }

    static String render(String html) {
        StringBuilder out = new StringBuilder(html.length());
        // For each open <a>: its decoded href (or null) and where its label starts in the output.
        Deque<String> hrefs = new ArrayDeque<>();
        Deque<Integer> labelStarts = new ArrayDeque<>();
        for (Token token : HtmlTokens.tokenize(html)) {
            switch (token.kind()) {
                case TEXT -> out.append(token.text());
                case ENTITY -> out.append(decodeEntity(token.text()));
                case OPEN -> {
                    if (token.name().equals("a")) {
                        hrefs.push(href(token.text()));
                        labelStarts.push(out.length());
                    }
                }
                case CLOSE -> {
                    if (token.name().equals("a") && !hrefs.isEmpty()) {
                        String href = hrefs.pop();
                        String label = out.substring(labelStarts.pop());
                        if (!href.isEmpty() && !label.equals(href)) {
                            out.append(" (").append(href).append(')');
                        }
                    }
                }
            }
        }
        return out.toString();
    }

    private static String href(String tag) {
        Matcher matcher = HREF.matcher(tag);
        if (!matcher.find()) {
            return "";
        }
        String raw = matcher.group(1) != null ? matcher.group(1)
                : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
        return render(raw);
    }

    /** Only what Telegram decodes; anything else is shown literally, as Telegram does. */
    static String decodeEntity(String entity) {
        String body = entity.substring(1, entity.length() - 1);
        switch (body) {
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "amp":
                return "&";
            case "quot":
                return "\"";
            default:
                break;
        }
        if (body.startsWith("#")) {
            try {
                boolean hex = body.length() > 1 && (body.charAt(1) == 'x' || body.charAt(1) == 'X');
                int codePoint = Integer.parseInt(body.substring(hex ? 2 : 1), hex ? 16 : 10);
                if (Character.isValidCodePoint(codePoint) && codePoint != 0
                        && !(codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                    return new String(Character.toChars(codePoint));
                }
            } catch (NumberFormatException e) {
                return entity;
            }
        }
        return entity;
    }
}
