package newsbot.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import newsbot.store.AuditAction;
import newsbot.store.AuditTrail;
import newsbot.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's "there is news now": a ping makes the feed be polled at once, on a thread of its own. Pings within
 * {@link #COALESCE} of the last push poll of the feed join into one more poll at the end of that window, run by the
 * regular poll cycle (the item may have been published after the first fetch, so none is dropped). Each feed takes
 * {@link #BURST} pings at once and one more every {@link #REFILL}; past that, pings are refused.
 */
public final class FeedPushes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPushes.class);
    static final Duration COALESCE = Duration.ofSeconds(3);
    static final int BURST = 10;
    static final Duration REFILL = Duration.ofSeconds(6);

    /** What became of a ping. */
    public enum Ping {
        ACCEPTED, UNKNOWN_FEED, TOO_MANY
    }

    private record Bucket(double tokens, Instant at) {
    }

    private final FeedPoller poller;
    private final Clock clock;
    private final Database db;
    private final AuditTrail audit = new AuditTrail();
    private final ExecutorService worker;
    private final Map<String, Instant> lastPoll = new HashMap<>();
    private final Map<String, Bucket> buckets = new HashMap<>();

    /** @param db where each accepted ping becomes a row of the audit trail */
    public FeedPushes(FeedPoller poller, Database db, Clock clock) {
        this.poller = poller;
        this.db = db;
        this.clock = clock;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "feed-push");
            thread.setDaemon(true);
            return thread;
        });
    }

    public Ping ping(String feedId) {
        if (!poller.isConfigured(feedId)) {
            return Ping.UNKNOWN_FEED;
        }
        Instant now = clock.instant();
        Runnable task;
        String outcome;
        synchronized (this) {
            if (!take(feedId, now)) {
                LOG.info("push for feed {} refused: more than {} pings within {} s", feedId, BURST,
                        REFILL.multipliedBy(BURST).toSeconds());
                return Ping.TOO_MANY;
            }
            Instant last = lastPoll.get(feedId);
            if (last != null && now.isBefore(last.plus(COALESCE))) {
                Instant at = last.plus(COALESCE);
                // After the poll under way, which would otherwise move the feed's next poll past this one.
                task = () -> poller.dueBy(feedId, at);
                outcome = "joins one more poll " + COALESCE.toSeconds() + " s after the last";
            } else {
                lastPoll.put(feedId, now);
                task = () -> poll(feedId);
                outcome = "polling now";
            }
        }
        LOG.info("push for feed {}: {}", feedId, outcome);
        try {
            db.useTransaction(h -> audit.record(h, now, AuditTrail.SITE, AuditAction.PUSH_RECEIVED, feedId, 0, outcome));
        } catch (RuntimeException e) {
            LOG.warn("push for feed {} not recorded in the audit trail: {}", feedId, e.toString());
        }
        worker.execute(task);
        return Ping.ACCEPTED;
    }

    /** Waits until every poll asked for so far has run (tests, and a clean stop). */
    public void awaitIdle(Duration timeout) throws InterruptedException {
        try {
            worker.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("push polls still running after " + timeout, e);
        }
    }

    private boolean take(String feedId, Instant now) {
        Bucket b = buckets.getOrDefault(feedId, new Bucket(BURST, now));
        double refilled = Math.min(BURST, b.tokens()
                + (double) Duration.between(b.at(), now).toMillis() / REFILL.toMillis());
        if (refilled < 1) {
            buckets.put(feedId, new Bucket(refilled, now));
            return false;
        }
        buckets.put(feedId, new Bucket(refilled - 1, now));
        return true;
    }

    private void poll(String feedId) {
        try {
            int added = poller.pollNow(feedId);
            LOG.info("pushed feed {} polled: {} new articles", feedId, added);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
