package newsbot.delivery;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter for transient send failures: after the n-th failure wait a uniformly random
 * time in [0, min(cap, base * 2^(n-1))], so a Telegram outage does not come back as a synchronized retry storm.
 */
public final class RetryPolicy {

    static final Duration DEFAULT_BASE = Duration.ofSeconds(2);
    static final Duration DEFAULT_CAP = Duration.ofMinutes(10);

    private final int maxAttempts;
    private final long baseMillis;
    private final long capMillis;
    private final RandomGenerator random;

    /** Base 2 s, cap 10 min. */
    public RetryPolicy(int maxAttempts, RandomGenerator random) {
        this(maxAttempts, DEFAULT_BASE, DEFAULT_CAP, random);
    }

    RetryPolicy(int maxAttempts, Duration base, Duration cap, RandomGenerator random) {
        if (maxAttempts < 1 || base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need maxAttempts >= 1 and 0 < base <= cap");
        }
        this.maxAttempts = maxAttempts;
        this.baseMillis = base.toMillis();
        this.capMillis = cap.toMillis();
        this.random = random;
    }

    /**
     * How long to wait after the {@code failures}-th failed attempt, or empty when that was the last attempt
     * allowed.
     */
    public Optional<Duration> delayAfter(int failures) {
        if (failures >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(random.nextLong(ceiling(failures) + 1)));
    }

    /** The upper bound of the wait after {@code failures} failures. */
    long ceiling(int failures) {
        int shift = Math.min(Math.max(failures - 1, 0), 40);
        long exp = baseMillis << shift;
        return exp <= 0 || exp > capMillis ? capMillis : exp;
    }

    public int maxAttempts() {
        return maxAttempts;
    }
}
