package newsbot.telegram;


import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Parses text with {@code parse_mode=HTML} the way the Bot API does, independently of the production code it
 * checks. Deliberately stricter than Telegram in one respect: an {@code &} that does not start
 * {@code &lt; &gt; &amp; &quot;} or a numeric entity is an error here, while Telegram shows it literally (as
 * {@code &nbsp;} from a careless escaper would be): that is always a bug in what the bot sends.
 */
public final class TelegramHtmlValidator {

    /** The visible text, or the reason Telegram gives after "can't parse entities: ". */
    public record Result(String plainText, String error) {
        public boolean valid() {
            return error == null;
        }
    }

    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
            "tg-spoiler", "span", "a", "code", "pre", "blockquote", "tg-emoji");

    private final String html;
    private final StringBuilder text = new StringBuilder();
    private final Deque<String> open = new ArrayDeque<>();
    private int pos;

    private TelegramHtmlValidator(String html) {
        this.html = html;
    }

    public static Result parse(String html) {
        TelegramHtmlValidator parser = new TelegramHtmlValidator(html);
        try {
            parser.run();
            return new Result(parser.text.toString(), null);
        } catch (IllegalArgumentException e) {
            return new Result(null, e.getMessage());
        }
    }

    /** The 400 description sendMessage would get for this HTML text, or empty if Telegram accepts it. */
    public static Optional<String> checkMessage(String html) {
        return check(html, FakeLimits.MAX_MESSAGE, "Bad Request: message is too long");
    }

    /** The 400 description sendPhoto would get for this HTML caption, or empty if Telegram accepts it. */
    public static Optional<String> checkCaption(String html) {
        return check(html, FakeLimits.MAX_CAPTION, "Bad Request: message caption is too long");
    }

    private static Optional<String> check(String html, int max, String tooLong) {
        Result result = parse(html);
        if (!result.valid()) {
            return Optional.of("Bad Request: can't parse entities: " + result.error());
        }
        if (result.plainText().isBlank()) {
            return Optional.of("Bad Request: message text is empty");
        }
        return result.plainText().length() > max ? Optional.of(tooLong) : Optional.empty();
    }

    private void run() {
        while (pos < html.length()) {
            char c = html.charAt(pos);
            if (c == '<') {
                tag();
            } else if (c == '&') {
                text.append(entity());
            } else {
                text.append(c);
                pos++;
            }
        }
        if (!open.isEmpty()) {
            throw fail("Can't find end tag corresponding to start tag \"" + open.peek() + "\"");
        }
    }

    private void tag() {
        int start = pos;
        pos++;
        boolean closing = pos < html.length() && html.charAt(pos) == '/';
        if (closing) {
            pos++;
        }
        String name = name().toLowerCase(Locale.ROOT);
        if (closing) {
            skipSpaces();
            if (pos >= html.length() || html.charAt(pos) != '>') {
                throw fail("Unclosed end tag at byte offset " + offset(start));
            }
            pos++;
            if (open.isEmpty()) {
                throw fail("Unexpected end tag at byte offset " + offset(start));
            }
            if (!open.peek().equals(name)) {
                throw fail("Unmatched end tag at byte offset " + offset(start) + ", expected \"</" + open.peek()
                        + ">\", found \"</" + name + ">\"");
            }
            open.pop();
            return;
        }
        if (!TAGS.contains(name)) {
            throw fail("Unsupported start tag \"" + name + "\" at byte offset " + offset(start));
        }
        String spanClass = null;
        String emojiId = null;
        while (true) {
            skipSpaces();
            if (pos >= html.length()) {
                throw fail("Unclosed start tag at byte offset " + offset(start));
            }
            if (html.charAt(pos) == '>') {
                pos++;
                break;
            }
            String attribute = name().toLowerCase(Locale.ROOT);
            if (attribute.isEmpty()) {
                throw fail("Empty attribute name in the tag \"" + name + "\" at byte offset " + offset(start));
            }
            String value = "";
            skipSpaces();
            if (pos < html.length() && html.charAt(pos) == '=') {
                pos++;
                skipSpaces();
                value = attributeValue(start);
            }
            if (name.equals("span") && attribute.equals("class")) {
                spanClass = value;
            }
            if (name.equals("tg-emoji") && attribute.equals("emoji-id")) {
                emojiId = value;
            }
        }
        if (name.equals("span") && !"tg-spoiler".equals(spanClass)) {
            throw fail("Tag \"span\" must have class \"tg-spoiler\" at byte offset " + offset(start));
        }
        if (name.equals("tg-emoji") && (emojiId == null || emojiId.isEmpty())) {
            throw fail("Tag \"tg-emoji\" must have attribute \"emoji-id\" at byte offset " + offset(start));
        }
        open.push(name);
    }

    private String attributeValue(int tagStart) {
        if (pos >= html.length()) {
            throw fail("Unclosed start tag at byte offset " + offset(tagStart));
        }
        char quote = html.charAt(pos);
        StringBuilder value = new StringBuilder();
        if (quote == '"' || quote == '\'') {
            pos++;
            while (pos < html.length() && html.charAt(pos) != quote) {
                if (html.charAt(pos) == '&') {
                    value.append(entity());
                } else {
                    value.append(html.charAt(pos++));
                }
            }
            if (pos >= html.length()) {
                throw fail("Unclosed start tag at byte offset " + offset(tagStart));
            }
            pos++;
        } else {
            while (pos < html.length() && !Character.isWhitespace(html.charAt(pos)) && html.charAt(pos) != '>') {
                value.append(html.charAt(pos++));
            }
        }
        return value.toString();
    }

    private String entity() {
        int start = pos;
        int semicolon = html.indexOf(';', pos);
        if (semicolon < 0 || semicolon - pos > 10) {
            throw fail("Unsupported HTML entity at byte offset " + offset(start) + " (escape '&' as &amp;)");
        }
        String body = html.substring(pos + 1, semicolon);
        pos = semicolon + 1;
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
        if (body.matches("#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}")) {
            boolean hex = body.charAt(1) == 'x' || body.charAt(1) == 'X';
            int codePoint = Integer.parseInt(body.substring(hex ? 2 : 1), hex ? 16 : 10);
            if (codePoint > 0 && Character.isValidCodePoint(codePoint)
                    && !(codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                return new String(Character.toChars(codePoint));
            }
        }
        throw fail("Unsupported HTML entity \"&" + body + ";\" at byte offset " + offset(start));
    }

    private String name() {
        int start = pos;
        while (pos < html.length()
                && (Character.isLetterOrDigit(html.charAt(pos)) || html.charAt(pos) == '-'
                || html.charAt(pos) == '_')) {
            pos++;
        }
        return html.substring(start, pos);
    }

    private void skipSpaces() {
        while (pos < html.length() && Character.isWhitespace(html.charAt(pos))) {
            pos++;
        }
    }

    private int offset(int charIndex) {
        return html.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
    }

    private static IllegalArgumentException fail(String message) {
        return new IllegalArgumentException(message);
    }
}
