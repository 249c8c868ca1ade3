package newsbot.telegram;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

/**
 * Token buckets and sliding one-second windows for {@link FakeRateLimits}, on the fake's nano clock; off until
 * configured.
 */
final class FakeRateLimiter {

    private static final double NANOS_PER_SECOND = 1e9;

    /** A bucket that refills continuously; it may go slightly into debt within the tolerance. */
    static final class TokenBucket {
        private final double capacity;
        private final double tokensPerNano;
        private final double slack;
        private double tokens;
        private long last;

        TokenBucket(double capacity, double tokensPerSecond, long toleranceNanos, long now) {
            this.capacity = capacity;
            this.tokensPerNano = tokensPerSecond / NANOS_PER_SECOND;
            this.slack = toleranceNanos * tokensPerNano;
            this.tokens = capacity;
            this.last = now;
        }

        /** Nanoseconds until a token is available; 0 if one is available now. */
        long waitNanos(long now) {
            refill(now);
            double missing = 1 - slack - tokens;
            return missing <= 0 ? 0 : (long) Math.ceil(missing / tokensPerNano);
        }

        /** Takes {@code count} tokens; beyond the first the bucket goes into debt, delaying later sends. */
        void take(int count) {
            tokens -= count;
        }

        private void refill(long now) {
            if (now > last) {
                tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
                last = now;
            }
        }
    }

    /**
     * Telegram's flood control as the independent fakes count it: the sends of the last second, however evenly they
     * came, with 5% slack (31 at 30/s: one message that reached us late is forgiven, the old catch-up's "limit plus
     * two" is not). A bucket alone lets a full bucket plus a second's refill into one sliding second.
     */
    static final class SlidingWindow {
        private static final double SLACK = 1.05;
        private final int allowed;
        private final ArrayDeque<Long> sent = new ArrayDeque<>();

        SlidingWindow(int limit) {
            this.allowed = (int) Math.floor(limit * SLACK);
        }

        /** Nanoseconds until one more send fits; 0 if it fits now. */
        long waitNanos(long now) {
            while (!sent.isEmpty() && now - sent.peekFirst() >= (long) NANOS_PER_SECOND) {
                sent.pollFirst();
            }
            return sent.size() < allowed ? 0 : sent.peekFirst() + (long) NANOS_PER_SECOND - now;
        }

        void take(long now, int count) {
            for (int i = 0; i < count; i++) {
                sent.addLast(now);
            }
        }
    }

    private final LongSupplier nanoClock;
    private FakeRateLimits limits;
    private TokenBucket global;
    private TokenBucket paidGlobal;
    private SlidingWindow window;
    private SlidingWindow paidWindow;
    private final Map<Long, TokenBucket> perChat = new HashMap<>();

    FakeRateLimiter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    synchronized void configure(FakeRateLimits newLimits) {
        limits = newLimits;
        perChat.clear();
        global = newLimits == null ? null : new TokenBucket(newLimits.globalPerSecond(),
                newLimits.globalPerSecond(), newLimits.tolerance().toNanos(), nanoClock.getAsLong());
        paidGlobal = newLimits == null ? null : new TokenBucket(newLimits.paidPerSecond(),
                newLimits.paidPerSecond(), newLimits.tolerance().toNanos(), nanoClock.getAsLong());
        boolean sliding = newLimits != null && newLimits.slidingSecond();
        window = sliding ? new SlidingWindow(newLimits.globalPerSecond()) : null;
        paidWindow = sliding ? new SlidingWindow(newLimits.paidPerSecond()) : null;
    }

    /**
     * Takes a token from the global and the chat's bucket (and a place in the global window when it is counted),
     * or tells how many seconds to wait (at least 1).
     */
    synchronized OptionalInt tryAcquire(long chatId) {
        return tryAcquire(chatId, 1, false);
    }

    /**
     * Admits a call that sends {@code count} messages to one chat when one token is available in the global bucket
     * (the paid one for a paid broadcast) and in the chat's bucket, and the last second holds fewer sends than the
     * limit (when counted), then takes {@code count} from each: a
     * multi-message call (copyMessages) is never refused for its size alone, it makes the following sends wait.
     */
    synchronized OptionalInt tryAcquire(long chatId, int count, boolean paid) {
        if (limits == null) {
            return OptionalInt.empty();
        }
        long now = nanoClock.getAsLong();
        TokenBucket chat = perChat.computeIfAbsent(chatId, id -> id < 0
                ? new TokenBucket(1, limits.groupPerMinute() / 60.0, limits.tolerance().toNanos(), now)
                : new TokenBucket(1, limits.privatePerSecond(), limits.tolerance().toNanos(), now));
        TokenBucket all = paid ? paidGlobal : global;
        SlidingWindow second = paid ? paidWindow : window;
        long wait = Math.max(Math.max(all.waitNanos(now), second == null ? 0 : second.waitNanos(now)),
                chat.waitNanos(now));
        if (wait > 0) {
            return OptionalInt.of((int) Math.max(1, Math.ceil(wait / NANOS_PER_SECOND)));
        }
        all.take(count);
        if (second != null) {
            second.take(now, count);
        }
        chat.take(count);
        return OptionalInt.empty();
    }
}
