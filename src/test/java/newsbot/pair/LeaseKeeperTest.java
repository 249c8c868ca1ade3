package newsbot.pair;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import newsbot.store.Database;
import newsbot.testing.PostgresServer;
import newsbot.testing.TestClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Two keepers of one lease on a real PostgreSQL, stepped by hand on one test clock. */
@Tag("postgresql")
class LeaseKeeperTest {

    private static final Instant START = Instant.parse("2026-11-28T06:00:00Z");
    private static final Duration STEP = Duration.ofMillis(500);

    private final TestClock clock = new TestClock(START);

    /** What the application's keeper thread does with a step that throws: logs it and steps again later. */
    private static void step(LeaseKeeper keeper) {
        try {
            keeper.tick();
        } catch (RuntimeException e) {
            // the application logs it; the keeper must not be left holding a lease it does nothing with
        }
    }

    @Test
    void anInstanceWhoseStartFailsGivesTheLeaseUpAndTheStandbyServesWithinFifteenSeconds() {
        Database db = PostgresServer.shared().open(PostgresServer.shared().newDatabaseUrl());
        AtomicInteger aStarts = new AtomicInteger();
        LeaseKeeper a = new LeaseKeeper(db, clock, "a", new LeaseKeeper.Listener() {
            @Override
            public void becameActive(long epoch) {
                aStarts.incrementAndGet();
                throw new IllegalStateException("the database blinked while the duties started");
            }

            @Override
            public void becameStandby(String reason) {
            }
        });
        AtomicLong bActiveAt = new AtomicLong(-1);
        LeaseKeeper b = new LeaseKeeper(db, clock, "b", new LeaseKeeper.Listener() {
            @Override
            public void becameActive(long epoch) {
                bActiveAt.set(clock.millis());
            }

            @Override
            public void becameStandby(String reason) {
            }
        });

        step(a); // the lease is free: a takes it, and its start fails
        assertThat(aStarts.get()).isEqualTo(1);
        long failedAt = clock.millis();
        while (bActiveAt.get() < 0 && clock.millis() - failedAt < Duration.ofSeconds(60).toMillis()) {
            clock.advance(STEP);
            step(a);
            step(b);
        }

        assertThat(bActiveAt.get()).as("b became active").isNotNegative();
        assertThat(Duration.ofMillis(bActiveAt.get() - failedAt)).isLessThanOrEqualTo(Duration.ofSeconds(15));
        assertThat(a.holds()).isFalse();
        assertThat(b.holds()).isTrue();
        assertThat(a.activeInstance()).hasValue("b");
    }
}
