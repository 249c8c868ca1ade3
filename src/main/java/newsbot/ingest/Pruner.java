package newsbot.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import newsbot.store.Articles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes articles past the retention, in small transactions so that nobody waits long for the database. */
final class Pruner {

    private static final Logger LOG = LoggerFactory.getLogger(Pruner.class);
    static final Duration EVERY = Duration.ofHours(1);
    private static final int BATCH = 500;

    private final WriteSession session;
    private final Articles articles = new Articles();
    private final Duration retention;
    private final Clock clock;
    private volatile Instant lastRun;

    Pruner(WriteSession session, Duration retention, Clock clock) {
        this.session = session;
        this.retention = retention;
        this.clock = clock;
    }

    /** Prunes unless it did less than {@link #EVERY} ago; returns how many articles went. */
    int pruneIfDue() {
        Instant now = clock.instant();
        if (lastRun != null && now.isBefore(lastRun.plus(EVERY))) {
            return 0;
        }
        return prune();
    }

    int prune() {
        Instant now = clock.instant();
        lastRun = now;
        Instant cutoff = now.minus(retention);
        int total = 0;
        for (int n = BATCH; n == BATCH; total += n) {
            // One small transaction per batch: the feed threads get the connection in between.
            n = session.inTransaction(h -> articles.deleteFetchedBefore(h, cutoff, BATCH));
        }
        if (total > 0) {
            LOG.info("pruned {} articles fetched before {}", total, cutoff);
        }
        return total;
    }
}
