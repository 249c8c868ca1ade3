package newsbot.ops;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' HTTP endpoint: {@code GET /health} (200, or 503 with the reasons as JSON), {@code GET
 * /metrics} (Prometheus text) and, when configured, the newsroom's {@code POST /push/<feed>} and
 * {@code /websub/<feed>} ({@link Route}s; a WebSub delivery's body is read up to its cap, {@link #BODIES} at once).
 * A small HTTP/1.1 server of its own, one request per connection: the JDK's server waits for ever for a request's
 * head, so two clients that sent half a request jammed it and Docker's health check failed. Here a client has
 * {@link #CLIENT_TIMEOUT} to send its request (and its body) and as long to take the answer; at most
 * {@link #SCRAPES} scrapes run at once, so threads stay free for {@code /health} however many scrape.
 */
public final class OpsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);
    static final String METRICS_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final String TEXT = Answer.TEXT;
    /** Docker's health check gives up after 5 s; a client slower than that is hung up on. */
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(5);
    /** Connections served at once; a connection past them is closed at once. */
    static final int THREADS = 16;
    /** Scrapes at once; another one meanwhile is told 503 to come back, and keeps no thread. */
    static final int SCRAPES = 4;
    private static final int MAX_HEAD_BYTES = 8192;
    /** Requests carrying a body read at once (WebSub deliveries); another one meanwhile is told 503. */
    static final int BODIES = 4;
    /** An unwanted body (a push ping's) is read and dropped up to this size, so closing never resets the answer. */
    static final int DROPPED_BODY = 64 * 1024;

    private final ServerSocket socket;
    private final Map<String, Handler> routes;
    private final Duration clientTimeout;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService timer;
    private final Semaphore scrapes = new Semaphore(SCRAPES);
    private final Semaphore bodies = new Semaphore(BODIES);
    private final List<Route> more;
    private final Thread acceptor;

    private OpsServer(ServerSocket socket, HealthCheck health, BotMetrics metrics, Duration clientTimeout,
                      List<Route> more) {
        this.socket = socket;
        this.clientTimeout = clientTimeout;
        this.more = List.copyOf(more);
        this.routes = Map.of("/health", () -> {
            HealthCheck.Report report = health.check();
            return new Answer(report.healthy() ? 200 : 503, "application/json", HealthJson.of(report));
        }, "/metrics", () -> scrape(metrics));
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemon(() -> "ops-http-" + n.incrementAndGet()));
        workers.allowCoreThreadTimeOut(true);
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon(() -> "ops-http-timeouts"));
        this.acceptor = daemon(() -> "ops-http-accept").newThread(this::accept);
    }

    /**
     * Listens on {@code bind:port} ({@code port} 0: any free port, see {@link #port()}).
     *
     * @throws UncheckedIOException naming the address when it cannot be bound (in use, not a local address)
     */
    public static OpsServer start(String bind, int port, HealthCheck health, BotMetrics metrics) {
        return start(bind, port, health, metrics, CLIENT_TIMEOUT, List.of());
    }

    /**
     * With the newsroom's routes: {@code POST /push/<feed>} when {@code pushToken} is present, {@code /websub/<feed>}
     * when {@code webSub} is.
     */
    public static OpsServer start(String bind, int port, HealthCheck health, BotMetrics metrics,
                                  Optional<String> pushToken, PushHook push, Optional<WebSubHook> webSub,
                                  int maxWebSubBody) {
        List<Route> more = new java.util.ArrayList<>();
        pushToken.ifPresent(token -> more.add(new PushRoute(token, push)));
        webSub.ifPresent(hook -> more.add(new WebSubRoute(hook, maxWebSubBody)));
        return start(bind, port, health, metrics, CLIENT_TIMEOUT, more);
    }

    static OpsServer start(String bind, int port, HealthCheck health, BotMetrics metrics, Duration clientTimeout) {
        return start(bind, port, health, metrics, clientTimeout, List.of());
    }

    static OpsServer start(String bind, int port, HealthCheck health, BotMetrics metrics, Duration clientTimeout,
                           List<Route> more) {
        ServerSocket socket;
        try {
            socket = new ServerSocket();
            socket.bind(new InetSocketAddress(bind, port), 50);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("http.bind/http.port: cannot listen on " + bind + ":" + port
                    + " (" + e.getMessage() + ")", e));
        }
        OpsServer ops = new OpsServer(socket, health, metrics, clientTimeout, more);
        ops.acceptor.start();
        LOG.info("operators' endpoint on http://{}:{}/ (health, metrics)", bind, ops.port());
        return ops;
    }

    /** The port actually bound. */
    public int port() {
        return socket.getLocalPort();
    }

    private interface Handler {
        Answer answer();
    }

    private Answer scrape(BotMetrics metrics) {
        if (!scrapes.tryAcquire()) {
            return new Answer(503, TEXT, "busy: " + SCRAPES + " scrapes are under way, try again\n");
        }
        try {
            return new Answer(200, METRICS_TYPE, metrics.scrape());
        } finally {
            scrapes.release();
        }
    }

    private void accept() {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.warn("operators' endpoint: accept failed: {}", e.toString());
                    // out of file descriptors, say: no busy loop while it lasts
                    java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                }
                continue;
            }
            try {
                workers.execute(() -> serve(client));
            } catch (RejectedExecutionException e) {
                LOG.debug("operators' endpoint: {} connections at once, one dropped", THREADS);
                closeQuietly(client);
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            // closing the socket is what ends a blocked read or write: a slow client never holds the thread long
            ScheduledFuture<?> hangUp = timer.schedule(() -> closeQuietly(client), clientTimeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            InputStream in = client.getInputStream();
            Optional<String> head = readHead(in);
            hangUp.cancel(false);
            Answer answer;
            boolean bodyToo = true;
            if (head.isEmpty()) {
                answer = new Answer(431, TEXT, "request head too large\n");
            } else {
                String[] lines = head.get().split("\r?\n");
                String[] line = lines[0].split(" ", 3);
                String method = line[0];
                String[] target = line.length < 2 ? new String[] {""} : line[1].split("\\?", 2);
                bodyToo = !method.equals("HEAD");
                Map<String, String> headers = headers(lines);
                Optional<Route> route = more.stream().filter(r -> r.serves(target[0])).findFirst();
                if (route.isPresent()) {
                    hangUp = timer.schedule(() -> closeQuietly(client), clientTimeout.toMillis(), TimeUnit.MILLISECONDS);
                    answer = withBody(route.get(), method, target, headers, in);
                    hangUp.cancel(false);
                } else {
                    answer = answer(method, target[0]);
                }
            }
            hangUp = timer.schedule(() -> closeQuietly(client), clientTimeout.toMillis(), TimeUnit.MILLISECONDS);
            write(client.getOutputStream(), answer, bodyToo);
            hangUp.cancel(false);
        } catch (IOException e) {
            LOG.debug("operators' endpoint: a client went away or was too slow: {}", e.toString());
        }
    }

    /** Reads the body the route wants (or drops a small unwanted one), then asks the route. */
    private Answer withBody(Route route, String method, String[] target, Map<String, String> headers, InputStream in)
            throws IOException {
        if (headers.containsKey("transfer-encoding")) {
            return new Answer(411, TEXT, "send a Content-Length\n");
        }
        long length;
        try {
            length = Long.parseLong(headers.getOrDefault("content-length", "0").strip());
        } catch (NumberFormatException e) {
            return new Answer(400, TEXT, "bad Content-Length\n");
        }
        int wanted = route.maxBody(method);
        if (length < 0 || length > Math.max(wanted, DROPPED_BODY)) {
            return new Answer(413, TEXT, "request body too large\n");
        }
        boolean heavy = wanted > 0;
        if (heavy && !bodies.tryAcquire()) {
            return new Answer(503, TEXT, "busy: " + BODIES + " deliveries are being read, try again\n");
        }
        try {
            byte[] body = in.readNBytes((int) length);
            if (body.length < length) {
                throw new EOFException("the client closed before its body was complete");
            }
            Request request = new Request(method, target[0],
                    Request.parseQuery(target.length > 1 ? target[1] : ""), headers, heavy ? body : new byte[0]);
            return route.answer(request);
        } catch (RuntimeException e) {
            LOG.warn("{} failed: {}", target[0], e.toString());
            return new Answer(500, TEXT, "internal error\n");
        } finally {
            if (heavy) {
                bodies.release();
            }
        }
    }

    private Answer answer(String method, String path) {
        Handler handler = routes.get(path);
        if (handler == null) {
            return new Answer(404, TEXT, "not found\n");
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Answer.only("GET, HEAD");
        }
        try {
            return handler.answer();
        } catch (RuntimeException e) {
            LOG.warn("{} failed: {}", path, e.toString());
            return new Answer(500, TEXT, "internal error\n");
        }
    }

    /** The header fields of a request head, names in lower case; a repeated field keeps its first value. */
    private static Map<String, String> headers(String[] lines) {
        Map<String, String> headers = new java.util.HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        return headers;
    }

    /** The whole head (request line and fields), once it has come; empty when it is larger than any probe sends. */
    private static Optional<String> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int newlines = 0;
        while (newlines < 2) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the client closed before its request was complete");
            }
            if (head.size() == MAX_HEAD_BYTES) {
                return Optional.empty();
            }
            head.write(b);
            if (b == '\n') {
                newlines++;
            } else if (b != '\r') {
                newlines = 0;
            }
        }
        return Optional.of(head.toString(StandardCharsets.ISO_8859_1).strip());
    }

    private static void write(OutputStream out, Answer answer, boolean bodyToo) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + answer.status() + " " + reason(answer.status()) + "\r\n"
                + "Content-Type: " + answer.contentType() + "\r\n"
                + "Cache-Control: no-store\r\n"
                + (answer.status() == 405 ? "Allow: " + answer.allow() + "\r\n" : "")
                + (answer.status() == 429 ? "Retry-After: 60\r\n" : "")
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        if (bodyToo) {
            out.write(body);
        }
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 411 -> "Length Required";
            case 413 -> "Content Too Large";
            case 429 -> "Too Many Requests";
            case 405 -> "Method Not Allowed";
            case 431 -> "Request Header Fields Too Large";
            case 503 -> "Service Unavailable";
            default -> "Internal Server Error";
        };
    }

    private static void closeQuietly(Socket client) {
        try {
            client.close();
        } catch (IOException e) {
            // closing is all that was left to do
        }
    }

    private static ThreadFactory daemon(Supplier<String> name) {
        return r -> {
            Thread t = new Thread(r, name.get());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("operators' endpoint: closing: {}", e.toString());
        }
        acceptor.interrupt();
        workers.shutdownNow();
        timer.shutdownNow();
    }
}
