package newsbot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of one Bot API call, whichever way they came: a JSON body (what OkHttpTelegramClient sends),
 * multipart/form-data (sendPhoto: JSON-valued fields arrive as strings), a urlencoded body or the query string.
 */
final class FakeRequest {

    /** An uploaded file part. */
    record FilePart(String fileName, byte[] bytes) {
    }

    private final Map<String, JsonNode> params;
    private final Map<String, FilePart> files;
    private final ObjectMapper json;

    private FakeRequest(Map<String, JsonNode> params, Map<String, FilePart> files, ObjectMapper json) {
        this.params = params;
        this.files = files;
        this.json = json;
    }

    static FakeRequest parse(String contentType, String rawQuery, byte[] body, ObjectMapper json) {
        Map<String, JsonNode> params = new HashMap<>();
        Map<String, FilePart> files = new HashMap<>();
        if (rawQuery != null) {
            formFields(rawQuery, params);
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (body.length > 0) {
            if (type.startsWith("application/json")) {
                try {
                    json.readTree(body).fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue()));
                } catch (java.io.IOException e) {
                    throw FakeApiError.badRequest("can't parse JSON body: " + e.getMessage());
                }
            } else if (type.startsWith("multipart/form-data")) {
                FakeMultipart.parse(contentType, body, params, files);
            } else {
                formFields(new String(body, StandardCharsets.UTF_8), params);
            }
        }
        return new FakeRequest(params, files, json);
    }

    private static void formFields(String encoded, Map<String, JsonNode> into) {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.put(key, TextNode.valueOf(value));
        }
    }

    boolean has(String name) {
        JsonNode node = params.get(name);
        return node != null && !node.isNull();
    }

    String string(String name) {
        JsonNode node = params.get(name);
        return node == null || node.isNull() ? null : node.isTextual() ? node.textValue() : node.toString();
    }

    long requiredLong(String name) {
        String value = string(name);
        if (value == null) {
            throw FakeApiError.badRequest(name + " is empty");
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw FakeApiError.badRequest("invalid " + name + " specified");
        }
    }

    /** A chat id; "@channel" usernames are not known to the fake. */
    long chatId() {
        String value = string("chat_id");
        if (value == null || value.isBlank()) {
            throw FakeApiError.badRequest("chat_id is empty");
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw FakeApiError.badRequest("chat not found");
        }
    }

    int intOr(String name, int fallback) {
        String value = string(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw FakeApiError.badRequest("invalid " + name + " specified");
        }
    }

    boolean bool(String name) {
        JsonNode node = params.get(name);
        return node != null && (node.isBoolean() ? node.booleanValue() : "true".equalsIgnoreCase(node.asText()));
    }

    /** A structured parameter; in multipart and form bodies these arrive JSON-serialized as strings. */
    JsonNode object(String name) {
        JsonNode node = params.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            try {
                return json.readTree(node.textValue());
            } catch (JsonProcessingException e) {
                throw FakeApiError.badRequest("can't parse " + name + " JSON object");
            }
        }
        return node;
    }

    FilePart file(String name) {
        return files.get(name);
    }
}
