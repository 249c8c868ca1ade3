package newsbot.delivery;

import newsbot.testing.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import newsbot.store.Database;
import newsbot.store.Deliveries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryRetentionTest {

    @TempDir
    Path dir;

    @Test
    void forgetsFinishedRowsAfterTwoWeeksButNeverPendingOnes() {
        Database db = newsbot.testing.TestDatabases.open(dir.resolve("r.db"));
        Deliveries deliveries = new Deliveries();
        TestClock clock = new TestClock(Instant.parse("2026-11-01T00:00:00Z"));
        Outbox outbox = new Outbox(deliveries, DeliveryTime.system(clock));
        List<Long> chats = LongStream.rangeClosed(1, 12_000).boxed().toList();
        db.useTransaction(h -> outbox.enqueueAll(h, chats, DeliveryKind.BROADCAST, 1, "old", false, false,
                clock.instant()));
        db.useTransaction(h -> deliveries.cancelPendingByRef(h, "BROADCAST", 1, "test"));
        db.useTransaction(h -> outbox.enqueue(h, 5, DeliveryKind.DIGEST, 7, "still waiting", false, false,
                clock.instant()));
        clock.advance(Duration.ofDays(13));
        db.useTransaction(h -> outbox.enqueue(h, 6, DeliveryKind.DIGEST, 8, "recent", false, false, clock.instant()));
        db.useTransaction(h -> deliveries.cancelPendingByRef(h, "DIGEST", 8, "test"));

        DeliveryRetention retention = new DeliveryRetention(db, deliveries, clock);
        assertThat(retention.prune()).isZero();
        clock.advance(Duration.ofDays(2));
        assertThat(retention.prune()).isEqualTo(12_000);
        int left = db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM deliveries").mapTo(Integer.class).one());
        assertThat(left).isEqualTo(2);
        int pending = db.withHandle(deliveries::pendingCount);
        assertThat(pending).isEqualTo(1);
    }
}
