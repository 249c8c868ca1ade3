package newsbot.telegram;

import java.time.Duration;
import java.util.Objects;

/**
 * Rate limits the fake enforces on the sending methods (sendMessage, sendPhoto, copyMessage, copyMessages and the
 * edits), modelled as token buckets: the global bucket holds {@code globalPerSecond} tokens (a burst of that size
 * passes, one more does not); each chat's bucket holds one token, so sends to one chat must be evenly spaced,
 * give or take {@code tolerance}. A paid broadcast ({@code allow_paid_broadcast=true}) takes its global token from
 * a separate bucket of {@code paidPerSecond} instead of the free one; the chat's bucket applies to it as well.
 * With {@code slidingSecond}, the global limits are also counted as Telegram's flood control and the issue's
 * independent fake count them: no sliding second may hold more than the limit, plus 5% slack. The benchmarks and
 * the pacing tests turn it on; the other tests leave it off, as it also counts how late a loaded machine's threads
 * deliver what the limiter let go on time.
 *
 * @param globalPerSecond  messages per second over all chats (Telegram: about 30)
 * @param privatePerSecond messages per second to one private chat, a positive id (Telegram: 1)
 * @param groupPerMinute   messages per minute to one group, a negative id (Telegram: 20)
 * @param tolerance        how much earlier than the exact spacing a send may come without a 429
 * @param paidPerSecond    paid broadcast messages per second over all chats (Telegram: up to 1000)
 * @param slidingSecond    whether the global limits are also counted over a sliding second
 */
public record FakeRateLimits(int globalPerSecond, int privatePerSecond, int groupPerMinute, Duration tolerance,
                             int paidPerSecond, boolean slidingSecond) {

    /** Telegram's paid broadcast ceiling: up to 1000 messages per second (Bot API docs, "Paid broadcasts"). */
    public static final int DEFAULT_PAID_PER_SECOND = 1000;

    public FakeRateLimits {
        if (globalPerSecond < 1 || privatePerSecond < 1 || groupPerMinute < 1 || paidPerSecond < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        Objects.requireNonNull(tolerance, "tolerance");
    }

    /** The free limits; paid broadcasts get {@link #DEFAULT_PAID_PER_SECOND}. */
    public FakeRateLimits(int globalPerSecond, int privatePerSecond, int groupPerMinute, Duration tolerance) {
        this(globalPerSecond, privatePerSecond, groupPerMinute, tolerance, DEFAULT_PAID_PER_SECOND, false);
    }

    /** Telegram's documented limits with 25 ms of slack. */
    public static FakeRateLimits telegramDefaults() {
        return new FakeRateLimits(30, 1, 20, Duration.ofMillis(25), DEFAULT_PAID_PER_SECOND, false);
    }

    public FakeRateLimits withGlobalPerSecond(int perSecond) {
        return new FakeRateLimits(perSecond, privatePerSecond, groupPerMinute, tolerance, paidPerSecond, slidingSecond);
    }

    public FakeRateLimits withTolerance(Duration newTolerance) {
        return new FakeRateLimits(globalPerSecond, privatePerSecond, groupPerMinute, newTolerance, paidPerSecond,
                slidingSecond);
    }

    public FakeRateLimits withPaidPerSecond(int perSecond) {
        return new FakeRateLimits(globalPerSecond, privatePerSecond, groupPerMinute, tolerance, perSecond,
                slidingSecond);
    }

    /** The same limits, the global ones also counted over a sliding second. */
    public FakeRateLimits withSlidingSecond() {
        return new FakeRateLimits(globalPerSecond, privatePerSecond, groupPerMinute, tolerance, paidPerSecond, true);
    }
}
