package newsbot.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsbot.store.Database;
import newsbot.store.Deliveries;
import newsbot.store.FeedState;
import newsbot.store.Feeds;

/**
 * The numbers only the database knows (queue by kind, oldest pending row, each feed's last success), read in one
 * go per scrape rather than one query per gauge.
 */
final class StoreGauges {

    /** One read of the database. */
    record Snapshot(Map<String, Integer> pendingByKind, Optional<Instant> oldestPending, List<FeedState> feeds,
                    Instant at) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), Optional.empty(), List.of(), Instant.EPOCH);

        double oldestPendingAgeSeconds() {
            return oldestPending.map(t -> Math.max(0, Duration.between(t, at).toMillis() / 1000.0)).orElse(0.0);
        }
    }

    private final Database db;
    private final Clock clock;
    private final Deliveries deliveries = new Deliveries();
    private final Feeds feeds = new Feeds();
    private volatile Snapshot last = Snapshot.EMPTY;

    StoreGauges(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Reads the database again; on failure the previous numbers stay (the health check reports the database). */
    Snapshot refresh() {
        Snapshot next = db.withHandle(h -> new Snapshot(deliveries.pendingByKind(h),
                deliveries.oldestPendingCreatedAt(h), feeds.all(h), clock.instant()));
        last = next;
        return next;
    }

    Snapshot last() {
        return last;
    }
}
