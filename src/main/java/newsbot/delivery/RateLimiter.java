package newsbot.delivery;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import newsbot.config.BotConfig;

/**
 * Telegram's send limits as virtual schedules (GCRA): one "theoretical arrival time" for all sends and one per
 * chat, so sends are spread evenly at 1/N s overall, 1/M s per private chat and 60/K s per group (chats with a
 * 10% margin). Used by the one sender for rows and calls alike; thread-safe.
 */
public final class RateLimiter {

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    /**
     * How far the sender may fall behind its schedule and still catch up: a thread the OS left waiting for a few
     * milliseconds would otherwise lose those slots for good. 10 ms (the scale of scheduling delays on a busy
     * machine), but at least one slot and at most three, so any one-second window holds at most the limit plus
     * four messages, and at Telegram's 30/s the limit plus two.
     */
    private static final long CATCH_UP_NANOS = 10_000_000L;
    private static final int CATCH_UP_MAX_SLOTS = 3;

    /**
     * Per-chat spacing is kept 10% wider than the limit: Telegram times arrivals, and a message delayed on the
     * way followed by one that is not would otherwise arrive too close. A chat's own limit is hardly ever what
     * holds a broadcast back, so the margin costs almost nothing.
     */
    private static final double CHAT_MARGIN = 1.1;
    private static final double SLOW_DOWN = 0.8;
    private static final double RECOVERY_PER_MINUTE = 0.05;
    private static final double MIN_FACTOR = 0.1;
    private static final long GLOBAL_429_WINDOW_NANOS = 2 * SECOND;

    private final DeliveryTime time;
    private final long globalInterval;
    private final long privateInterval;
    private final long groupInterval;
    private final long catchUp;
    /** Paid messages (allow_paid_broadcast) skip the free global limit and keep to their own, faster schedule. */
    private final long paidInterval;
    private final long paidCatchUp;
    private long paidTat;
    private final Map<Long, Long> chatTat = new HashMap<>();

    private long globalTat;
    private double factorAfter429 = 1.0;
    private long last429;
    private long pausedUntil;
    private boolean slowedDown;
    private long lastSweep;
    private Long last429Chat;
    private long last429At;

    public RateLimiter(BotConfig.Delivery limits, DeliveryTime time) {
        this.time = time;
        this.globalInterval = SECOND / limits.globalPerSecond();
        this.privateInterval = (long) (CHAT_MARGIN * SECOND / limits.perChatPerSecond());
        this.groupInterval = (long) (CHAT_MARGIN * MINUTE / limits.groupPerMinute());
        this.catchUp = Math.max(globalInterval, Math.min(CATCH_UP_NANOS, CATCH_UP_MAX_SLOTS * globalInterval));
        this.paidInterval = SECOND / limits.paid().perSecond();
        this.paidCatchUp = Math.max(paidInterval, Math.min(CATCH_UP_NANOS, CATCH_UP_MAX_SLOTS * paidInterval));
        long now = time.nanoTime();
        this.globalTat = now;
        this.paidTat = now;
        this.pausedUntil = now;
        this.lastSweep = now;
    }

    /** Takes a slot for {@code chatId} if both its chat and the global schedule allow a send now. */
    public synchronized boolean tryAcquire(long chatId) {
        long now = time.nanoTime();
        if (globalTat - now > 0 || chatWait(chatId, now) > 0) {
            return false;
        }
        take(chatId, now, now);
        return true;
    }

    /**
     * Takes a paid slot for {@code chatId}: the chat's own limit still holds, the free global one does not, but a
     * pause after Telegram's 429s does.
     */
    public synchronized boolean tryAcquirePaid(long chatId) {
        long now = time.nanoTime();
        if (paidTat - now > 0 || pausedUntil - now > 0 || chatWait(chatId, now) > 0) {
            return false;
        }
        paidTat = Math.max(paidTat, now - paidCatchUp) + (long) (paidInterval / factor(now));
        chatTat.put(chatId, now + (chatId < 0 ? groupInterval : privateInterval));
        sweep(now);
        return true;
    }

    /**
     * A call just given a slot counts as {@code extra} more messages (an album copy): the chat's and the overall
     * schedule move on by that many slots, so what follows keeps to Telegram's limits.
     */
    public synchronized void alsoCounts(long chatId, int extra) {
        if (extra <= 0) {
            return;
        }
        long now = time.nanoTime();
        globalTat += (long) (extra * globalInterval / factor(now));
        long perChat = chatId < 0 ? groupInterval : privateInterval;
        chatTat.merge(chatId, now + extra * perChat, (old, added) -> old + extra * perChat);
    }

    /** Nanoseconds until the next paid slot. */
    public synchronized long nanosUntilPaidFree() {
        long now = time.nanoTime();
        return Math.max(0, Math.max(paidTat - now, pausedUntil - now));
    }

    /** Nanoseconds until a send to {@code chatId} would be allowed, 0 if now. */
    public synchronized long nanosUntilFree(long chatId) {
        long now = time.nanoTime();
        return Math.max(0, Math.max(globalTat - now, chatWait(chatId, now)));
    }

    /** Nanoseconds until the chat's own limit allows a send, ignoring the global one. */
    public synchronized long nanosUntilChatFree(long chatId) {
        return chatWait(chatId, time.nanoTime());
    }

    /** Nanoseconds until the next global slot. */
    public synchronized long nanosUntilGlobalFree() {
        return Math.max(0, globalTat - time.nanoTime());
    }

    /**
     * Telegram answered 429: nothing is sent for {@code retryAfter}, and the overall rate drops by a fifth, coming
     * back by 5% of the limit per minute without another 429. A 429 that arrives while already paused (a reply
     * racing the dispatcher) extends the pause but does not slow down again.
     */
    public synchronized void pause(Duration retryAfter) {
        long now = time.nanoTime();
        boolean alreadyPaused = slowedDown && pausedUntil - now > 0;
        long until = now + retryAfter.toNanos();
        if (until - globalTat > 0) {
            globalTat = until;
        }
        if (until - pausedUntil > 0 || !slowedDown) {
            pausedUntil = until;
        }
        if (!alreadyPaused) {
            factorAfter429 = Math.max(MIN_FACTOR, factor(now) * SLOW_DOWN);
            last429 = now;
            slowedDown = true;
        }
    }

    /**
     * Telegram answered 429 for {@code chatId}. A 429 concerns what was over its limit: the chat waits
     * {@code retryAfter} and the overall rate slows down a little. When a second chat gets one within
     * {@link #GLOBAL_429_WINDOW_NANOS}, the bot as a whole is over Telegram's limit and everything pauses.
     * Returns whether all sending was paused.
     */
    public synchronized boolean retryAfter(long chatId, Duration retryAfter) {
        long now = time.nanoTime();
        long until = now + retryAfter.toNanos();
        Long tat = chatTat.get(chatId);
        if (tat == null || until - tat > 0) {
            chatTat.put(chatId, until);
        }
        boolean global = last429Chat != null && last429Chat != chatId && now - last429At < GLOBAL_429_WINDOW_NANOS;
        last429Chat = chatId;
        last429At = now;
        if (global) {
            pause(retryAfter);
        } else if (!(slowedDown && pausedUntil - now > 0)) {
            factorAfter429 = Math.max(MIN_FACTOR, factor(now) * SLOW_DOWN);
            last429 = now;
            slowedDown = true;
        }
        return global;
    }

    /** The share of the configured global rate currently used: 1.0 unless recovering from a 429. */
    public synchronized double rateFactor() {
        return factor(time.nanoTime());
    }

    synchronized int trackedChats() {
        return chatTat.size();
    }

    private double factor(long now) {
        if (!slowedDown) {
            return 1.0;
        }
        double f = factorAfter429 + RECOVERY_PER_MINUTE * (now - last429) / MINUTE;
        if (f >= 1.0) {
            slowedDown = false;
            return 1.0;
        }
        return f;
    }

    private long chatWait(long chatId, long now) {
        Long tat = chatTat.get(chatId);
        return tat == null ? 0 : Math.max(0, tat - now);
    }

    /** Moves both schedules past a send at {@code at} (now, or a booked future slot). */
    private void take(long chatId, long now, long at) {
        // Falling behind by less than the catch-up allowance keeps the schedule, so wake-up latency does not
        // cost throughput; idle time beyond it is not banked as a burst.
        long base = Math.max(globalTat, at - catchUp);
        globalTat = base + (long) (globalInterval / factor(now));
        long perChat = chatId < 0 ? groupInterval : privateInterval;
        chatTat.put(chatId, at + perChat);
        sweep(now);
    }

    /** Forgets chats whose schedule is in the past: for them "absent" and "stored" mean the same. */
    private void sweep(long now) {
        if (now - lastSweep < SECOND) {
            return;
        }
        lastSweep = now;
        chatTat.values().removeIf(tat -> tat - now <= 0);
    }
}
