package newsbot.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A WebSub hub on 127.0.0.1 for tests: it records subscription requests (answering 202), and on the test's word
 * verifies intent at the subscriber's callback and distributes content, signed or not.
 */
final class FakeHub implements AutoCloseable {

    private final HttpServer server;
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private FakeHub(HttpServer server) {
        this.server = server;
    }

    static FakeHub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeHub hub = new FakeHub(server);
            server.createContext("/", exchange -> {
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                hub.requests.add(fields(form));
                exchange.sendResponseHeaders(202, -1);
                exchange.close();
            });
            server.start();
            return hub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hub";
    }

    /** The subscription requests so far, each as its form's fields. */
    List<Map<String, String>> requests() {
        return List.copyOf(requests);
    }

    /** The hub's GET to the callback: what the subscriber answered. */
    HttpResponse<String> verify(String callback, String mode, String topic, String challenge, long leaseSeconds)
            throws Exception {
        String query = "hub.mode=" + enc(mode) + "&hub.topic=" + enc(topic) + "&hub.challenge=" + enc(challenge)
                + "&hub.lease_seconds=" + leaseSeconds;
        return http.send(HttpRequest.newBuilder(URI.create(callback + "?" + query)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Content distribution to the callback, with {@code signature} as X-Hub-Signature (null: none). */
    HttpResponse<String> deliver(String callback, byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(callback))
                .header("Content-Type", "application/rss+xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code method=hex} of the body with the secret, as a hub signs. */
    static String sign(String method, String secret, byte[] body) {
        String algorithm = method.equals("sha1") ? "HmacSHA1" : "HmacSHA256";
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return method + "=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> fields(String form) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length < 2 ? "" : java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return Map.copyOf(fields);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
