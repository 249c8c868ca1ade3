package newsbot.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import newsbot.telegram.SendOutcome;
import newsbot.telegram.TelegramGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts long polling once Telegram answers. Started while Telegram or the network is not reachable yet, the bot
 * does not exit: this keeps trying with capped backoff on a thread of its own, says so in one line per change of
 * state, and starts serving as soon as Telegram answers. Meanwhile the feeds are polled and the outbox fills.
 */
final class TelegramConnector {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramConnector.class);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    /** What to do once Telegram answers; throws when polling could not start (tried again after backoff). */
    @FunctionalInterface
    interface Connect {
        void connect() throws Exception;
    }

    private final TelegramGateway gateway;
    private final Connect connect;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch connected = new CountDownLatch(1);
    private volatile Thread thread;

    TelegramConnector(TelegramGateway gateway, Connect connect) {
        this(gateway, connect, FIRST_BACKOFF, MAX_BACKOFF);
    }

    TelegramConnector(TelegramGateway gateway, Connect connect, Duration firstBackoff, Duration maxBackoff) {
        this.gateway = gateway;
        this.connect = connect;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    void start() {
        thread = new Thread(this::run, "telegram-connect");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether polling started within {@code timeout}. */
    boolean awaitConnected(Duration timeout) throws InterruptedException {
        return connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether long polling started (and was not stopped since). */
    boolean connected() {
        return connected.getCount() == 0 && stopped.getCount() > 0;
    }

    void stop() {
        stopped.countDown();
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    private void run() {
        long backoff = firstBackoff.toMillis();
        String lastProblem = null;
        try {
            while (stopped.getCount() > 0) {
                String problem = tryOnce();
                if (problem == null) {
                    if (lastProblem != null) {
                        LOG.info("Telegram answers now: serving readers");
                    }
                    connected.countDown();
                    return;
                }
                if (!problem.equals(lastProblem)) {
                    LOG.warn("{}; trying again with backoff up to {} s, the bot starts serving as soon as Telegram "
                            + "answers", problem, maxBackoff.toSeconds());
                    lastProblem = problem;
                }
                if (stopped.await(backoff, TimeUnit.MILLISECONDS)) {
                    return;
                }
                backoff = Math.min(backoff * 2, maxBackoff.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One attempt; null when polling started, else what stood in the way, in plain words. */
    private String tryOnce() {
        SendOutcome webhook = gateway.deleteWebhook();
        if (webhook instanceof SendOutcome.Transient t) {
            return "cannot reach the Telegram Bot API (" + t.reason() + ")";
        }
        if (webhook instanceof SendOutcome.Rejected r && (r.errorCode() == 401 || r.errorCode() == 404)) {
            return "Telegram rejects the bot token (" + r.errorCode() + "): check telegram.token";
        }
        if (!(webhook instanceof SendOutcome.Delivered)) {
            return "Telegram did not remove the webhook (" + webhook + "); long polling needs none";
        }
        try {
            connect.connect();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return "long polling could not start (" + e.getMessage() + ")";
        }
    }
}
