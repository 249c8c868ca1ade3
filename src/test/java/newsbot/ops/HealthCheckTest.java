package newsbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import newsbot.store.BotState;
import newsbot.store.Database;
import newsbot.telegram.PollingStatus;
import newsbot.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The update loop and Telegram checks of /health, on the test clock, with a real database. */
class HealthCheckTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;
    final TestClock clock = new TestClock(T0);
    final AtomicBoolean started = new AtomicBoolean(true);
    final AtomicReference<PollingStatus> polling =
            new AtomicReference<>(new PollingStatus(Optional.of(T0), Optional.of(T0), "ok"));
    /** When the loop last sent getUpdates: before the answer of {@link #polling}, by default. */
    final AtomicReference<Optional<Instant>> asked = new AtomicReference<>(Optional.of(T0.minusSeconds(1)));

    HealthCheck check(Database db) {
        return new HealthCheck(db, started::get, polling::get, asked::get, clock, Duration.ofMinutes(3));
    }

    @Test
    void healthyWritesTheHeartbeat() {
        Database db = Database.open(dir.resolve("h.db"));
        assertThat(check(db).check().healthy()).isTrue();
        Optional<String> beat = db.withHandle(h -> new BotState().get(h, HealthCheck.HEARTBEAT_KEY));
        assertThat(beat).hasValue(T0.toString());
    }

    @Test
    void aSilentTelegramOrAStalledLoopIsUnhealthyAfterAFewMinutes() {
        HealthCheck health = check(Database.open(dir.resolve("h.db")));
        clock.advance(Duration.ofMinutes(3));
        assertThat(health.check().healthy()).as("three minutes is still 'lately'").isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(health.check().problems()).containsExactly(
                "update loop stalled: no getUpdates answered 200 for 181 s (polling state ok)",
                "Telegram has not answered for 181 s");

        // Telegram answers, but with 409: another instance polls this token
        polling.set(new PollingStatus(Optional.of(clock.instant()), Optional.of(T0), "conflict"));
        assertThat(health.check().problems()).containsExactly(
                "update loop stalled: no getUpdates answered 200 for 181 s (polling state conflict)");
    }

    @Test
    void beforeLongPollingStartsTheLoopIsNotRunning() {
        started.set(false);
        polling.set(new PollingStatus(Optional.empty(), Optional.empty(), "ok"));
        asked.set(Optional.empty());
        assertThat(check(Database.open(dir.resolve("h.db"))).check().problems()).containsExactly(
                "update loop not running: long polling has not started", "Telegram has not answered since start");
    }

    @Test
    void anOpenRecentLongPollIsHealthyAndOnlyALoopThatStoppedAskingIsStalled() {
        HealthCheck health = check(Database.open(dir.resolve("h.db")));
        // a clean start: the first long poll is open, and nobody writes, so Telegram holds it for its timeout
        polling.set(new PollingStatus(Optional.empty(), Optional.empty(), "ok"));
        asked.set(Optional.of(T0));
        clock.advance(Duration.ofSeconds(50));
        assertThat(health.check().problems()).isEmpty();

        // it came back empty and the loop asked again: healthy however long ago an update last came
        Instant answered = clock.instant();
        polling.set(new PollingStatus(Optional.of(answered), Optional.of(answered), "ok"));
        asked.set(Optional.of(answered));
        clock.advance(Duration.ofSeconds(170));
        asked.set(Optional.of(clock.instant()));
        clock.advance(Duration.ofSeconds(11));
        assertThat(health.check().problems()).isEmpty();

        // the loop stopped asking: stalled once "lately" is over
        clock.advance(Duration.ofMinutes(3));
        assertThat(health.check().problems()).containsExactly(
                "update loop stalled: no getUpdates answered 200 for 361 s (polling state ok)",
                "Telegram has not answered for 361 s");

        // a poll asked after a refusal is no proof the loop works: the refusal stands
        Instant refused = clock.instant();
        polling.set(new PollingStatus(Optional.of(refused), Optional.of(answered), "conflict"));
        asked.set(Optional.of(refused.plusSeconds(1)));
        clock.advance(Duration.ofSeconds(2));
        assertThat(health.check().problems()).containsExactly(
                "update loop stalled: no getUpdates answered 200 for 363 s (polling state conflict)");
    }
}
