package newsbot.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells an outage (Telegram or the network failing for everybody) from one message's own failure, so that an
 * outage costs no row an attempt. A few transient failures in a row with no success between make the sender stop
 * taking rows and ask Telegram something harmless (a probe): if the probe fails too, it is an outage. If the probe
 * succeeds but the failures were of several different chats, it is an outage all the same, of the calls that failed
 * (Telegram answering getMe while sendMessage fails): then the probe is a real row, one at a time, until one gets an
 * answer. Either way the attempts counted during the streak are given back and probing goes on with capped backoff.
 * Only failures of one chat alone, while others succeed, are that chat's own. Used by the sender's thread only.
 */
final class TelegramHealth {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramHealth.class);
    /** Consecutive transient failures, without a success between, that make the sender check Telegram. */
    static final int SUSPECT_AFTER = 3;
    static final Duration FIRST_PROBE_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_PROBE_BACKOFF = Duration.ofSeconds(30);
    /**
     * After a probe found Telegram answering, failures are the rows' own for this long: a lone message that
     * keeps failing must spend its attempts instead of raising a false alarm after every third try.
     */
    static final Duration TRUST_AFTER_PROBE = Duration.ofMinutes(1);
    /** Different chats failing in one streak that make it an outage whatever a probe says. */
    static final int OUTAGE_BREADTH = 10;

    /** Where the sender stands with Telegram. */
    enum State {
        /** Answers come back: send. */
        UP,
        /** Several failures in a row: one probe decides. */
        CHECKING,
        /** The probe failed: nothing is sent, probes go on with backoff. */
        DOWN
    }

    private final DeliveryTime time;
    private final DeliveryCounters counters;
    private final List<Long> streakRows = new ArrayList<>();
    private final Set<Long> streakChats = new HashSet<>();
    /** The outage is of the calls rows make, not of Telegram as a whole: a row is the probe. */
    private boolean probeWithRow;
    private State state = State.UP;
    private int streak;
    private long probeAtNanos;
    private long backoffNanos = FIRST_PROBE_BACKOFF.toNanos();
    private boolean probing;
    private Instant downSince;
    private String lastReason = "";
    private long trustUntilNanos;
    private boolean trusted;

    TelegramHealth(DeliveryTime time, DeliveryCounters counters) {
        this.time = time;
        this.counters = counters;
    }

    State state() {
        return state;
    }

    /** Whether rows and calls may be sent now. */
    boolean sending() {
        return state == State.UP;
    }

    /** Telegram answered something (any answer, even a refusal, proves it is reachable). */
    void answered() {
        streak = 0;
        streakRows.clear();
        streakChats.clear();
    }

    /** A direct call failed transiently: it has no row and no attempts. */
    boolean failed(String reason) {
        return failed(null, null, reason);
    }

    /**
     * A call failed transiently ({@code rowId} and {@code chatId} null for a direct call). Returns whether the
     * failure counts against the row: never once the sender doubts Telegram, since then it is nobody's fault.
     */
    boolean failed(Long rowId, Long chatId, String reason) {
        lastReason = reason;
        if (state != State.UP) {
            return false;
        }
        if (rowId != null) {
            streakRows.add(rowId);
            streakChats.add(chatId);
        }
        streak++;
        if (trusted && time.nanoTime() - trustUntilNanos < 0 && streakChats.size() < OUTAGE_BREADTH) {
            return true; // after a false alarm, one chat's failures are its own
        }
        trusted = false;
        if (streak >= SUSPECT_AFTER) {
            state = State.CHECKING;
            probeAtNanos = time.nanoTime();
            LOG.debug("{} transient failures in a row ({}): checking whether Telegram answers", streak, reason);
            return false;
        }
        return true;
    }

    /** Whether a probe should start now; the caller then runs it and reports through {@link #probed}. */
    boolean probeDue() {
        return state != State.UP && !probing && time.nanoTime() - probeAtNanos >= 0;
    }

    /** Whether the due probe is a real row (an outage of the calls rows make), not a harmless question. */
    boolean probeWithRow() {
        return probeWithRow;
    }

    void probeStarted() {
        probing = true;
    }

    /** The due probe could not start (no row to probe with yet): it is due again at the next look. */
    void probeNotStarted() {
        probing = false;
    }

    /**
     * The probe's answer. Returns the rows whose attempts must be given back: those that failed in the streak,
     * when the probe shows it was an outage.
     */
    List<Long> probed(boolean answered, String reason) {
        probing = false;
        if (answered && state == State.CHECKING && streakChats.size() >= OUTAGE_BREADTH) {
            // Telegram answers the probe, yet calls for several chats failed with nothing between: the calls rows
            // make are what is down; a row, sent alone, is the probe from now on
            probeWithRow = true;
            answered = false;
            reason = "the probe answers, but " + streakChats.size() + " chats' messages failed in a row";
        }
        if (answered) {
            // a false alarm (checked, and Telegram answers) makes the next failures the rows' own for a while;
            // after a real outage, Telegram is given no such credit
            trusted = state == State.CHECKING;
            probeWithRow = false;
            if (state == State.DOWN) {
                long seconds = Duration.between(downSince, time.now()).toSeconds();
                LOG.info("Telegram answers again after {} s unreachable: sending resumes", seconds);
                counters.outageEnded();
            }
            state = State.UP;
            backoffNanos = FIRST_PROBE_BACKOFF.toNanos();
            answered();
            trustUntilNanos = time.nanoTime() + TRUST_AFTER_PROBE.toNanos();
            return List.of();
        }
        List<Long> refund = List.of();
        if (state == State.CHECKING) {
            state = State.DOWN;
            downSince = time.now();
            counters.outageBegan(downSince);
            refund = List.copyOf(streakRows);
            LOG.warn("Telegram unreachable ({}; probe: {}): all sending paused, nothing counts as a failed attempt; "
                    + "probing every {} s at most", lastReason, reason, MAX_PROBE_BACKOFF.toSeconds());
        }
        streakRows.clear();
        streakChats.clear();
        probeAtNanos = time.nanoTime() + backoffNanos;
        backoffNanos = Math.min(backoffNanos * 2, MAX_PROBE_BACKOFF.toNanos());
        return refund;
    }

    /** Nanoseconds until the next probe is due, 0 if now; meaningful only while not sending. */
    long nanosUntilProbe() {
        return Math.max(0, probeAtNanos - time.nanoTime());
    }
}
