package newsbot.telegram;

import java.time.Duration;
import java.util.Objects;

/**
 * Rate limits the fake enforces on sendMessage and sendPhoto, modelled as token buckets: the global bucket holds
 * {@code globalPerSecond} tokens (a burst of that size passes, one more does not); each chat's bucket holds one
 * token, so sends to one chat must be evenly spaced, give or take {@code tolerance}.
 *
 * @param globalPerSecond  messages per second over all chats (Telegram: about 30)
 * @param privatePerSecond messages per second to one private chat, a positive id (Telegram: 1)
 * @param groupPerMinute   messages per minute to one group, a negative id (Telegram: 20)
 * @param tolerance        how much earlier than the exact spacing a send may come without a 429
 */
public record FakeRateLimits(int globalPerSecond, int privatePerSecond, int groupPerMinute, Duration tolerance) {

    public FakeRateLimits {
        if (globalPerSecond < 1 || privatePerSecond < 1 || groupPerMinute < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        Objects.requireNonNull(tolerance, "tolerance");
    }

    /** Telegram's documented limits with 25 ms of slack. */
    public static FakeRateLimits telegramDefaults() {
        return new FakeRateLimits(30, 1, 20, Duration.ofMillis(25));
    }

    public FakeRateLimits withGlobalPerSecond(int perSecond) {
        return new FakeRateLimits(perSecond, privatePerSecond, groupPerMinute, tolerance);
    }

    public FakeRateLimits withTolerance(Duration newTolerance) {
        return new FakeRateLimits(globalPerSecond, privatePerSecond, groupPerMinute, newTolerance);
    }
}
