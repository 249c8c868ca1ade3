package newsbot.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for another thread or process on real time, polling; fails when the timeout passes first. For the rigs that
 * run the bot's own threads (or a child JVM): the ones on virtual time step instead.
 */
public final class Await {

    /** Short enough not to slow a test, long enough not to keep a core and the database busy. */
    private static final long POLL_MILLIS = 10;

    private Await() {
    }

    public static void until(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        until(condition, timeout, () -> "condition not met within " + timeout);
    }

    /** As {@link #until(BooleanSupplier, Duration)}, failing with {@code failure}'s text (read at the timeout). */
    public static void until(BooleanSupplier condition, Duration timeout, Supplier<String> failure)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(failure.get());
            }
            Thread.sleep(POLL_MILLIS); // polling another thread or process, not waiting for a schedule
        }
    }
}
