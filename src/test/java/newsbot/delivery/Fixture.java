package newsbot.delivery;

import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import newsbot.config.BotConfig;
import newsbot.telegram.MessageSender;
import newsbot.testing.TestClock;
import newsbot.testing.TestConfig;

/** The delivery engine on a real SQLite file, a virtual clock and a given sender, stepped by the test. */
final class Fixture extends OutboxRig {

    static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    final TestClock time;

    Fixture(Path file, BotConfig.Delivery limits) {
        this(file, limits, new TestClock(START));
    }

    Fixture(Path file) {
        this(file, TestConfig.limits(30, 1, 20, 4, 1));
    }

    private Fixture(Path file, BotConfig.Delivery limits, TestClock time) {
        super(file, time, limits);
        this.time = time;
    }

    Dispatcher dispatcher(MessageSender sender) {
        return dispatcher(sender, limiter);
    }

    /** A dispatcher with its own limiter state, as after a restart. */
    Dispatcher dispatcher(MessageSender sender, RateLimiter limiter) {
        return new Dispatcher(db, subscribers, outbox, sender, limiter,
                new RetryPolicy(limits.maxAttempts(), new SplittableRandom(42)), counters, time);
    }

    /** One call at a time on the stepping thread, rows of these kinds dropped once older than their age. */
    Dispatcher dispatcher(MessageSender sender, java.util.Map<DeliveryKind, java.time.Duration> maxAges) {
        return new Dispatcher(db, subscribers, outbox, sender, limiter,
                new RetryPolicy(limits.maxAttempts(), new SplittableRandom(42)), counters, time,
                InFlightLimit.pinned(1), maxAges);
    }

    /** Steps the dispatcher, moving virtual time over its waits, until {@code done} or {@code maxSteps}. */
    int run(Dispatcher dispatcher, BooleanSupplier done, int maxSteps) {
        return DispatcherDriver.run(dispatcher, time, done, maxSteps);
    }

    Instant now() {
        return time.now();
    }
}
