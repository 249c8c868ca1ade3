package newsbot.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' HTTP endpoint: {@code GET /health} (200, or 503 with the reasons as JSON) and {@code GET
 * /metrics} (Prometheus text). The JDK's server on two daemon threads: a scrape or a probe every few seconds
 * needs no more.
 */
public final class OpsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);
    static final String METRICS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService threads;

    private OpsServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /**
     * Listens on {@code bind:port} ({@code port} 0: any free port, see {@link #port()}).
     *
     * @throws UncheckedIOException naming the address when it cannot be bound (in use, not a local address)
     */
    public static OpsServer start(String bind, int port, HealthCheck health, BotMetrics metrics) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(bind, port), 16);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("http.bind/http.port: cannot listen on " + bind + ":" + port
                    + " (" + e.getMessage() + ")", e));
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ops-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/health", exchange -> serve(exchange, () -> {
            HealthCheck.Report report = health.check();
            return new Answer(report.healthy() ? 200 : 503, "application/json", HealthJson.of(report));
        }));
        server.createContext("/metrics", exchange -> serve(exchange,
                () -> new Answer(200, METRICS_TYPE, metrics.scrape())));
        server.start();
        OpsServer ops = new OpsServer(server, threads);
        LOG.info("operators' endpoint on http://{}:{}/ (health, metrics)", bind, ops.port());
        return ops;
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    private record Answer(int status, String contentType, String body) {
    }

    private interface Handler {
        Answer answer();
    }

    private static void serve(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Answer answer;
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                answer = new Answer(405, "text/plain; charset=utf-8", "GET only\n");
            } else if (!path.equals(exchange.getHttpContext().getPath())) {
                answer = new Answer(404, "text/plain; charset=utf-8", "not found\n");
            } else {
                try {
                    answer = handler.answer();
                } catch (RuntimeException e) {
                    LOG.warn("{} failed: {}", path, e.toString());
                    answer = new Answer(500, "text/plain; charset=utf-8", "internal error\n");
                }
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(answer.status(), head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
