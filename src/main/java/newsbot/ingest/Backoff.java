package newsbot.ingest;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** How long a failing feed waits: the poll interval doubled per consecutive failure, capped, minus some jitter. */
final class Backoff {

    // Up to a tenth shorter: feeds that failed together (one host down) spread out instead of retrying in step.
    private static final double JITTER = 0.1;

    private final Duration interval;
    private final Duration cap;
    // One Backoff serves every feed thread, and the generators the app passes (SplittableRandom) are not
    // thread-safe: draws are serialised on this lock. A draw is nanoseconds, so nobody waits for long.
    private final Object randomLock = new Object();
    private final RandomGenerator random;

    Backoff(Duration interval, Duration cap, RandomGenerator random) {
        this.interval = interval;
        this.cap = cap;
        this.random = random;
    }

    /** The wait after {@code failures} consecutive failures (1 or more): 2, 4, 8… intervals, never above the cap. */
    Duration afterFailures(int failures) {
        long capMillis = cap.toMillis();
        long millis = interval.toMillis();
        for (int i = 0; i < failures && millis < capMillis; i++) {
            millis *= 2;
        }
        millis = Math.min(millis, capMillis);
        double draw;
        synchronized (randomLock) {
            draw = random.nextDouble();
        }
        long jitter = (long) (millis * JITTER * draw);
        return Duration.ofMillis(millis - jitter);
    }
}
