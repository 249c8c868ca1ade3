package newsbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small multipart/form-data parser: enough for what OkHttp's MultipartBody writes. */
final class FakeMultipart {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final byte[] HEADER_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private FakeMultipart() {
    }

    static void parse(String contentType, byte[] body, Map<String, JsonNode> fields,
                      Map<String, FakeRequest.FilePart> files) {
        Matcher boundaryMatcher = BOUNDARY.matcher(contentType);
        if (!boundaryMatcher.find()) {
            throw FakeApiError.badRequest("multipart boundary is missing");
        }
        byte[] delimiter = ("--" + boundaryMatcher.group(1)).getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int partStart = at + delimiter.length;
            if (partStart + 1 < body.length && body[partStart] == '-' && body[partStart + 1] == '-') {
                return; // closing delimiter
            }
            partStart += 2; // CRLF after the delimiter
            int next = indexOf(body, delimiter, partStart);
            if (next < 0) {
                throw FakeApiError.badRequest("multipart body is truncated");
            }
            int headersEnd = indexOf(body, HEADER_END, partStart);
            if (headersEnd < 0 || headersEnd > next) {
                throw FakeApiError.badRequest("multipart part without headers");
            }
            String headers = new String(body, partStart, headersEnd - partStart, StandardCharsets.UTF_8);
            byte[] content = Arrays.copyOfRange(body, headersEnd + HEADER_END.length, next - 2); // CRLF before
            Matcher name = NAME.matcher(headers);
            if (name.find()) {
                Matcher fileName = FILENAME.matcher(headers);
                if (fileName.find()) {
                    files.put(name.group(1), new FakeRequest.FilePart(fileName.group(1), content));
                } else {
                    fields.put(name.group(1), TextNode.valueOf(new String(content, StandardCharsets.UTF_8)));
                }
            }
            at = next;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
