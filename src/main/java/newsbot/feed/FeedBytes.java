package newsbot.feed;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte-level fixes applied before Rome sees a feed: charset guessing, Rome's date bug, HTML sniffing. */
final class FeedBytes {

    private static final Pattern CHARSET_PARAM = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)");
    private static final Pattern PROLOG_ENCODING =
            Pattern.compile("^\\s*<\\?xml[^>]*?\\bencoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern HTML_START = Pattern.compile(
            "^\\s*(?:<\\?xml[^>]*>\\s*)?(?:<!--.*?-->\\s*)*<(?:!doctype\\s+html|html[\\s>]|head[\\s>]|body[\\s>])",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    // A date element whose text has more than three fractional digits; group 1 is everything up to the third.
    private static final Pattern LONG_FRACTION = Pattern.compile(
            "(<(?:[A-Za-z_][\\w.-]*:)?(?:pubDate|date|published|updated|issued|modified|created|lastBuildDate)"
                    + "(?:\\s[^<>]*)?>\\s*[^<]{0,40}?\\d{2}:\\d{2}:\\d{2}[.,]\\d{3})\\d+");
    private static final int PROLOG_WINDOW = 1024;

    private FeedBytes() {
    }

    /**
     * The content type to hand Rome's XmlReader: unchanged, except that when neither the header nor the XML
     * prolog names a charset and the bytes are not valid UTF-8, windows-1251 is assumed.
     */
    static String effectiveContentType(byte[] body, String contentType) {
        if (charsetParam(contentType) != null || prologEncoding(body) != null || hasBom(body) || isUtf8(body)) {
            return contentType;
        }
        String mime = contentType == null || contentType.isBlank() ? "application/xml"
                : contentType.split(";", 2)[0].strip();
        return mime + "; charset=windows-1251";
    }

    /**
     * Rome reads fractional seconds as milliseconds, so {@code 10:15:30.492186Z} becomes 10:23:42. Dates are
     * ASCII in every charset a feed uses here (a Latin-1 view maps bytes 1:1), so the extra digits are cut.
     */
    static byte[] truncateFractionalSeconds(byte[] body) {
        if (body.length >= 2 && (body[0] == 0 || body[1] == 0 || (body[0] & 0xFE) == 0xFE)) {
            return body; // UTF-16/32: not ASCII-compatible, leave it alone
        }
        String latin1 = new String(body, StandardCharsets.ISO_8859_1);
        Matcher matcher = LONG_FRACTION.matcher(latin1);
        if (!matcher.find()) {
            return body;
        }
        return matcher.replaceAll("$1").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** True when the document plainly is an HTML page (doctype or root element), whatever the header says. */
    static boolean looksLikeHtml(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, PROLOG_WINDOW), StandardCharsets.ISO_8859_1);
        return HTML_START.matcher(stripBom(start)).find();
    }

    static String charsetParam(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET_PARAM.matcher(contentType);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    static String prologEncoding(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, PROLOG_WINDOW), StandardCharsets.ISO_8859_1);
        Matcher m = PROLOG_ENCODING.matcher(stripBom(start));
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    private static boolean hasBom(byte[] b) {
        return b.length >= 2 && ((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF
                || (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE
                || b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF);
    }

    private static String stripBom(String latin1) {
        return latin1.startsWith("\u00EF\u00BB\u00BF") ? latin1.substring(3) : latin1;
    }

    // Decodes in fixed-size chunks so a 5 MiB feed costs no 10 MB char array just to be checked.
    private static boolean isUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return !decoder.flush(out.clear()).isError();
            }
            out.clear();
        }
    }
}
