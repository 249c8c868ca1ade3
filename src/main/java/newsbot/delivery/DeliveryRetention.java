package newsbot.delivery;

import java.time.Clock;
import java.time.Duration;
import newsbot.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets finished deliveries after a while: every digest keeps its full text, so 100,000 readers would otherwise
 * add a few hundred megabytes a day. Deletes in small transactions so readers' replies never wait on the lock.
 */
public final class DeliveryRetention {

    /** Longer than every look back that reads finished rows: digests (7 days), /stats (48 h), /broadcasts. */
    public static final Duration KEEP = Duration.ofDays(14);
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRetention.class);
    private static final int BATCH = 5_000;

    private final Database db;
    private final OutboxTable deliveries;
    private final Clock clock;

    public DeliveryRetention(Database db, Outbox outbox, Clock clock) {
        this.db = db;
        this.deliveries = outbox.table();
        this.clock = clock;
    }

    /** Deletes finished rows older than {@link #KEEP}; returns how many. Never throws: it runs on a schedule. */
    public int prune() {
        int total = 0;
        try {
            int deleted;
            do {
                deleted = db.inTransaction(h -> deliveries.deleteFinishedBefore(h, clock.instant().minus(KEEP), BATCH));
                total += deleted;
            } while (deleted == BATCH && !Thread.currentThread().isInterrupted());
            if (total > 0) {
                LOG.info("forgot {} finished deliveries older than {} days", total, KEEP.toDays());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not prune old deliveries: {}", e.getMessage());
        }
        return total;
    }
}
