package newsbot.ops;

import newsbot.store.ArticleReads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsbot.store.Database;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.Outbox;
import newsbot.store.FeedState;
import newsbot.store.Feeds;

/**
 * The numbers only the database knows (queue by kind, oldest pending row, each feed's last success), read in one
 * go per scrape rather than one query per gauge.
 */
final class StoreGauges {

    /** One read of the database. */
    record Snapshot(Map<DeliveryKind, Integer> pendingByKind, Optional<Instant> oldestPending, List<FeedState> feeds,
                    long articleReads, Instant at) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), Optional.empty(), List.of(), 0, Instant.EPOCH);

        double oldestPendingAgeSeconds() {
            return oldestPending.map(t -> Math.max(0, Duration.between(t, at).toMillis() / 1000.0)).orElse(0.0);
        }
    }

    private final Database db;
    private final Clock clock;
    private final Feeds feeds = new Feeds();
    private final ArticleReads reads = new ArticleReads();
    private volatile Snapshot last = Snapshot.EMPTY;

    private final Outbox outbox;

    StoreGauges(Database db, Outbox outbox, Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Reads the database again; on failure the previous numbers stay (the health check reports the database). */
    Snapshot refresh() {
        Snapshot next = db.withHandle(h -> new Snapshot(outbox.pendingByKind(h),
                outbox.oldestPendingCreatedAt(h), feeds.all(h), reads.total(h), clock.instant()));
        last = next;
        return next;
    }

    Snapshot last() {
        return last;
    }
}
