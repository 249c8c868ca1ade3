package newsbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import newsbot.delivery.DeliveryCounters;
import newsbot.delivery.DeliveryTime;
import newsbot.delivery.Outbox;
import newsbot.delivery.Dispatcher;
import newsbot.store.Database;
import newsbot.telegram.PollingStatus;
import newsbot.testing.TestClock;
import newsbot.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operators' endpoint over real loopback sockets: clients that jam it, and scrapes that take long. */
class OpsServerTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;
    final TestClock clock = new TestClock(T0);
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Scrapes wait here, as one reading a slow database would: each takes a permit when it starts. */
    final CountDownLatch scrapesMayFinish = new CountDownLatch(1);
    final Semaphore scrapesStarted = new Semaphore(0);
    final List<Socket> clients = new ArrayList<>();
    BotMetrics metrics;
    HealthCheck health;

    @BeforeEach
    void setUp() {
        Database db = TestDatabases.open(dir.resolve("ops.db"));
        metrics = new BotMetrics(new MetricSources(db, new Outbox(DeliveryTime.system(clock)), clock, new DeliveryCounters(), () -> {
            scrapesStarted.release();
            try {
                scrapesMayFinish.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Dispatcher.Status.idle();
        }, () -> 0, () -> Map.of(), () -> 0, () -> 0, () -> true));
        PollingStatus polling = new PollingStatus(Optional.of(T0), Optional.of(T0), "ok");
        health = new HealthCheck(db, () -> true, () -> polling, () -> Optional.of(T0), clock, Duration.ofMinutes(3));
    }

    @AfterEach
    void tearDown() throws Exception {
        scrapesMayFinish.countDown();
        for (Socket s : clients) {
            s.close();
        }
        metrics.close();
    }

    /** A client that sends the start of a request and then nothing. */
    private Socket halfRequest(int port) throws Exception {
        Socket s = new Socket("127.0.0.1", port);
        clients.add(s);
        OutputStream out = s.getOutputStream();
        out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }

    private HttpRequest get(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(3))
                .GET().build();
    }

    @Test
    void halfRequestsAndManySlowScrapesLeaveHealthAnswering() throws Exception {
        try (OpsServer server = OpsServer.start("127.0.0.1", 0, health, metrics)) {
            int port = server.port();
            for (int i = 0; i < 3; i++) {
                halfRequest(port);
            }
            List<CompletableFuture<HttpResponse<String>>> scrapes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                scrapes.add(http.sendAsync(get(port, "/metrics"), HttpResponse.BodyHandlers.ofString()));
            }
            assertThat(scrapesStarted.tryAcquire(10, TimeUnit.SECONDS)).as("a scrape is under way").isTrue();

            long start = System.nanoTime();
            HttpResponse<String> answer = http.send(get(port, "/health"), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"status\":\"ok\"}\n");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));

            scrapesMayFinish.countDown();
            for (CompletableFuture<HttpResponse<String>> scrape : scrapes) {
                // a scrape over the few allowed at once is told to come back, at once
                assertThat(scrape.get(10, TimeUnit.SECONDS).statusCode()).isIn(200, 503);
            }
            assertThat(http.send(get(port, "/metrics"), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void aClientThatDoesNotFinishItsRequestIsHungUpOn() throws Exception {
        try (OpsServer server = OpsServer.start("127.0.0.1", 0, health, metrics, Duration.ofMillis(300))) {
            Socket slow = halfRequest(server.port());
            slow.setSoTimeout(10_000);
            long start = System.nanoTime();
            InputStream in = slow.getInputStream();
            assertThat(in.read()).as("closed without an answer").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

            // the same request, finished, is answered as any other
            Socket prompt = new Socket("127.0.0.1", server.port());
            clients.add(prompt);
            prompt.getOutputStream().write("GET /health HTTP/1.0\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            prompt.setSoTimeout(10_000);
            String reply = new String(prompt.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(reply).startsWith("HTTP/1.1 200 ").contains("Content-Type: application/json")
                    .endsWith("\r\n\r\n{\"status\":\"ok\"}\n");
        }
    }
}
