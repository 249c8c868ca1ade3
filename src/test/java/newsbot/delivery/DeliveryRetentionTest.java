package newsbot.delivery;

import newsbot.testing.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import newsbot.store.Database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryRetentionTest {

    @TempDir
    Path dir;

    @Test
    void forgetsFinishedRowsAfterTwoWeeksButNeverPendingOnes() {
        Database db = newsbot.testing.TestDatabases.open(dir.resolve("r.db"));
        OutboxTable deliveries = new OutboxTable();
        TestClock clock = new TestClock(Instant.parse("2026-11-01T00:00:00Z"));
        Outbox outbox = new Outbox(DeliveryTime.system(clock));
        List<Long> chats = LongStream.rangeClosed(1, 12_000).boxed().toList();
        db.useTransaction(h -> outbox.enqueueAll(h, chats, DeliveryKind.BROADCAST, 1, "old", Manner.PLAIN, clock.instant()));
        db.useTransaction(h -> deliveries.cancelPendingByRef(h, DeliveryKind.BROADCAST, 1, "test"));
        db.useTransaction(h -> outbox.enqueue(h, 5, DeliveryKind.DIGEST, 7, "still waiting", Manner.PLAIN, clock.instant()));
        clock.advance(Duration.ofDays(13));
        db.useTransaction(h -> outbox.enqueue(h, 6, DeliveryKind.DIGEST, 8, "recent", Manner.PLAIN, clock.instant()));
        db.useTransaction(h -> deliveries.cancelPendingByRef(h, DeliveryKind.DIGEST, 8, "test"));

        DeliveryRetention retention = new DeliveryRetention(db, outbox, clock);
        assertThat(retention.prune()).isZero();
        clock.advance(Duration.ofDays(2));
        assertThat(retention.prune()).isEqualTo(12_000);
        int left = db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM deliveries").mapTo(Integer.class).one());
        assertThat(left).isEqualTo(2);
        int pending = db.withHandle(deliveries::pendingCount);
        assertThat(pending).isEqualTo(1);
    }
}
