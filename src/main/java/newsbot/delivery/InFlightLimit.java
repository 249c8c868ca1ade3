package newsbot.delivery;

import newsbot.telegram.TelegramClientFactory;

/**
 * How many calls may wait for Telegram at once. Telegram is 50-250 ms away: one call at a time caps the rate at
 * one per round trip, so the sender keeps about limit x round trip x 1.5 in flight (12 at 30/s and 250 ms), which
 * fills the limit with room for jitter. Each call in flight is one a crash may repeat, so the number stays as small
 * as the measured round trip allows, and an operator may pin it. Used by the sender's thread only.
 */
public final class InFlightLimit {

    /** Below this the pipeline cannot absorb one slow answer; above the cap the HTTP client would queue calls. */
    static final int MIN_AUTO = 2;
    static final int MAX = TelegramClientFactory.MAX_CONCURRENT_CALLS;
    private static final double HEADROOM = 1.5;
    /** Until the first answers are measured, assume the far end of Telegram's usual distance. */
    private static final long ASSUMED_ROUND_TRIP_NANOS = 250_000_000L;
    private static final double SMOOTHING = 0.2;

    private final int pinned;
    private final int perSecond;
    private double roundTripNanos = ASSUMED_ROUND_TRIP_NANOS;
    /** While paid messages flow, the pipeline must carry their rate, not the free one. */
    private int paidPerSecond;

    private InFlightLimit(int pinned, int perSecond) {
        if (pinned < 0 || pinned > MAX || perSecond < 1) {
            throw new IllegalArgumentException("in-flight limit " + pinned + " outside 0.." + MAX);
        }
        this.pinned = pinned;
        this.perSecond = perSecond;
    }

    /** Follows the round trip measured at {@code perSecond}, the global limit. */
    public static InFlightLimit auto(int perSecond) {
        return new InFlightLimit(0, perSecond);
    }

    /** Exactly {@code n} at once; 1 sends on the sender's own thread. */
    public static InFlightLimit pinned(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("pinned in-flight limit must be at least 1");
        }
        return new InFlightLimit(n, 1);
    }

    /** {@code delivery.max-in-flight}: 0 is "auto". */
    public static InFlightLimit fromConfig(int maxInFlight, int perSecond) {
        return maxInFlight == 0 ? auto(perSecond) : pinned(maxInFlight);
    }

    boolean inline() {
        return pinned == 1;
    }

    /** The limit now. */
    public int current() {
        if (pinned > 0) {
            return pinned;
        }
        long wanted = (long) Math.ceil(Math.max(perSecond, paidPerSecond) * roundTripNanos / 1e9 * HEADROOM);
        return (int) Math.max(MIN_AUTO, Math.min(MAX, wanted));
    }

    /** The smoothed round trip in milliseconds, for operators. */
    public long roundTripMillis() {
        return Math.round(roundTripNanos / 1e6);
    }

    /** Paid messages flow at {@code perSecond} now, or none (0): the limit follows the faster of the rates. */
    void paidRate(int paidRate) {
        this.paidPerSecond = paidRate;
    }

    void observeRoundTrip(long nanos) {
        roundTripNanos += SMOOTHING * (Math.max(0, nanos) - roundTripNanos);
    }
}
