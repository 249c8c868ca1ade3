package newsbot.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import newsbot.store.Database;
import newsbot.store.Fenced;
import newsbot.testing.PostgresServer;
import newsbot.testing.TestClock;
import org.jdbi.v3.core.Handle;
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

    /**
     * An instance that was paused (its own clock stood still) while the other took the lease over: it still thinks
     * itself active, but its writes are refused, also those outside a transaction (autocommit, a kept handle).
     */
    @Test
    void aDeposedInstancesWritesOutsideATransactionAreRefusedToo() {
        Database db = PostgresServer.shared().open(PostgresServer.shared().newDatabaseUrl());
        TestClock pausedClock = new TestClock(START);
        LeaseKeeper a = new LeaseKeeper(db, pausedClock, "a", QUIET);
        LeaseKeeper b = new LeaseKeeper(db, clock, "b", QUIET);
        Database asA = db.guarded(a::fence);
        a.tick();
        asA.withHandle(h -> h.execute("INSERT INTO bot_state (key, value) VALUES ('by_a', 'active')"));

        b.tick();
        clock.advance(LeaseKeeper.TAKEOVER_AFTER);
        b.tick();
        assertThat(b.holds()).isTrue();
        assertThat(a.holds()).as("a's clock stood still: it still thinks itself active").isTrue();

        assertThatThrownBy(() -> asA.withHandle(h -> h.execute("INSERT INTO bot_state (key, value) "
                + "VALUES ('by_a_deposed', 'autocommit')"))).isInstanceOf(Fenced.class);
        try (Handle kept = asA.openHandle()) {
            assertThatThrownBy(() -> kept.createUpdate("UPDATE bot_state SET value = 'overwritten' WHERE key = 'by_a'")
                    .execute()).isInstanceOf(Fenced.class);
            assertThat(kept.isInTransaction()).as("nothing left open on a kept handle").isFalse();
            // reading stays possible: /health and /metrics of a standby read through the same database
            assertThat(kept.createQuery("SELECT value FROM bot_state WHERE key = 'by_a'").mapTo(String.class).one())
                    .isEqualTo("active");
        }
        int byA = db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM bot_state WHERE key LIKE 'by_a%'")
                .mapTo(Integer.class).one());
        assertThat(byA).isEqualTo(1);

        Database asB = db.guarded(b::fence);
        asB.withHandle(h -> h.execute("INSERT INTO bot_state (key, value) VALUES ('by_b', 'autocommit')"));
        String byB = db.withHandle(h -> h.createQuery("SELECT value FROM bot_state WHERE key = 'by_b'")
                .mapTo(String.class).one());
        assertThat(byB).isEqualTo("autocommit");
    }

    private static final LeaseKeeper.Listener QUIET = new LeaseKeeper.Listener() {
        @Override
        public void becameActive(long epoch) {
        }

        @Override
        public void becameStandby(String reason) {
        }
    };
}
