package newsbot.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.Lock;
import newsbot.store.Articles;
import newsbot.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes articles past the retention, in small transactions so readers and writers never wait long. */
final class Pruner {

    private static final Logger LOG = LoggerFactory.getLogger(Pruner.class);
    static final Duration EVERY = Duration.ofHours(1);
    private static final int BATCH = 500;

    private final Database db;
    private final Articles articles = new Articles();
    private final Duration retention;
    private final Clock clock;
    private final Lock writes;
    private volatile Instant lastRun;

    Pruner(Database db, Duration retention, Clock clock, Lock writes) {
        this.db = db;
        this.retention = retention;
        this.clock = clock;
        this.writes = writes;
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
            writes.lock();
            try {
                n = db.inTransaction(h -> articles.deleteFetchedBefore(h, cutoff, BATCH));
            } finally {
                writes.unlock();
            }
        }
        if (total > 0) {
            LOG.info("pruned {} articles fetched before {}", total, cutoff);
        }
        return total;
    }
}
