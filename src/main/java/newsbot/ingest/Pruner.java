package newsbot.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import newsbot.store.Articles;
import newsbot.store.SeenItems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes articles past the retention, in small transactions so that nobody waits long for the database; and the
 * keys of items seen, which live three retentions (or while their feed still carries them), at most
 * {@link #MAX_SEEN_KEYS} of them.
 */
final class Pruner {

    private static final Logger LOG = LoggerFactory.getLogger(Pruner.class);
    static final Duration EVERY = Duration.ofHours(1);
    private static final int BATCH = 500;

    private final WriteSession session;
    /** Enough for years of a busy site's feeds (a few hundred items a day); about 100 bytes each. */
    static final int MAX_SEEN_KEYS = 1_000_000;
    private final Articles articles = new Articles();
    private final SeenItems seen = new SeenItems();
    private final Duration retention;
    private final int maxSeenKeys;
    private final Clock clock;
    private volatile Instant lastRun;

    Pruner(WriteSession session, Duration retention, Clock clock) {
        this(session, retention, clock, MAX_SEEN_KEYS);
    }

    Pruner(WriteSession session, Duration retention, Clock clock, int maxSeenKeys) {
        this.maxSeenKeys = maxSeenKeys;
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
        Instant seenCutoff = now.minus(retention.multipliedBy(3));
        int keys = 0;
        for (int n = BATCH; n == BATCH; keys += n) {
            n = session.inTransaction(h -> seen.deleteSeenBefore(h, seenCutoff, BATCH));
        }
        for (int n = BATCH; n == BATCH; keys += n) {
            n = session.inTransaction(h -> seen.deleteBeyond(h, maxSeenKeys, BATCH));
        }
        if (keys > 0) {
            LOG.info("forgot {} keys of items last seen before {} or beyond the newest {}", keys, seenCutoff,
                    maxSeenKeys);
        }
        return total;
    }
}
