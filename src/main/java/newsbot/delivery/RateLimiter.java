package newsbot.delivery;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import newsbot.config.BotConfig;
import newsbot.telegram.MessageSender;

/**
 * Telegram's send limits. Sends are spread evenly (a virtual schedule, GCRA: 1/N s apart overall, 1/M s per
 * private chat and 60/K s per group, chats with a 10% margin), and the last N send times of each lane are kept
 * ({@link SendWindow}), so that no sliding one-second window ever holds more than N, however late the sender
 * wakes. 429s cost what {@link FloodControl} says. Used by the one sender for rows and calls alike; thread-safe.
 */
public final class RateLimiter {

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    /**
     * How far the sender may fall behind its schedule and still catch up: a thread the OS left waiting for a few
     * milliseconds would otherwise lose those slots for good. 20 ms (the scale of scheduling delays on a busy
     * machine), but at least one slot. The window of recent sends, not this allowance, is what keeps every second
     * at or under the limit, so a late thread's catch-up can never overfill one.
     */
    private static final long CATCH_UP_NANOS = 20_000_000L;

    /**
     * Per-chat spacing is kept 10% wider than the limit: Telegram times arrivals, and a message delayed on the
     * way followed by one that is not would otherwise arrive too close. A chat's own limit is hardly ever what
     * holds a broadcast back, so the margin costs almost nothing.
     */
    private static final double CHAT_MARGIN = 1.1;

    /** What a 429 concerned: one chat, or all sending (the bot as a whole was over Telegram's limit). */
    public enum Scope {
        CHAT,
        ALL
    }

    /**
     * How the limiter is used now, for operators.
     *
     * @param limitPerSecond     the configured free limit
     * @param allowedPerSecond   the rate the limiter keeps to now: the limit, less while 429s repeat, 0 while paused
     * @param sentLastSecond     free messages sent in the last second
     * @param paidLimitPerSecond the configured paid limit
     * @param paidSentLastSecond paid messages sent in the last second
     */
    public record Pace(int limitPerSecond, double allowedPerSecond, int sentLastSecond, int paidLimitPerSecond,
                       int paidSentLastSecond) {
    }

    private final DeliveryTime time;
    private final DeliveryCounters counters;
    private final Lane free;
    /** Paid messages (allow_paid_broadcast) skip the free global limit and keep to their own, faster one. */
    private final Lane paid;
    private final long privateInterval;
    private final long groupInterval;
    private final Map<Long, Long> chatTat = new HashMap<>();
    /** Calls given a slot and not yet on their way, by chat (a chat has one call in flight at most). */
    private final Map<Long, Departure> leaving = new HashMap<>();
    private final FloodControl flood;
    private long lastSweep;

    public RateLimiter(BotConfig.Delivery limits, DeliveryTime time) {
        this(limits, time, new DeliveryCounters());
    }

    /** A limiter that counts its 429s in {@code counters} and shows its pace through them. */
    public RateLimiter(BotConfig.Delivery limits, DeliveryTime time, DeliveryCounters counters) {
        this.time = time;
        this.counters = counters;
        long now = time.nanoTime();
        this.free = new Lane(limits.globalPerSecond(), now);
        this.paid = new Lane(limits.paid().perSecond(), now);
        this.privateInterval = (long) (CHAT_MARGIN * SECOND / limits.perChatPerSecond());
        this.groupInterval = (long) (CHAT_MARGIN * MINUTE / limits.groupPerMinute());
        this.flood = new FloodControl(now);
        this.lastSweep = now;
        counters.pacedBy(this::pace);
    }

    /** Takes a slot for {@code chatId} if both its chat and the global limit allow a send now. */
    public boolean tryAcquire(long chatId) {
        return tryAcquire(chatId, 1);
    }

    /**
     * Takes a slot for a call that sends {@code messages} messages to {@code chatId} at once (an album copy): the
     * global window must have room for all of them. The chat's schedule moves on by that many slots.
     */
    public synchronized boolean tryAcquire(long chatId, int messages) {
        return acquire(free, chatId, messages);
    }

    /**
     * Takes a paid slot for {@code chatId}: the chat's own limit still holds, the free global one does not, but a
     * pause after Telegram's 429s does.
     */
    public synchronized boolean tryAcquirePaid(long chatId) {
        return acquire(paid, chatId, 1);
    }

    /**
     * The call given a slot for {@code chatId} goes on the wire now, on a worker thread that may have started it
     * later than its slot: it counts from now, in its chat's schedule and in the window, so a late start never
     * puts more than the limit into a second of departures (for starts less than a second late). What happens on
     * the way after that is Telegram's slack to absorb.
     */
    public synchronized void departing(long chatId) {
        Departure d = leaving.remove(chatId);
        if (d == null) {
            return;
        }
        long now = time.nanoTime();
        long late = now - d.acquiredAt();
        if (late > 0) {
            d.lane().window.moveLater(d.acquiredAt(), now, d.messages());
            chatTat.computeIfPresent(chatId, (chat, tat) -> tat + late);
        }
    }

    /** {@code sender}, telling this limiter when each call really leaves ({@link #departing}). */
    public MessageSender stamping(MessageSender sender) {
        return new DepartureStamp(sender, this);
    }

    /** Nanoseconds until the next paid slot. */
    public synchronized long nanosUntilPaidFree() {
        return paid.waitNanos(time.nanoTime(), 1);
    }

    /** Nanoseconds until a send to {@code chatId} would be allowed, 0 if now. */
    public synchronized long nanosUntilFree(long chatId) {
        long now = time.nanoTime();
        return Math.max(free.waitNanos(now, 1), chatWait(chatId, now));
    }

    /** Nanoseconds until the chat's own limit allows a send, ignoring the global one. */
    public synchronized long nanosUntilChatFree(long chatId) {
        return chatWait(chatId, time.nanoTime());
    }

    /** Nanoseconds until the next global slot. */
    public long nanosUntilGlobalFree() {
        return nanosUntilGlobalFree(1);
    }

    /** Nanoseconds until the global limit has room for {@code messages} sent at once. */
    public synchronized long nanosUntilGlobalFree(int messages) {
        return free.waitNanos(time.nanoTime(), messages);
    }

    /** Telegram answered 429 for all sending: nothing is sent for {@code retryAfter}. */
    public synchronized void pause(Duration retryAfter) {
        long now = time.nanoTime();
        long slowDowns = flood.slowDowns();
        flood.botRefused(now, now + retryAfter.toNanos());
        counted(Scope.ALL, slowDowns);
    }

    /**
     * Telegram answered 429 for {@code chatId}: the chat waits {@code retryAfter}. When a second chat gets one within
     * {@link FloodControl#BURST_NANOS}, the bot as a whole is over Telegram's limit and everything pauses. Returns
     * whether all sending was paused.
     */
    public synchronized boolean retryAfter(long chatId, Duration retryAfter) {
        long now = time.nanoTime();
        long until = now + retryAfter.toNanos();
        Long tat = chatTat.get(chatId);
        if (tat == null || until - tat > 0) {
            chatTat.put(chatId, until);
        }
        long slowDowns = flood.slowDowns();
        boolean all = flood.chatRefused(chatId, now, until);
        counted(all ? Scope.ALL : Scope.CHAT, slowDowns);
        return all;
    }

    /** The share of the configured global rate currently used: 1.0 unless 429s repeated in the last seconds. */
    public synchronized double rateFactor() {
        return flood.factor(time.nanoTime());
    }

    /** How the limiter is used now. */
    public synchronized Pace pace() {
        long now = time.nanoTime();
        double allowed = flood.pauseNanos(now) > 0 ? 0 : free.limit() * flood.factor(now);
        return new Pace(free.limit(), allowed, free.window.inWindow(now), paid.limit(), paid.window.inWindow(now));
    }

    synchronized int trackedChats() {
        return chatTat.size();
    }

    private boolean acquire(Lane lane, long chatId, int messages) {
        long now = time.nanoTime();
        if (lane.waitNanos(now, messages) > 0 || chatWait(chatId, now) > 0) {
            return false;
        }
        lane.take(now, messages);
        leaving.put(chatId, new Departure(lane, now, Math.max(1, messages)));
        long perChat = chatId < 0 ? groupInterval : privateInterval;
        chatTat.put(chatId, now + Math.max(1, messages) * perChat);
        sweep(now);
        return true;
    }

    private void counted(Scope scope, long slowDownsBefore) {
        counters.rateLimitedFor(scope);
        if (flood.slowDowns() > slowDownsBefore) {
            counters.slowedDown();
        }
    }

    private long chatWait(long chatId, long now) {
        Long tat = chatTat.get(chatId);
        return tat == null ? 0 : Math.max(0, tat - now);
    }

    /** Forgets chats whose schedule is in the past: for them "absent" and "stored" mean the same. */
    private void sweep(long now) {
        if (now - lastSweep < SECOND) {
            return;
        }
        lastSweep = now;
        chatTat.values().removeIf(tat -> tat - now <= 0);
        // a call that never said it left (a direct call, which bypasses the sender) counts from its slot
        leaving.values().removeIf(d -> now - d.acquiredAt() > SECOND);
    }

    /** A call given a slot at {@code acquiredAt} in {@code lane}, for {@code messages} messages. */
    private record Departure(Lane lane, long acquiredAt, int messages) {
    }

    /** One global limit: its even schedule and its window of recent sends. */
    private final class Lane {
        private final long interval;
        private final long catchUp;
        private final SendWindow window;
        private long tat;

        Lane(int perSecond, long now) {
            // rounded up, so N slots never fit in less than a second and the window never has to hold one back
            this.interval = (SECOND + perSecond - 1) / perSecond;
            this.catchUp = Math.max(interval, CATCH_UP_NANOS);
            this.window = new SendWindow(perSecond, SECOND, now);
            this.tat = now;
        }

        int limit() {
            return window.limit();
        }

        long waitNanos(long now, int messages) {
            return Math.max(Math.max(tat - now, flood.pauseNanos(now)), window.waitNanos(now, messages));
        }

        void take(long now, int messages) {
            // Falling behind by less than the catch-up allowance keeps the schedule, so wake-up latency does not
            // cost throughput; idle time beyond it is not banked as a burst.
            long base = Math.max(tat, now - catchUp);
            tat = base + (long) (Math.max(1, messages) * interval / flood.factor(now));
            window.record(now, Math.max(1, messages));
        }
    }
}
