package newsbot.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Time as the delivery engine sees it: wall-clock instants for the outbox, a monotonic nanosecond counter for
 * spacing sends, and a way to wait. Real in production; tests pass a virtual one so nothing really sleeps.
 */
public interface DeliveryTime {

    Instant now();

    long nanoTime();

    /**
     * Waits about {@code nanos}. May return early: the dispatcher is woken through {@link LockSupport#unpark}, and
     * every caller re-checks its condition after waking.
     */
    void sleepNanos(long nanos) throws InterruptedException;

    /** The system clock and {@link LockSupport#parkNanos}, which {@code Outbox.wake()} cuts short. */
    static DeliveryTime system() {
        return system(Clock.systemUTC());
    }

    static DeliveryTime system(Clock clock) {
        return new DeliveryTime() {
            @Override
            public Instant now() {
                return clock.instant();
            }

            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepNanos(long nanos) throws InterruptedException {
                if (nanos > 0) {
                    LockSupport.parkNanos(this, nanos);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        };
    }
}
