package newsbot.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import newsbot.delivery.DeliveryTime;

/**
 * The one test clock: a {@link Clock} for everything that asks the time and the delivery engine's
 * {@link DeliveryTime}, on one virtual timeline that moves only when told (sleeping moves it), so nothing in a test
 * really waits and the wall clock and the nanosecond counter never disagree.
 */
public final class TestClock extends Clock implements DeliveryTime {

    private static final long NANO_ORIGIN = 5_000_000_000_000L;

    private final Instant start;
    private final AtomicLong nanos = new AtomicLong(NANO_ORIGIN);

    public TestClock(Instant start) {
        this.start = start;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        return start.plusNanos(nanos.get() - NANO_ORIGIN);
    }

    @Override
    public Instant now() {
        return instant();
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public void sleepNanos(long n) {
        advance(n);
    }

    public void advance(long n) {
        if (n > 0) {
            nanos.addAndGet(n);
        }
    }

    public void advance(Duration d) {
        advance(d.toNanos());
    }

    public void advanceMillis(long ms) {
        advance(ms * 1_000_000L);
    }

    /** Jumps to {@code instant}, forward or back; the nanosecond counter follows. */
    public void set(Instant instant) {
        nanos.set(NANO_ORIGIN + Duration.between(start, instant).toNanos());
    }

    /** Seconds since the start, for readable assertions. */
    public double seconds() {
        return (nanos.get() - NANO_ORIGIN) / 1e9;
    }
}
