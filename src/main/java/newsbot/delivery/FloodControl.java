package newsbot.delivery;

import java.util.Arrays;

/**
 * What Telegram's 429s cost the sender. One 429 costs its {@code retry_after} for what it concerns and nothing
 * after: that chat, or all sending when two chats are refused within {@link #BURST_NANOS} (then the bot as a whole
 * is over Telegram's limit). Only 429s that repeat ({@link #REPEATS} episodes within {@link #REPEAT_SPAN_NANOS})
 * slow the sender down, by a fifth each time, and it comes back to the full limit {@link #RECOVERY_NANOS} after the
 * last one (and its pause) is over. Not thread-safe; the limiter guards it.
 */
final class FloodControl {

    private static final long SECOND = 1_000_000_000L;
    /**
     * 429s this close together are one episode: the calls on the wire when the first came back were sent before
     * anyone knew, and answer 429 in the same round trip. From two chats they mean the bot-wide limit.
     */
    static final long BURST_NANOS = 2 * SECOND;
    /** This many episodes within the span mean the limit we keep to is not Telegram's: slow down. */
    static final int REPEATS = 3;
    static final long REPEAT_SPAN_NANOS = 30 * SECOND;
    static final long RECOVERY_NANOS = 3 * SECOND;
    private static final double SLOW_DOWN = 0.8;
    private static final double MIN_FACTOR = 0.25;

    private long pausedUntil;
    private boolean seen429;
    private long last429At;
    private long last429Chat;
    /** Start times of the last {@link #REPEATS} episodes, oldest at {@code oldestEpisode}. */
    private final long[] episodes = new long[REPEATS];
    private int oldestEpisode;
    /** The share of the limit right after the last slow-down; it climbs back to 1 once the 429s stop. */
    private double slowedTo = 1.0;
    private long slowDowns;

    FloodControl(long now) {
        this.pausedUntil = now;
        Arrays.fill(episodes, now - REPEAT_SPAN_NANOS);
    }

    /** Telegram refused a message to {@code chatId} until {@code until}; returns whether all sending pauses. */
    boolean chatRefused(long chatId, long now, long until) {
        boolean burst = seen429 && now - last429At < BURST_NANOS;
        boolean botWide = burst && last429Chat != chatId;
        boolean racer = pausedUntil - now > 0;
        last429Chat = chatId;
        if (botWide) {
            pauseUntil(until);
        }
        refused(now, burst || racer);
        return botWide;
    }

    /** Everything waits until {@code until}. */
    void botRefused(long now, long until) {
        boolean racer = pausedUntil - now > 0 || seen429 && now - last429At < BURST_NANOS;
        pauseUntil(until);
        refused(now, racer);
    }

    /** Nanoseconds until all sending may go on again. */
    long pauseNanos(long now) {
        return Math.max(0, pausedUntil - now);
    }

    /** The share of the limit used now: 1 unless 429s repeated lately. */
    double factor(long now) {
        if (slowedTo >= 1.0) {
            return 1.0;
        }
        long quietFrom = pausedUntil - last429At > 0 ? pausedUntil : last429At;
        long quiet = now - quietFrom;
        if (quiet <= 0) {
            return slowedTo;
        }
        if (quiet >= RECOVERY_NANOS) {
            slowedTo = 1.0;
            return 1.0;
        }
        return slowedTo + (1.0 - slowedTo) * quiet / RECOVERY_NANOS;
    }

    long slowDowns() {
        return slowDowns;
    }

    private void pauseUntil(long until) {
        if (until - pausedUntil > 0) {
            pausedUntil = until;
        }
    }

    /** Counts a new episode unless this 429 belongs to the last one; slows down when episodes repeat. */
    private void refused(long now, boolean sameEpisode) {
        double before = factor(now);
        seen429 = true;
        last429At = now;
        if (sameEpisode) {
            slowedTo = Math.min(slowedTo, before); // the recovery restarts from here, it does not jump
            return;
        }
        episodes[oldestEpisode] = now;
        oldestEpisode = (oldestEpisode + 1) % REPEATS;
        if (now - episodes[oldestEpisode] < REPEAT_SPAN_NANOS) {
            slowedTo = Math.max(MIN_FACTOR, before * SLOW_DOWN);
            slowDowns++;
        } else {
            slowedTo = Math.min(slowedTo, before);
        }
    }
}
