package newsbot.feed;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Looks at a feed's DOCTYPE before the XML parser does. A DOCTYPE that only names a DTD (RSS 0.91's Netscape one)
 * is harmless: the parser never loads DTDs or external entities. Entity declarations in an internal subset are
 * what XXE and "billion laughs" need, and no real feed needs them: such a document is refused, so entity expansion
 * is capped at none before the parser's own limits even apply.
 */
final class DoctypeCheck {

    // The DOCTYPE must come before the root element; a prolog longer than this is not a news feed.
    private static final int PROLOG_LIMIT = 64 * 1024;
    private static final String DOCTYPE = "<!DOCTYPE";

    private DoctypeCheck() {
    }

    /** Why the document's DOCTYPE is refused, or empty when it has none or a harmless one. */
    static Optional<String> refusal(byte[] body) {
        String prolog = prolog(body);
        int start = prolog.indexOf(DOCTYPE);
        if (start < 0) {
            return Optional.empty();
        }
        int subset = internalSubsetStart(prolog, start + DOCTYPE.length());
        if (subset < 0) {
            return Optional.empty();
        }
        if (prolog.indexOf("<!ENTITY", subset) >= 0 || prolog.indexOf('%', subset) >= 0) {
            return Optional.of("DOCTYPE with entity declarations refused (no DTDs, external entities or entity "
                    + "expansion)");
        }
        return Optional.empty();
    }

    /** The index just after the '[' opening the internal subset, or -1 when the DOCTYPE ends without one. */
    private static int internalSubsetStart(String text, int from) {
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                return i + 1;
            } else if (c == '>') {
                return -1;
            }
        }
        return -1;
    }

    // Only the ASCII markup matters: one byte per char for ASCII-compatible charsets, UTF-16 when a BOM says so.
    private static String prolog(byte[] body) {
        int length = Math.min(body.length, PROLOG_LIMIT);
        Charset charset = StandardCharsets.ISO_8859_1;
        if (length >= 2 && (body[0] & 0xff) == 0xfe && (body[1] & 0xff) == 0xff) {
            charset = StandardCharsets.UTF_16BE;
        } else if (length >= 2 && (body[0] & 0xff) == 0xff && (body[1] & 0xff) == 0xfe) {
            charset = StandardCharsets.UTF_16LE;
        }
        return new String(body, 0, length, charset);
    }
}
