package newsbot.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts Telegram HTML into the smallest pieces a splitter may not break: whole tags, whole entities, and
 * characters together with what must stay attached to them (surrogate pairs, combining marks, emoji modifiers
 * and ZWJ sequences). Malformed markup degrades to text instead of failing.
 */
final class HtmlTokens {

    enum Kind { TEXT, ENTITY, OPEN, CLOSE }

    /** One unbreakable piece; {@code name} is the lower-case tag name for OPEN and CLOSE. */
    record Token(Kind kind, String text, String name) {
        boolean isChar(char c) {
            return kind == Kind.TEXT && text.length() == 1 && text.charAt(0) == c;
        }

        boolean isVisible() {
            return kind == Kind.ENTITY || kind == Kind.TEXT && !text.isBlank();
        }
    }

    private static final int MAX_ENTITY = 12;

    private HtmlTokens() {
    }

    static List<Token> tokenize(String html) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = html.length();
        while (i < n) {
            char c = html.charAt(i);
            int end;
            if (c == '<' && (end = tagEnd(html, i)) > 0) {
                String text = html.substring(i, end);
                boolean closing = text.startsWith("</");
                tokens.add(new Token(closing ? Kind.CLOSE : Kind.OPEN, text, tagName(text, closing ? 2 : 1)));
                i = end;
            } else if (c == '&' && (end = entityEnd(html, i)) > 0) {
                tokens.add(new Token(Kind.ENTITY, html.substring(i, end), null));
                i = end;
            } else {
                end = clusterEnd(html, i);
                tokens.add(new Token(Kind.TEXT, html.substring(i, end), null));
                i = end;
            }
        }
        return tokens;
    }

    /** End (exclusive) of a tag starting at {@code start}, or -1 if this '<' does not start one. */
    private static int tagEnd(String html, int start) {
        int i = start + 1;
        if (i < html.length() && html.charAt(i) == '/') {
            i++;
        }
        if (i >= html.length() || !Character.isLetter(html.charAt(i))) {
            return -1;
        }
        char quote = 0;
        for (; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            } else if (c == '<') {
                return -1;
            }
        }
        return -1;
    }

    private static String tagName(String tag, int from) {
        int i = from;
        while (i < tag.length() && (Character.isLetterOrDigit(tag.charAt(i)) || tag.charAt(i) == '-')) {
            i++;
        }
        return tag.substring(from, i).toLowerCase(Locale.ROOT);
    }

    /** End (exclusive) of {@code &name;}, {@code &#123;} or {@code &#x1F600;} at {@code start}, or -1. */
    private static int entityEnd(String html, int start) {
        int limit = Math.min(html.length(), start + MAX_ENTITY);
        for (int i = start + 1; i < limit; i++) {
            char c = html.charAt(i);
            if (c == ';') {
                return i > start + 1 ? i + 1 : -1;
            }
            if (!(Character.isLetterOrDigit(c) || c == '#')) {
                return -1;
            }
        }
        return -1;
    }

    /** End of the character at {@code start} plus everything that renders as part of it. */
    private static int clusterEnd(String text, int start) {
        int i = start + Character.charCount(text.codePointAt(start));
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (cp == 0x200D && i + 1 < text.length()) {
                // Zero-width joiner: the joiner and the next character belong to this cluster.
                i += 1;
                i += Character.charCount(text.codePointAt(i));
            } else if (isExtender(cp)) {
                i += Character.charCount(cp);
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isExtender(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || (cp >= 0xFE00 && cp <= 0xFE0F) // variation selectors
                || (cp >= 0x1F3FB && cp <= 0x1F3FF) // skin tones
                || (cp >= 0xE0020 && cp <= 0xE007F); // tag sequences (flags of regions)
    }
}
