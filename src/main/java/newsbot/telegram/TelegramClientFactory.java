package newsbot.telegram;

import java.net.PasswordAuthentication;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Builds the HTTP plumbing for the Bot API (a send client, a long-polling client and the polling scheduler) on
 * daemon threads, and tears it all down in {@link #close()} so the JVM can exit (DESIGN.md §8).
 */
public final class TelegramClientFactory implements AutoCloseable {

    /**
     * @param connect  TCP connect timeout
     * @param send     read/write timeout for ordinary calls (sendMessage, editMessageText, ...)
     * @param longPoll the {@code timeout} the bot asks getUpdates for; the polling client reads for 10 s longer
     */
    public record Timeouts(Duration connect, Duration send, Duration longPoll) {
        public static final Timeouts DEFAULTS =
                new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(50));

        public Timeouts {
            Objects.requireNonNull(connect, "connect");
            Objects.requireNonNull(send, "send");
            Objects.requireNonNull(longPoll, "longPoll");
        }
    }

    private static final Duration POLL_READ_MARGIN = Duration.ofSeconds(10);
    /**
     * The most Bot API calls the sender ever has in flight; the HTTP client must allow at least as many. 64 fill
     * the free 30/s at any distance; paid broadcasts at 300/s need about 113 at 250 ms.
     */
    public static final int MAX_CONCURRENT_CALLS = 128;

    private final ExecutorService dispatcherExecutor;
    private final ConnectionPool connectionPool;
    private final OkHttpClient sendHttpClient;
    private final OkHttpClient pollingHttpClient;
    private final ScheduledExecutorService pollingExecutor;
    private final TelegramClient telegramClient;
    private final Timeouts timeouts;
    private final PollingWatch pollingWatch;

    public TelegramClientFactory(String token, TelegramUrl url) {
        this(token, url, Timeouts.DEFAULTS);
    }

    public TelegramClientFactory(String token, TelegramUrl url, Timeouts timeouts) {
        this(token, url, timeouts, ProxyRoute.DIRECT, Clock.systemUTC());
    }

    /** @param route directly or through a proxy; {@code clock} stamps the polling answers for the health check */
    public TelegramClientFactory(String token, TelegramUrl url, Timeouts timeouts, ProxyRoute route, Clock clock) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(route, "route");
        pollingWatch = new PollingWatch(clock);
        Objects.requireNonNull(url, "url");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        // OkHttp's default dispatcher threads are not daemons and linger 60 s: they keep the JVM alive.
        dispatcherExecutor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemonThreads("telegram-http-"));
        Dispatcher dispatcher = new Dispatcher(dispatcherExecutor);
        // OkHttp runs at most 5 calls per host at once by default; the sender keeps up to MAX_CONCURRENT_CALLS in
        // flight to fill Telegram's limits across a round trip, and the long poll needs one more on top.
        dispatcher.setMaxRequests(MAX_CONCURRENT_CALLS + 8);
        dispatcher.setMaxRequestsPerHost(MAX_CONCURRENT_CALLS + 8);
        // Idle connections are dropped well before a server is likely to close them, which keeps the
        // "stale pooled connection" failures rare now that silent retries are off (below).
        connectionPool = new ConnectionPool(MAX_CONCURRENT_CALLS, 30, TimeUnit.SECONDS);
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(connectionPool)
                .connectTimeout(timeouts.connect())
                .addInterceptor(new BotApiAnswers())
                .proxy(route.proxy());
        route.credentials().ifPresent(credentials -> builder.proxyAuthenticator(proxyAuthenticator(credentials)));
        OkHttpClient base = builder.build();
        // A sendMessage is not idempotent: OkHttp would otherwise silently re-POST it after a connection drop,
        // and Telegram may already have delivered the first one. The outbox retries Transient outcomes itself.
        sendHttpClient = base.newBuilder()
                .retryOnConnectionFailure(false)
                .readTimeout(timeouts.send())
                .writeTimeout(timeouts.send())
                .build();
        pollingHttpClient = base.newBuilder()
                .addInterceptor(pollingWatch)
                .readTimeout(timeouts.longPoll().plus(POLL_READ_MARGIN))
                .writeTimeout(timeouts.send())
                .build();
        pollingExecutor = Executors.newSingleThreadScheduledExecutor(daemonThreads("telegram-poll-"));
        telegramClient = new OkHttpTelegramClient(sendHttpClient, token, url);
    }

    /** The Bot API client for everything but getUpdates; hand it to {@link TelegramGateway}. */
    public TelegramClient telegramClient() {
        return telegramClient;
    }

    /** For {@code new TelegramBotsLongPollingApplication(ObjectMapper::new, factory::pollingHttpClient, ...)}. */
    public OkHttpClient pollingHttpClient() {
        return pollingHttpClient;
    }

    /** What the last getUpdates answers showed (for the health check). */
    public PollingStatus pollingStatus() {
        return pollingWatch.status();
    }

    /** A daemon scheduler for {@code TelegramBotsLongPollingApplication}; shut down by {@link #close()}. */
    public ScheduledExecutorService pollingExecutor() {
        return pollingExecutor;
    }

    /** The getUpdates {@code timeout} in seconds that matches the polling client's read timeout. */
    public int longPollSeconds() {
        return (int) timeouts.longPoll().toSeconds();
    }

    /**
     * Ends the long poll in flight without touching other calls, and waits up to {@code grace} for the polling
     * thread to finish the update it may be handling: replies of that update still go out.
     */
    public void stopPolling(Duration grace) throws InterruptedException {
        pollingExecutor.shutdown();
        for (okhttp3.Call call : pollingHttpClient.dispatcher().runningCalls()) {
            if (call.request().url().encodedPath().toLowerCase(java.util.Locale.ROOT).endsWith("/getupdates")) {
                call.cancel();
            }
        }
        if (!pollingExecutor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            pollingExecutor.shutdownNow();
        }
    }

    /** Cancels calls in flight, stops every thread this factory started and closes pooled connections. */
    @Override
    public void close() {
        // cancelAll also cancels synchronous calls, such as the long poll blocked in BotSession.
        sendHttpClient.dispatcher().cancelAll();
        pollingExecutor.shutdownNow();
        dispatcherExecutor.shutdownNow();
        connectionPool.evictAll();
    }

    /**
     * Answers a proxy's 407 (and OkHttp's pre-emptive challenge for a CONNECT tunnel) with basic credentials,
     * once: a second 407 means they are wrong, and the call fails as unreachable instead of looping.
     */
    private static okhttp3.Authenticator proxyAuthenticator(PasswordAuthentication credentials) {
        String header = Credentials.basic(credentials.getUserName(), new String(credentials.getPassword()));
        return (route, response) -> {
            if (header.equals(response.request().header("Proxy-Authorization"))) {
                return null;
            }
            return response.request().newBuilder().header("Proxy-Authorization", header).build();
        };
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
