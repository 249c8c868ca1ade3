package newsbot.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The dispatcher's small in-memory view of the queue: the first due row of each chat the limiter lets through,
 * in send order. Holding only each chat's head means a chat with a thousand rows takes one place, not a
 * thousand, so it cannot starve the others; its next row is picked up by a later refresh. Rows changed behind its
 * back (a cancelled broadcast) are dropped at the next refresh, which {@code Outbox.wake()} or the periodic look
 * brings. Used by the dispatcher thread only.
 */
final class DueWindow {

    static final int SIZE = 128;
    /** A refresh stops after this many rows even if the window is not full (chats skipped as busy). */
    static final int SCAN_LIMIT = 20_000;
    private static final long NEVER = Long.MAX_VALUE;

    private final OutboxTable deliveries;
    private final RateLimiter limiter;
    private final DeliveryTime time;
    private final List<Delivery> rows = new ArrayList<>(SIZE);
    /** Chats in the window with more due rows behind their head, and the priority of the next one. */
    private final Map<Long, Integer> more = new HashMap<>();

    /** The last refresh filled the window: once it is used up there is more to fetch. */
    private boolean filled;
    /** Epoch millis when a row not yet due becomes due. */
    private long nextDueMillis = NEVER;
    /** Nano time when a chat skipped as busy is free again; {@code urgent} when that row outranks the window. */
    private long busyFreeAt = NEVER;
    private long urgentFreeAt = NEVER;
    private long refreshedAt;

    DueWindow(OutboxTable deliveries, RateLimiter limiter, DeliveryTime time) {
        this.deliveries = deliveries;
        this.limiter = limiter;
        this.time = time;
        this.refreshedAt = time.nanoTime();
    }

    /** Whether what is in memory may be stale: something became due, a skipped chat freed up, or it is used up. */
    boolean stale(long nowNanos, long nowMillis, long lookAgainNanos) {
        return nowMillis >= nextDueMillis
                || reached(urgentFreeAt, nowNanos)
                || (rows.isEmpty() && (filled || reached(busyFreeAt, nowNanos)))
                || nowNanos - refreshedAt >= lookAgainNanos;
    }

    /**
     * Reads the window again on {@code h} (autocommit: a transaction would take the write lock for the scan),
     * leaving out chats with a send in flight: their head row is still pending in the table. The scan reads a
     * few columns of many rows; the full rows (with text) are loaded in one query for the heads only.
     */
    /** Forgets the rows in memory: this instance may not send them (it lost the lease). */
    void clear() {
        rows.clear();
        more.clear();
    }

    void refresh(Handle h, Set<Long> inFlightChats) {
        rows.clear();
        more.clear();
        List<Long> heads = new ArrayList<>(SIZE);
        long nowNanos = time.nanoTime();
        Instant now = time.now();
        Set<Long> seen = new HashSet<>();
        long[] busy = {NEVER, NEVER};
        int[] scanned = {0};
        List<DueRow> skipped = new ArrayList<>();
        deliveries.forEachDue(h, now, row -> {
            scanned[0]++;
            if (inFlightChats.contains(row.chatId())) {
                seen.add(row.chatId());
            } else if (seen.add(row.chatId())) {
                long wait = limiter.nanosUntilChatFree(row.chatId());
                if (wait == 0) {
                    heads.add(row.id());
                } else {
                    busy[0] = Math.min(busy[0], wait);
                    skipped.add(row);
                }
            } else {
                more.putIfAbsent(row.chatId(), row.priority().level());
            }
            return heads.size() < SIZE && scanned[0] < SCAN_LIMIT;
        });
        rows.addAll(deliveries.findPending(h, heads));
        nextDueMillis = deliveries.nextNotBefore(h, now).map(Instant::toEpochMilli).orElse(NEVER);
        filled = heads.size() >= SIZE;
        int worstInWindow = worstPriority();
        for (DueRow s : skipped) {
            if (s.priority().level() < worstInWindow) {
                busy[1] = Math.min(busy[1], limiter.nanosUntilChatFree(s.chatId()));
            }
        }
        busyFreeAt = busy[0] == NEVER ? NEVER : nowNanos + busy[0];
        urgentFreeAt = busy[1] == NEVER ? NEVER : nowNanos + busy[1];
        refreshedAt = nowNanos;
    }

    /**
     * The first row whose chat may be sent to now and is not in {@code held} (chats with a call waiting that goes
     * first), or null; it stays in the window until {@link #sent}.
     */
    Delivery pick(java.util.Set<Long> held) {
        for (Delivery row : rows) {
            if (!held.contains(row.chatId()) && limiter.nanosUntilChatFree(row.chatId()) == 0) {
                return row;
            }
        }
        return null;
    }

    /**
     * The row is being sent and its chat's slot was taken. Returns the priority of the chat's next due row, or
     * null if it has none, and arranges to look again once the chat is free.
     */
    Integer sent(Delivery row) {
        rows.remove(row);
        Integer next = more.remove(row.chatId());
        chatFreed(row.chatId(), next);
        return next;
    }

    /**
     * A chat's send finished: if it has a next row ({@code nextPriority} not null), look again once the chat's
     * limit allows, right away if that row outranks what the window holds.
     */
    void chatFreed(long chatId, Integer nextPriority) {
        if (nextPriority == null) {
            return;
        }
        long freeAt = time.nanoTime() + limiter.nanosUntilChatFree(chatId);
        busyFreeAt = earliest(busyFreeAt, freeAt);
        if (nextPriority < worstPriority()) {
            urgentFreeAt = earliest(urgentFreeAt, freeAt);
        }
    }

    private int worstPriority() {
        return rows.isEmpty() ? Integer.MAX_VALUE : rows.get(rows.size() - 1).priority().level();
    }

    /** Nano times are compared by difference (they may be negative); NEVER is never reached. */
    private static boolean reached(long at, long nowNanos) {
        return at != NEVER && nowNanos - at >= 0;
    }

    private static long earliest(long a, long b) {
        return a == NEVER ? b : b == NEVER ? a : (b - a < 0 ? b : a);
    }

    void removeChat(long chatId) {
        rows.removeIf(r -> r.chatId() == chatId);
        more.remove(chatId);
    }

    /** A row was rescheduled to {@code at}: look again then. */
    void dueAt(Instant at) {
        nextDueMillis = Math.min(nextDueMillis, at.toEpochMilli());
    }

    /** How long nothing can happen unless woken: until a window row's chat, a skipped chat or a due row frees up. */
    long idleNanos(long nowNanos, long nowMillis, long lookAgainNanos) {
        long wait = refreshedAt + lookAgainNanos - nowNanos;
        for (Delivery row : rows) {
            wait = Math.min(wait, limiter.nanosUntilChatFree(row.chatId()));
        }
        if (busyFreeAt != NEVER) {
            wait = Math.min(wait, busyFreeAt - nowNanos);
        }
        if (nextDueMillis != NEVER) {
            wait = Math.min(wait, Math.multiplyExact(Math.max(0, nextDueMillis - nowMillis), 1_000_000L));
        }
        return Math.max(wait, 0);
    }

    int size() {
        return rows.size();
    }
}
