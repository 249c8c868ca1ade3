package newsbot.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import newsbot.delivery.DeliveryTime;

/** One virtual time for the admin code (a Clock) and the delivery engine (DeliveryTime); moves only when told. */
public final class TestTime extends Clock implements DeliveryTime {

    public static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    private static final long ORIGIN = 7_000_000_000_000L;

    private final AtomicLong nanos = new AtomicLong(ORIGIN);

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
        return START.plusNanos(nanos.get() - ORIGIN);
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
}
