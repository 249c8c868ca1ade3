package newsbot.ingest;

import static newsbot.ingest.IngestFixture.feed;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import newsbot.config.FeedSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Servers that count requests in flight: one at a time per server, several servers at once. */
class PoliteConcurrencyTest {

    @TempDir
    Path dir;
    private IngestFixture f;
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<ExecutorService> pools = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final ConcurrentHashMap<Integer, AtomicInteger> perServer = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, Integer> maxPerServer = new ConcurrentHashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        f = new IngestFixture(dir);
    }

    @AfterEach
    void tearDown() {
        servers.forEach(s -> s.stop(0));
        pools.forEach(ExecutorService::shutdownNow);
        f.close();
    }

    @Test
    void oneRequestAtATimePerServerAndServersInParallel() throws Exception {
        List<FeedSource> feeds = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            int port = start();
            for (int i = 0; i < 3; i++) {
                feeds.add(feed("s" + s + "f" + i, "http://127.0.0.1:" + port + "/f" + i + ".xml", null));
            }
        }

        assertThat(f.poller(f.config(feeds, Set.of())).pollDue()).isEqualTo(9);

        assertThat(maxPerServer.values()).containsOnly(1);
        assertThat(maxInFlight.get()).isBetween(2, 3);
    }

    private int start() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService pool = Executors.newCachedThreadPool();
        pools.add(pool);
        server.setExecutor(pool);
        int port = server.getAddress().getPort();
        perServer.put(port, new AtomicInteger());
        maxPerServer.put(port, 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                int here = perServer.get(port).incrementAndGet();
                maxPerServer.merge(port, here, Math::max);
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                Thread.sleep(150);
                byte[] body = new Rss().item(exchange.getRequestURI().getPath() + port, "Новость " + port
                        + exchange.getRequestURI().getPath(), IngestFixture.NOW).bytes();
                inFlight.decrementAndGet();
                perServer.get(port).decrementAndGet();
                exchange.getResponseHeaders().set("Content-Type", IngestFixture.RSS);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        servers.add(server);
        return port;
    }
}
