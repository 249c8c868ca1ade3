package newsbot.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * A feed server on 127.0.0.1 for tests: serves fixtures with ETag/Last-Modified and 304s, records requests, and
 * can change a feed, gzip it, redirect, be slow, fail, or send hostile bodies (gzip bomb, oversized).
 */
public final class FeedServer implements AutoCloseable {

    /** One request as the server saw it; header names are matched case-insensitively. */
    public record RecordedRequest(String method, String path, Map<String, List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    // Last-Modified values are derived from a version counter, not the wall clock: tests stay deterministic.
    private static final Instant EPOCH = Instant.parse("2026-11-28T00:00:00Z");

    private record Installed(FeedRoute route, String etag, Instant lastModified) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Installed> routes = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong versions = new AtomicLong();

    private FeedServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts a server on a free loopback port. */
    public static FeedServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "feed-server");
            thread.setDaemon(true);
            return thread;
        });
        FeedServer feedServer = new FeedServer(server, executor);
        server.createContext("/", feedServer::handle);
        server.setExecutor(executor);
        server.start();
        return feedServer;
    }

    /** The bytes of {@code src/test/resources/feeds/<name>}. */
    public static byte[] fixture(String name) {
        try (InputStream in = FeedServer.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Serves a fixture as {@code application/rss+xml; charset=utf-8}. */
    public void serveFixture(String path, String fixture) {
        serve(path, FeedRoute.ok(fixture(fixture), "application/rss+xml; charset=utf-8"));
    }

    public void serve(String path, byte[] body, String contentType) {
        serve(path, FeedRoute.ok(body, contentType));
    }

    /** Installs or replaces what {@code path} answers; each call is a new version with a new ETag and date. */
    public void serve(String path, FeedRoute route) {
        long version = versions.incrementAndGet();
        routes.put(path, new Installed(route, "\"v" + version + "\"", EPOCH.plusSeconds(60 * version)));
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public List<RecordedRequest> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The Last-Modified header the current version of {@code path} is served with. */
    public String lastModified(String path) {
        return httpDate(routes.get(path).lastModified());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow(); // interrupts handlers that are still trickling or delaying
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            requests.add(new RecordedRequest(exchange.getRequestMethod(), path,
                    Map.copyOf(exchange.getRequestHeaders())));
            Installed installed = routes.get(path);
            if (installed == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            respond(exchange, installed);
        } catch (IOException e) {
            // The client gave up (timeout, size cap): nothing left to answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // close() is stopping a slow handler
        }
    }

    private void respond(HttpExchange exchange, Installed installed) throws IOException, InterruptedException {
        FeedRoute route = installed.route();
        if (!route.headerDelay().isZero()) {
            Thread.sleep(route.headerDelay().toMillis());
        }
        var headers = exchange.getResponseHeaders();
        if (route.location() != null) {
            headers.set("Location", route.location());
            exchange.sendResponseHeaders(route.status(), -1);
            return;
        }
        if (route.status() != 200) {
            exchange.sendResponseHeaders(route.status(), -1);
            return;
        }
        if (route.etag()) {
            headers.set("ETag", installed.etag());
        }
        if (route.lastModified()) {
            headers.set("Last-Modified", httpDate(installed.lastModified()));
        }
        if (notModified(exchange, installed)) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        if (route.contentType() != null) {
            headers.set("Content-Type", route.contentType());
        }
        if (route.generatedLength() > 0) {
            writeFiller(exchange, route.generatedLength(), route.declareLength());
            return;
        }
        byte[] body = route.gzip() ? gzip(route.body()) : route.body();
        if (route.gzip() || route.contentEncoding() != null) {
            headers.set("Content-Encoding", route.gzip() ? "gzip" : route.contentEncoding());
        }
        if (route.trickleChunk() > 0) {
            exchange.sendResponseHeaders(200, 0); // chunked: the client cannot know when it ends
            OutputStream out = exchange.getResponseBody();
            for (int at = 0; at < body.length; at += route.trickleChunk()) {
                out.write(Arrays.copyOfRange(body, at, Math.min(body.length, at + route.trickleChunk())));
                out.flush();
                Thread.sleep(route.tricklePause().toMillis());
            }
            return;
        }
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    private static boolean notModified(HttpExchange exchange, Installed installed) {
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        if (ifNoneMatch != null) {
            // RFC 9110: If-None-Match wins over If-Modified-Since when both are sent.
            return installed.route().etag() && Arrays.stream(ifNoneMatch.split(","))
                    .map(String::strip).anyMatch(tag -> tag.equals(installed.etag()) || tag.equals("*"));
        }
        String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
        if (ifModifiedSince == null || !installed.route().lastModified()) {
            return false;
        }
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !installed.lastModified().isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void writeFiller(HttpExchange exchange, long length, boolean declare) throws IOException {
        exchange.sendResponseHeaders(200, declare ? length : 0);
        byte[] chunk = "<!-- padding padding padding padding padding padding padding -->\n".repeat(128)
                .getBytes(StandardCharsets.US_ASCII);
        OutputStream out = exchange.getResponseBody();
        for (long sent = 0; sent < length; sent += chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, length - sent));
        }
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
