package newsbot.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** SQL for one broadcast's rows in the {@code deliveries} outbox (kind BROADCAST, ref_id = the broadcast's id). */
public final class BroadcastOutbox {

    private static final String KIND = "BROADCAST";

    /**
     * The broadcast's outbox rows by outcome. "Blocked" relies on the dispatcher's cancel reasons for unreachable
     * chats ({@code blocked: …}, {@code chat gone: …}); everything else cancelled was cancelled by an admin.
     */
    public BroadcastCounts counts(Handle h, long id) {
        int[] byState = new int[4];
        List<Map.Entry<String, Integer>> rows = h.createQuery("SELECT state, COUNT(*) FROM deliveries "
                        + "WHERE kind = :kind AND ref_id = :id GROUP BY state")
                .bind("kind", KIND)
                .bind("id", id)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .list();
        for (Map.Entry<String, Integer> row : rows) {
            int i = switch (row.getKey()) {
                case "SENT" -> 0;
                case "FAILED" -> 1;
                case "PENDING" -> 2;
                default -> 3;
            };
            byState[i] += row.getValue();
        }
        int blocked = byState[3] == 0 ? 0 : h.createQuery("SELECT COUNT(*) FROM deliveries WHERE kind = :kind "
                        + "AND ref_id = :id AND state = 'CANCELLED' "
                        + "AND (last_error LIKE 'blocked:%' OR last_error LIKE 'chat gone:%')")
                .bind("kind", KIND)
                .bind("id", id)
                .mapTo(Integer.class)
                .one();
        int enqueued = byState[0] + byState[1] + byState[2] + byState[3];
        return new BroadcastCounts(enqueued, byState[0], byState[1], byState[2], blocked, byState[3] - blocked);
    }

    /** How the pins of a broadcast went: pinned, refused (Telegram said no: rights, say), still to do. */
    public record PinCounts(int pinned, int refused, int pending) {
    }

    public PinCounts pins(Handle h, long id) {
        int[] n = new int[3];
        h.createQuery("SELECT state, COUNT(*) FROM deliveries WHERE kind = 'PIN' AND ref_id = :id GROUP BY state")
                .bind("id", id)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .forEach(e -> n["SENT".equals(e.getKey()) ? 0 : "PENDING".equals(e.getKey()) ? 2 : 1] += e.getValue());
        return new PinCounts(n[0], n[1], n[2]);
    }

    /**
     * Whether Telegram said the message a copy broadcast copies is gone (the editor deleted it): every further copy
     * would fail the same way.
     */
    public boolean sourceGone(Handle h, long id) {
        return h.createQuery("SELECT COUNT(*) FROM deliveries WHERE kind = :kind AND ref_id = :id AND state = 'FAILED' "
                        + "AND last_error LIKE '%message to copy not found%'")
                .bind("kind", KIND)
                .bind("id", id)
                .mapTo(Integer.class)
                .one() > 0;
    }

    /** Copies of the broadcast that went out as paid messages. */
    public int paidSent(Handle h, long id) {
        return h.createQuery("SELECT COUNT(*) FROM deliveries WHERE kind = :kind AND ref_id = :id AND sent_paid = 1")
                .bind("kind", KIND)
                .bind("id", id)
                .mapTo(Integer.class)
                .one();
    }

    /** Pause: the broadcast's pending rows wait until {@code heldUntil}, which the dispatcher never reaches. */
    public int holdPending(Handle h, long id, Instant heldUntil) {
        return holdPending(h, KIND, id, heldUntil);
    }

    /** {@link #holdPending} for the rows of another kind that pauses (a correction's). */
    public int holdPending(Handle h, String kind, long id, Instant heldUntil) {
        return h.createUpdate("UPDATE deliveries SET not_before = :held "
                        + "WHERE kind = :kind AND ref_id = :id AND state = 'PENDING'")
                .bind("held", heldUntil.toEpochMilli())
                .bind("kind", kind)
                .bind("id", id)
                .execute();
    }

    /** Resume: rows held by {@link #holdPending} are due again at {@code now}. */
    public int releaseHeld(Handle h, long id, Instant heldUntil, Instant now) {
        return releaseHeld(h, KIND, id, heldUntil, now);
    }

    /** {@link #releaseHeld} for another kind; {@code dueAt} may lie in the past, to keep the rows' place in line. */
    public int releaseHeld(Handle h, String kind, long id, Instant heldUntil, Instant dueAt) {
        return h.createUpdate("UPDATE deliveries SET not_before = :now "
                        + "WHERE kind = :kind AND ref_id = :id AND state = 'PENDING' AND not_before >= :held")
                .bind("now", dueAt.toEpochMilli())
                .bind("held", heldUntil.toEpochMilli())
                .bind("kind", kind)
                .bind("id", id)
                .execute();
    }
}
