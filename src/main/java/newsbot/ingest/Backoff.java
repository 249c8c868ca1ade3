package newsbot.ingest;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** How long a failing feed waits: the poll interval doubled per consecutive failure, capped, minus some jitter. */
final class Backoff {

    // Up to a tenth shorter: feeds that failed together (one host down) spread out instead of retrying in step.
    private static final double JITTER = 0.1;

    private final Duration interval;
    private final Duration cap;
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
        long jitter = (long) (millis * JITTER * random.nextDouble());
        return Duration.ofMillis(millis - jitter);
    }
}
