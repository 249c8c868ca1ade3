package newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bot API calls go through an HTTP proxy with basic credentials when {@code telegram.proxy} names one. */
class ProxyRouteTest {

    /** What the proxy saw: the absolute request URI and the credentials offered. */
    record Seen(String uri, String authorization) {
    }

    static final String USER = "relay";
    static final String PASSWORD = "s3cr3t-pa55";

    FakeBotApi telegram;
    HttpServer proxy;
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final HttpClient forward = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        telegram = FakeBotApi.start();
        proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        proxy.createContext("/", exchange -> {
            try (exchange) {
                String auth = exchange.getRequestHeaders().getFirst("Proxy-Authorization");
                URI target = exchange.getRequestURI();
                seen.add(new Seen(target.toString(), auth));
                if (!expected.equals(auth)) {
                    exchange.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"test\"");
                    exchange.sendResponseHeaders(407, -1);
                    return;
                }
                if (!"127.0.0.1".equals(target.getHost())) {
                    exchange.sendResponseHeaders(502, -1); // never beyond loopback
                    return;
                }
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(target)
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
                String type = exchange.getRequestHeaders().getFirst("Content-Type");
                if (type != null) {
                    request.header("Content-Type", type);
                }
                HttpResponse<byte[]> answer = forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                answer.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders().set("Content-Type", t));
                exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        proxy.start();
    }

    @AfterEach
    void stop() {
        proxy.stop(0);
        telegram.close();
    }

    @Test
    void callsGoThroughTheProxyWithItsCredentials() {
        ProxyRoute route = new ProxyRoute(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1",
                proxy.getAddress().getPort())), Optional.of(new PasswordAuthentication(USER, PASSWORD.toCharArray())));
        try (TelegramClientFactory factory = new TelegramClientFactory(telegram.token(), telegram.telegramUrl(),
                TelegramClientFactory.Timeouts.DEFAULTS, route, java.time.Clock.systemUTC())) {
            TelegramGateway gateway = new TelegramGateway(factory.telegramClient());
            assertThat(gateway.deleteWebhook()).isInstanceOf(SendOutcome.Delivered.class);
        }
        assertThat(telegram.requestCount("deleteWebhook")).isEqualTo(1);
        assertThat(seen).isNotEmpty();
        assertThat(seen).allSatisfy(s -> assertThat(s.uri()).startsWith("http://127.0.0.1:" + telegram.port() + "/bot"));
        // the first try goes without credentials; the 407 makes OkHttp offer them, once
        assertThat(seen.get(seen.size() - 1).authorization()).startsWith("Basic ");
        assertThat(route.toString()).doesNotContain(PASSWORD).contains(TokenRedactor.REDACTED);
    }

    @Test
    void wrongCredentialsEndInOneRefusalNotALoop() {
        ProxyRoute route = new ProxyRoute(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1",
                proxy.getAddress().getPort())), Optional.of(new PasswordAuthentication(USER, "wrong".toCharArray())));
        try (TelegramClientFactory factory = new TelegramClientFactory(telegram.token(), telegram.telegramUrl(),
                TelegramClientFactory.Timeouts.DEFAULTS, route, java.time.Clock.systemUTC())) {
            SendOutcome outcome = new TelegramGateway(factory.telegramClient()).deleteWebhook();
            assertThat(outcome).isNotInstanceOf(SendOutcome.Delivered.class);
        }
        assertThat(telegram.requestCount("deleteWebhook")).isZero();
        assertThat(seen).hasSize(2);
    }

    @Test
    void withoutAProxyRouteNothingReachesTheProxy() {
        try (TelegramClientFactory factory = new TelegramClientFactory(telegram.token(), telegram.telegramUrl())) {
            assertThat(new TelegramGateway(factory.telegramClient()).deleteWebhook())
                    .isInstanceOf(SendOutcome.Delivered.class);
        }
        assertThat(seen).isEmpty();
    }
}
