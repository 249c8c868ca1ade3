package newsbot.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQL for the {@code deliveries} outbox. Every method runs on the caller's handle; single-statement methods are
 * atomic on their own, so callers need a transaction only to group several.
 */
public final class Deliveries {

    /** Priorities 0..3; the due index is (state, priority, not_before, id), so each priority is its own range scan. */
    private static final int PRIORITIES = 4;
    private static final int MAX_ERROR_CHARS = 500;

    private static final String COLUMNS = "id, chat_id, kind, ref_id, part, text, silent, link_preview, priority, state, "
            + "attempts, not_before, last_error, telegram_message_id, created_at, sent_at, reply_markup, "
            + "action, source_chat_id, source_message_ids, target_message_id, paid, then_pin, sent_paid, "
            + "more_message_ids, "
            // Where a push goes and whether it rings are the chat's current settings (a /here moves queued rows too);
            // a reply goes to the topic it answers.
            + "CASE WHEN kind = 'REPLY' THEN deliveries.thread_id ELSE "
            + "(SELECT r.thread_id FROM subscribers r WHERE r.chat_id = deliveries.chat_id) END AS send_thread, "
            + "COALESCE((SELECT r.silent FROM subscribers r WHERE r.chat_id = deliveries.chat_id AND kind <> 'REPLY'), 0) "
            + "AS chat_silent";
    /** Chats whose rows wait: a channel paused by an editor or one the bot may not post to yet. */
    private static final String NOT_HELD = " AND chat_id NOT IN (SELECT c.chat_id FROM channels c "
            + "WHERE c.chat_id IS NOT NULL AND (c.paused = 1 OR c.problem IS NOT NULL))";
    private static final String INSERT = "INSERT INTO deliveries "
            + "(chat_id, kind, ref_id, part, text, silent, link_preview, priority, state, attempts, not_before, created_at, "
            + "reply_markup, thread_id, action, source_chat_id, source_message_ids, target_message_id, paid, then_pin) "
            + "VALUES (:chat, :kind, :ref, :part, :text, :silent, :preview, :priority, 'PENDING', 0, :notBefore, :now, "
            + ":markup, :thread, :action, :sourceChat, :sourceIds, :target, :paid, :thenPin) "
            + "ON CONFLICT (chat_id, kind, ref_id, part) DO NOTHING";

    /** Inserts unless a row with the same (chat, kind, ref, part) exists, in any state; true when the row is new. */
    public boolean insertIfAbsent(Handle h, NewDelivery d, Instant now) {
        return h.createUpdate(INSERT)
                .bindMap(params(d, now))
                .execute() == 1;
    }

    /** {@link #insertIfAbsent} for many rows as one prepared batch; returns how many were new. */
    public int insertAllIfAbsent(Handle h, Iterable<NewDelivery> rows, Instant now) {
        PreparedBatch batch = h.prepareBatch(INSERT);
        for (NewDelivery d : rows) {
            batch.add(params(d, now));
        }
        if (batch.size() == 0) {
            return 0;
        }
        int added = 0;
        for (int n : batch.execute()) {
            added += Math.max(n, 0);
        }
        return added;
    }

    public Optional<Delivery> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM deliveries WHERE id = :id")
                .bind("id", id)
                .map(Deliveries::map)
                .findOne();
    }

    /** The rows among {@code ids} that are still pending, in the order of {@code ids}. */
    public List<Delivery> findPending(Handle h, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Delivery> byId = new HashMap<>();
        h.createQuery("SELECT " + COLUMNS + " FROM deliveries WHERE state = 'PENDING' AND id IN (<ids>)")
                .bindList("ids", ids)
                .map(Deliveries::map)
                .forEach(d -> byId.put(d.id(), d));
        List<Delivery> rows = new ArrayList<>(byId.size());
        for (long id : ids) {
            Delivery d = byId.get(id);
            if (d != null) {
                rows.add(d);
            }
        }
        return rows;
    }

    /**
     * Streams pending rows due at {@code now} in send order (priority, not_before, id) until {@code each} returns
     * false. Rows are read lazily, so stopping early costs nothing for the rest of the queue.
     */
    public void forEachDue(Handle h, Instant now, Predicate<DueDelivery> each) {
        for (int p = 0; p < PRIORITIES; p++) {
            // state = 'PENDING' is a literal so the planner can use the partial index
            boolean more = h.createQuery("SELECT id, chat_id, priority, not_before FROM deliveries "
                            + "WHERE state = 'PENDING' AND priority = :p AND not_before <= :now" + NOT_HELD
                            + " ORDER BY not_before, id")
                    .bind("p", p)
                    .bind("now", now.toEpochMilli())
                    .setFetchSize(256)
                    .map((rs, ctx) -> new DueDelivery(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4)))
                    .withStream(stream -> stream.allMatch(each));
            if (!more) {
                return;
            }
        }
    }

    /** The first {@code limit} due rows in send order. */
    public List<DueDelivery> due(Handle h, Instant now, int limit) {
        List<DueDelivery> rows = new ArrayList<>();
        if (limit > 0) {
            forEachDue(h, now, d -> rows.add(d) && rows.size() < limit);
        }
        return rows;
    }

    /** The earliest not_before after {@code now} among pending rows: when the next row becomes due. */
    public Optional<Instant> nextNotBefore(Handle h, Instant now) {
        Long min = null;
        for (int p = 0; p < PRIORITIES; p++) {
            Long m = h.createQuery("SELECT MIN(not_before) FROM deliveries "
                            + "WHERE state = 'PENDING' AND priority = :p AND not_before > :now" + NOT_HELD)
                    .bind("p", p)
                    .bind("now", now.toEpochMilli())
                    .mapTo(Long.class)
                    .one();
            if (m != null && (min == null || m < min)) {
                min = m;
            }
        }
        return Optional.ofNullable(min).map(Instant::ofEpochMilli);
    }

    /**
     * Records Telegram's acceptance. One UPDATE with no precondition on the state: the message was sent, whatever
     * happened to the row meanwhile, and this statement is the whole duplicate window.
     */
    public boolean markSent(Handle h, long id, long telegramMessageId, Instant at) {
        return markSent(h, id, telegramMessageId, null, false, null, at);
    }

    /**
     * {@link #markSent} with an album's further message ids ("13,14", or null), whether it went out paid, and the
     * text the call carried (or null to leave the row's): a correction may have replaced the row's text while the
     * call was on the wire, and then the row must say what the reader really got, so that copy is corrected too.
     */
    public boolean markSent(Handle h, long id, long telegramMessageId, String moreMessageIds, boolean sentPaid,
                            String sentText, Instant at) {
        return h.createUpdate("UPDATE deliveries SET state = 'SENT', telegram_message_id = :msg, sent_at = :at, "
                        + "last_error = NULL, more_message_ids = :more, sent_paid = :paid, "
                        + "text = COALESCE(:sent, text) WHERE id = :id")
                .bind("msg", telegramMessageId)
                .bind("more", moreMessageIds)
                .bind("paid", sentPaid ? 1 : 0)
                .bind("sent", sentText)
                .bind("at", at.toEpochMilli())
                .bind("id", id)
                .execute() == 1;
    }

    /**
     * A pending delete Telegram refused for the message's age becomes an edit of the same message to the row's
     * text (the withdrawn note), due as before, its attempts left alone: the refusal was no failure of the row.
     */
    public boolean deleteBecomesEdit(Handle h, long id, String editAction, String reason) {
        return h.createUpdate("UPDATE deliveries SET action = :action, last_error = :err "
                        + "WHERE id = :id AND state = 'PENDING' AND action = 'delete'")
                .bind("action", editAction)
                .bind("err", truncate(reason))
                .bind("id", id)
                .execute() == 1;
    }

    /** Cancels the pending rows that copy the given message(s); returns how many. */
    public int cancelPendingCopiesOf(Handle h, long sourceChatId, String sourceMessageIds, String reason) {
        return h.createUpdate("UPDATE deliveries SET state = 'CANCELLED', last_error = :reason WHERE state = 'PENDING' "
                        + "AND source_chat_id = :chat AND source_message_ids = :ids")
                .bind("reason", truncate(reason))
                .bind("chat", sourceChatId)
                .bind("ids", sourceMessageIds)
                .execute();
    }

    /** Puts a pending row back for later; a 429 is not the row's fault, so it may leave attempts alone. */
    public boolean reschedule(Handle h, long id, Instant notBefore, String error, boolean countAttempt) {
        return h.createUpdate("UPDATE deliveries SET not_before = :nb, last_error = :err, attempts = attempts + :inc "
                        + "WHERE id = :id AND state = 'PENDING'")
                .bind("nb", notBefore.toEpochMilli())
                .bind("err", truncate(error))
                .bind("inc", countAttempt ? 1 : 0)
                .bind("id", id)
                .execute() == 1;
    }

    /**
     * Holds a chat's other pending rows until at least {@code notBefore}, so a row put back for later (a retry)
     * is not overtaken by the ones queued behind it: a digest's part 2 must not arrive before its part 1.
     */
    public int holdChatUntil(Handle h, long chatId, Instant notBefore) {
        return h.createUpdate("UPDATE deliveries SET not_before = CASE WHEN not_before > :nb THEN not_before ELSE :nb END "
                        + "WHERE chat_id = :chat AND state = 'PENDING'")
                .bind("nb", notBefore.toEpochMilli())
                .bind("chat", chatId)
                .execute();
    }

    /** Gives up on a pending row for good. */
    public boolean fail(Handle h, long id, String error, boolean countAttempt) {
        return h.createUpdate("UPDATE deliveries SET state = 'FAILED', last_error = :err, attempts = attempts + :inc "
                        + "WHERE id = :id AND state = 'PENDING'")
                .bind("err", truncate(error))
                .bind("inc", countAttempt ? 1 : 0)
                .bind("id", id)
                .execute() == 1;
    }

    /** Cancels everything still pending for a chat (it blocked the bot or is gone); returns how many. */
    public int cancelPendingForChat(Handle h, long chatId, String reason) {
        return h.createUpdate("UPDATE deliveries SET state = 'CANCELLED', last_error = :err "
                        + "WHERE chat_id = :chat AND state = 'PENDING'")
                .bind("err", truncate(reason))
                .bind("chat", chatId)
                .execute();
    }

    /** Cancels the pushes still pending for a chat (the reader said /stop), not the replies; returns how many. */
    public int cancelPendingPushesForChat(Handle h, long chatId, String reason) {
        return h.createUpdate("UPDATE deliveries SET state = 'CANCELLED', last_error = :err "
                        + "WHERE chat_id = :chat AND state = 'PENDING' AND kind <> 'REPLY'")
                .bind("err", truncate(reason))
                .bind("chat", chatId)
                .execute();
    }

    /** Cancels what is still pending of one digest, alert or broadcast; returns how many. */
    public int cancelPendingByRef(Handle h, String kind, long refId, String reason) {
        return h.createUpdate("UPDATE deliveries SET state = 'CANCELLED', last_error = :err "
                        + "WHERE kind = :kind AND ref_id = :ref AND state = 'PENDING'")
                .bind("err", truncate(reason))
                .bind("kind", kind)
                .bind("ref", refId)
                .execute();
    }

    /**
     * Moves a migrated group's rows to its new id, so pending rows are resent there and re-enqueueing stays a
     * no-op. A row whose key already exists under the new id stays behind; if pending, it is cancelled as a
     * duplicate. Returns how many pending rows now wait under the new id.
     */
    public int moveChat(Handle h, long oldChatId, long newChatId) {
        // rows whose key exists under the new id stay (SQLite's UPDATE OR IGNORE, in SQL both speak)
        h.createUpdate("UPDATE deliveries SET chat_id = :new WHERE chat_id = :old AND NOT EXISTS (SELECT 1 FROM "
                        + "deliveries e WHERE e.chat_id = :new AND e.kind = deliveries.kind "
                        + "AND e.ref_id = deliveries.ref_id AND e.part = deliveries.part)")
                .bind("new", newChatId)
                .bind("old", oldChatId)
                .execute();
        cancelPendingForChat(h, oldChatId, "duplicate after migration to " + newChatId);
        return h.createQuery("SELECT COUNT(*) FROM deliveries WHERE chat_id = :new AND state = 'PENDING'")
                .bind("new", newChatId)
                .mapTo(Integer.class)
                .one();
    }

    /** Rows waiting for one chat (a held channel's posts, say). */
    public int countPendingForChat(Handle h, long chatId) {
        return h.createQuery("SELECT COUNT(*) FROM deliveries WHERE chat_id = :chat AND state = 'PENDING'")
                .bind("chat", chatId)
                .mapTo(Integer.class)
                .one();
    }

    /**
     * Drops pending rows of {@code kind} created before {@code createdBefore}: they outlived their use (a breaking
     * alert hours late is no longer news). Returns how many were dropped.
     */
    public int expirePending(Handle h, String kind, Instant createdBefore, String reason) {
        return h.createUpdate("UPDATE deliveries SET state = 'CANCELLED', last_error = :err "
                        + "WHERE state = 'PENDING' AND kind = :kind AND created_at < :before")
                .bind("err", truncate(reason))
                .bind("kind", kind)
                .bind("before", createdBefore.toEpochMilli())
                .execute();
    }

    /**
     * Gives back one attempt to each of these pending rows: their failure turned out to be an outage of Telegram
     * or the network, which is nobody's row's fault.
     */
    public int refundAttempt(Handle h, List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return h.createUpdate("UPDATE deliveries SET attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END "
                        + "WHERE state = 'PENDING' AND id IN (<ids>)")
                .bindList("ids", ids)
                .execute();
    }

    /** Rows created since {@code since}, by kind then state (a full scan: for /stats, not for hot paths). */
    public Map<String, Map<String, Integer>> countsSince(Handle h, Instant since) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        h.createQuery("SELECT kind, state, COUNT(*) FROM deliveries WHERE created_at >= :since GROUP BY kind, state")
                .bind("since", since.toEpochMilli())
                .map((rs, ctx) -> new KindStateCount(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .forEach(c -> counts.computeIfAbsent(c.kind(), k -> new TreeMap<>()).put(c.state(), c.count()));
        return counts;
    }

    /** Rows of one digest, alert or broadcast by state: a broadcast's progress. */
    public Map<String, Integer> countsByRef(Handle h, String kind, long refId) {
        Map<String, Integer> counts = new TreeMap<>();
        h.createQuery("SELECT state, COUNT(*) FROM deliveries WHERE kind = :kind AND ref_id = :ref GROUP BY state")
                .bind("kind", kind)
                .bind("ref", refId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** The queue length now, due or not. */
    public int pendingCount(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM deliveries WHERE state = 'PENDING'").mapTo(Integer.class).one();
    }

    /** Pending rows by kind, due or not: the queue length operators watch (an index range on state). */
    public Map<String, Integer> pendingByKind(Handle h) {
        Map<String, Integer> counts = new TreeMap<>();
        h.createQuery("SELECT kind, COUNT(*) FROM deliveries WHERE state = 'PENDING' GROUP BY kind")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** When the oldest pending row was created, if any row is pending. */
    public Optional<Instant> oldestPendingCreatedAt(Handle h) {
        Long millis = h.createQuery("SELECT MIN(created_at) FROM deliveries WHERE state = 'PENDING'")
                .mapTo(Long.class)
                .one();
        return Optional.ofNullable(millis).map(Instant::ofEpochMilli);
    }

    public int pendingCount(Handle h, String kind, long refId) {
        return h.createQuery("SELECT COUNT(*) FROM deliveries WHERE kind = :kind AND ref_id = :ref AND state = 'PENDING'")
                .bind("kind", kind)
                .bind("ref", refId)
                .mapTo(Integer.class)
                .one();
    }

    /** Forgets finished rows created before {@code before}; returns how many. Pending rows are never deleted. */
    /** Deletes up to {@code limit} finished rows created before {@code before}; returns how many went. */
    public int deleteFinishedBefore(Handle h, Instant before, int limit) {
        return h.createUpdate("DELETE FROM deliveries WHERE id IN (SELECT id FROM deliveries "
                        + "WHERE state <> 'PENDING' AND created_at < :before LIMIT :limit)")
                .bind("before", before.toEpochMilli())
                .bind("limit", limit)
                .execute();
    }

    private record KindStateCount(String kind, String state, int count) {
    }

    private static Map<String, Object> params(NewDelivery d, Instant now) {
        Map<String, Object> p = new HashMap<>(Map.of("chat", d.chatId(), "kind", d.kind(), "ref", d.refId(),
                "part", d.part(), "text", d.text(), "silent", d.silent() ? 1 : 0, "preview", d.linkPreview() ? 1 : 0,
                "priority", d.priority(), "notBefore", d.notBefore().toEpochMilli(), "now", now.toEpochMilli()));
        p.put("markup", d.replyMarkup()); // may be null, which Map.of refuses
        p.put("thread", d.threadId());
        Operation op = d.operation();
        p.put("action", op.action());
        p.put("sourceChat", op.sourceChatId());
        p.put("sourceIds", op.sourceMessageIds());
        p.put("target", op.targetMessageId());
        p.put("paid", op.paid() ? 1 : 0);
        p.put("thenPin", op.thenPin() ? 1 : 0);
        return p;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_ERROR_CHARS ? s : s.substring(0, MAX_ERROR_CHARS);
    }

    private static Delivery map(ResultSet rs, StatementContext ctx) throws SQLException {
        long msg = rs.getLong("telegram_message_id");
        Long messageId = rs.wasNull() ? null : msg;
        long sent = rs.getLong("sent_at");
        Instant sentAt = rs.wasNull() ? null : Instant.ofEpochMilli(sent);
        return new Delivery(
                rs.getLong("id"),
                rs.getLong("chat_id"),
                rs.getString("kind"),
                rs.getLong("ref_id"),
                rs.getInt("part"),
                rs.getString("text"),
                rs.getInt("silent") == 1 || rs.getInt("chat_silent") == 1,
                rs.getInt("link_preview") == 1,
                rs.getInt("priority"),
                rs.getString("state"),
                rs.getInt("attempts"),
                Instant.ofEpochMilli(rs.getLong("not_before")),
                rs.getString("last_error"),
                messageId,
                Instant.ofEpochMilli(rs.getLong("created_at")),
                sentAt,
                rs.getString("reply_markup"),
                threadId(rs),
                new Operation(rs.getString("action"), nullableLong(rs, "source_chat_id"),
                        rs.getString("source_message_ids"), nullableInt(rs, "target_message_id"),
                        rs.getInt("paid") == 1, rs.getInt("then_pin") == 1),
                rs.getInt("sent_paid") == 1,
                rs.getString("more_message_ids"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer threadId(ResultSet rs) throws SQLException {
        int thread = rs.getInt("send_thread");
        return rs.wasNull() ? null : thread;
    }
}
