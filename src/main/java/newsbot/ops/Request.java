package newsbot.ops;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One request to the operators' endpoint: the method, the path without its query, the query's parameters (decoded),
 * the header fields (names in lower case) and the body a route asked for (empty otherwise).
 */
record Request(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body) {

    Request {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    Optional<String> header(String lowerCaseName) {
        return Optional.ofNullable(headers.get(lowerCaseName));
    }

    /** The parameters of a raw query string; a repeated name keeps its first value. */
    static Map<String, String> parseQuery(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a malformed escape is kept as sent; no route matches it anyway
        }
    }
}
