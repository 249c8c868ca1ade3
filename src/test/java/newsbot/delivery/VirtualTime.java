package newsbot.delivery;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when told to; sleeping moves it, so nothing in a test really waits. */
final class VirtualTime implements DeliveryTime {

    static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    private static final long NANO_ORIGIN = 5_000_000_000_000L;

    private final AtomicLong nanos = new AtomicLong(NANO_ORIGIN);

    @Override
    public Instant now() {
        return START.plusNanos(nanos.get() - NANO_ORIGIN);
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public void sleepNanos(long n) {
        advance(n);
    }

    void advance(long n) {
        if (n > 0) {
            nanos.addAndGet(n);
        }
    }

    void advanceMillis(long ms) {
        advance(ms * 1_000_000L);
    }

    /** Seconds since the start, for readable assertions. */
    double seconds() {
        return (nanos.get() - NANO_ORIGIN) / 1e9;
    }
}
