package newsbot.delivery;

/**
 * The last {@code limit} send times of one scope, oldest first in a ring: exactly what decides whether one more
 * send keeps every sliding window of {@code span} at or under the limit. A window is half-open, {@code [t, t+span)}:
 * sends exactly {@code span} apart are never in one window. Not thread-safe; the limiter guards it.
 */
final class SendWindow {

    private final long[] at;
    private final long span;
    /** Index of the oldest of the last {@code limit} sends, and where the next one is written. */
    private int oldest;

    SendWindow(int limit, long spanNanos, long now) {
        this.at = new long[limit];
        this.span = spanNanos;
        // "sent exactly one span ago": outside every window that contains now or later
        java.util.Arrays.fill(at, now - spanNanos);
    }

    int limit() {
        return at.length;
    }

    /**
     * Nanoseconds from {@code now} until {@code messages} more sends at that moment leave no window over the limit,
     * 0 if now. All earlier sends are at or before {@code now}, so the only window that can overflow is the one
     * ending just after it: it must already have dropped the {@code (limit - messages + 1)}-th most recent send.
     */
    long waitNanos(long now, int messages) {
        int m = Math.min(Math.max(messages, 1), at.length);
        long mustHaveLeft = at[(oldest + m - 1) % at.length];
        return Math.max(0, mustHaveLeft + span - now);
    }

    /** Records {@code messages} sends at {@code now}; the caller has checked {@link #waitNanos} first. */
    void record(long now, int messages) {
        for (int i = 0; i < messages; i++) {
            at[oldest] = now;
            oldest = (oldest + 1) % at.length;
        }
    }

    /**
     * Up to {@code count} sends recorded at {@code from} really left at {@code to}, later: they count from then on,
     * and the ring stays in time order. Sends no longer among the last {@code limit} are left alone.
     */
    void moveLater(long from, long to, int count) {
        int moved = 0;
        for (int p = at.length - 1; p >= 0 && moved < count; p--) {
            if (at[index(p)] != from) {
                continue;
            }
            at[index(p)] = to;
            moved++;
            for (int q = p; q + 1 < at.length && at[index(q + 1)] - at[index(q)] < 0; q++) {
                long newer = at[index(q + 1)];
                at[index(q + 1)] = at[index(q)];
                at[index(q)] = newer;
            }
        }
    }

    /** Where the {@code p}-th oldest of the last {@code limit} sends is. */
    private int index(int p) {
        return (oldest + p) % at.length;
    }

    /** Sends in the window {@code (now - span, now]}: what the scope is using right now. */
    int inWindow(long now) {
        int n = 0;
        for (long t : at) {
            if (now - t < span) {
                n++;
            }
        }
        return n;
    }
}
