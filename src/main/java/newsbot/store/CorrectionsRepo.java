package newsbot.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQL for the {@code corrections} table and for a correction's two sets of outbox rows: the copies it acts on
 * (kind BROADCAST or BREAKING, the target's ref_id) and its own rows (kind CORRECTION, ref_id = its id). State
 * changes are conditional UPDATEs, as for broadcasts, so a double press acts once.
 */
public final class CorrectionsRepo {

    /**
     * A CORRECTION row's part: the copy's part × 16 + the message's place in an album (at most 10), so the outbox's
     * unique key makes every copy's correction once per correction however often it is enumerated.
     */
    public static final int PARTS_PER_COPY = 16;
    /** The part of a retraction's notice: one per chat, after the deletions. */
    public static final int NOTICE_PART = 1_000_000;

    private static final String KIND = "CORRECTION";
    private static final String COLUMNS = "id, action, target_kind, target_ref, content, text, notice, editor_user_id, "
            + "editor_chat_id, language, state, fence, queued, enqueued_upto, enqueued_all, preview_message_id, "
            + "progress_chat_id, progress_message_id, reported, created_at, started_at, finished_at";

    /**
     * A delivered copy a correction acts on.
     *
     * @param messageIds the messages Telegram made: one, or an album's in order
     * @param language   the reader's language (the default for chats that are not readers, like channels)
     */
    public record SentCopy(long deliveryId, long chatId, int part, List<Long> messageIds, String replyMarkup,
                           Instant sentAt, String language) {
        public SentCopy {
            messageIds = List.copyOf(messageIds);
        }
    }

    /**
     * A correction's own rows by outcome, its notices apart.
     *
     * @param edited    copies edited (a retraction's copies too old to delete, edited to the withdrawn note)
     * @param deleted   copies deleted
     * @param refused   copies Telegram refused to edit or delete (too old, changed, deleted by the reader)
     * @param cancelled rows not sent: the reader blocked the bot, or the editor cancelled the correction
     */
    public record Counts(int total, int edited, int deleted, int refused, int pending, int cancelled, int notices) {

        /** Rows that reached an end. */
        public int finished() {
            return total - pending;
        }
    }

    public long insertDraft(Handle h, CorrectionRow draft) {
        return h.createUpdate("INSERT INTO corrections (action, target_kind, target_ref, content, text, notice, "
                        + "editor_user_id, editor_chat_id, language, state, created_at) VALUES (:action, :kind, :ref, "
                        + ":content, :text, :notice, :user, :chat, :lang, 'DRAFT', :now)")
                .bind("action", draft.action())
                .bind("kind", draft.targetKind())
                .bind("ref", draft.targetRef())
                .bind("content", draft.content())
                .bind("text", draft.text())
                .bind("notice", draft.notice())
                .bind("user", draft.editorUserId())
                .bind("chat", draft.editorChatId())
                .bind("lang", draft.language())
                .bind("now", draft.createdAt().toEpochMilli())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    public Optional<CorrectionRow> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM corrections WHERE id = :id")
                .bind("id", id)
                .map(CorrectionsRepo::map)
                .findOne();
    }

    /** The correction or retraction of this target that is sending or paused, if any. */
    public Optional<CorrectionRow> activeFor(Handle h, String targetKind, long targetRef) {
        return h.createQuery("SELECT " + COLUMNS + " FROM corrections WHERE target_kind = :kind AND target_ref = :ref "
                        + "AND state IN ('RUNNING', 'PAUSED') ORDER BY id LIMIT 1")
                .bind("kind", targetKind)
                .bind("ref", targetRef)
                .map(CorrectionsRepo::map)
                .findOne();
    }

    /** A retraction of this target that was confirmed (sending, paused or done), if any. */
    public Optional<CorrectionRow> retractionOf(Handle h, String targetKind, long targetRef) {
        return h.createQuery("SELECT " + COLUMNS + " FROM corrections WHERE target_kind = :kind AND target_ref = :ref "
                        + "AND action = 'retract' AND state IN ('RUNNING', 'PAUSED', 'DONE') ORDER BY id LIMIT 1")
                .bind("kind", targetKind)
                .bind("ref", targetRef)
                .map(CorrectionsRepo::map)
                .findOne();
    }

    public void setPreviewMessage(Handle h, long id, int messageId) {
        h.createUpdate("UPDATE corrections SET preview_message_id = :msg WHERE id = :id")
                .bind("msg", messageId)
                .bind("id", id)
                .execute();
    }

    /**
     * DRAFT → RUNNING for exactly one caller, and only while no other correction of the same target is sending or
     * paused: two corrections racing over the same copies would edit each copy twice, in either order.
     */
    public boolean start(Handle h, long id, long fence, Instant now) {
        return h.createUpdate("UPDATE corrections SET state = 'RUNNING', started_at = :now, fence = :fence "
                        + "WHERE id = :id AND state = 'DRAFT' AND NOT EXISTS (SELECT 1 FROM "
                        + "corrections o WHERE o.target_kind = corrections.target_kind AND o.target_ref = "
                        + "corrections.target_ref AND o.state IN ('RUNNING', 'PAUSED') AND o.id <> corrections.id)")
                .bind("now", now.toEpochMilli())
                .bind("fence", fence)
                .bind("id", id)
                .execute() == 1;
    }

    /** How many of the target's rows were still queued when it started (replaced or cancelled). */
    public void setQueued(Handle h, long id, int queued) {
        h.createUpdate("UPDATE corrections SET queued = :queued WHERE id = :id")
                .bind("queued", queued)
                .bind("id", id)
                .execute();
    }

    public void setProgressMessage(Handle h, long id, long chatId, int messageId) {
        h.createUpdate("UPDATE corrections SET progress_chat_id = :chat, progress_message_id = :msg WHERE id = :id")
                .bind("chat", chatId)
                .bind("msg", messageId)
                .bind("id", id)
                .execute();
    }

    /** Moves from one state to another only if still in {@code from}; true when it did. */
    public boolean transition(Handle h, long id, String from, String to) {
        return h.createUpdate("UPDATE corrections SET state = :to WHERE id = :id AND state = :from")
                .bind("to", to)
                .bind("from", from)
                .bind("id", id)
                .execute() == 1;
    }

    /** DRAFT, RUNNING or PAUSED → CANCELLED; true when it was still cancellable. */
    public boolean cancel(Handle h, long id, Instant now) {
        return h.createUpdate("UPDATE corrections SET state = 'CANCELLED', finished_at = :now "
                        + "WHERE id = :id AND state IN ('DRAFT', 'RUNNING', 'PAUSED')")
                .bind("now", now.toEpochMilli())
                .bind("id", id)
                .execute() == 1;
    }

    /** RUNNING → DONE once every copy has its row. */
    public boolean finish(Handle h, long id, Instant now) {
        return h.createUpdate("UPDATE corrections SET state = 'DONE', finished_at = :now "
                        + "WHERE id = :id AND state = 'RUNNING' AND enqueued_all = 1")
                .bind("now", now.toEpochMilli())
                .bind("id", id)
                .execute() == 1;
    }

    public void markReported(Handle h, long id) {
        h.createUpdate("UPDATE corrections SET reported = 1 WHERE id = :id").bind("id", id).execute();
    }

    /** Records a batch: the target's copies up to row {@code upto} have rows; {@code all} once the first pass ended. */
    public void advance(Handle h, long id, Long upto, boolean all) {
        h.createUpdate("UPDATE corrections SET enqueued_upto = COALESCE(:upto, enqueued_upto), enqueued_all = :all "
                        + "WHERE id = :id")
                .bind("upto", upto)
                .bind("all", all ? 1 : 0)
                .bind("id", id)
                .execute();
    }

    /** Corrections the monitor must look at: sending, paused, or finished but not yet reported. */
    public List<CorrectionRow> unfinishedOrUnreported(Handle h) {
        return h.createQuery("SELECT " + COLUMNS + " FROM corrections WHERE state IN ('RUNNING', 'PAUSED') "
                        + "OR (state IN ('DONE', 'CANCELLED') AND reported = 0 AND progress_message_id IS NOT NULL) "
                        + "ORDER BY id")
                .map(CorrectionsRepo::map)
                .list();
    }

    /** The latest confirmed corrections and retractions (drafts are left out), newest first. */
    public List<CorrectionRow> recent(Handle h, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM corrections WHERE started_at IS NOT NULL "
                        + "ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .map(CorrectionsRepo::map)
                .list();
    }

    /** Corrections and retractions confirmed since {@code since}. */
    public List<CorrectionRow> startedSince(Handle h, Instant since) {
        return h.createQuery("SELECT " + COLUMNS + " FROM corrections WHERE started_at >= :since ORDER BY id")
                .bind("since", since.toEpochMilli())
                .map(CorrectionsRepo::map)
                .list();
    }

    // --- the target's copies ---------------------------------------------------------------------------------

    /** The target's last outbox row id (0 for none): rows written after it carry what the correction changed. */
    public long lastTargetRow(Handle h, String targetKind, long targetRef) {
        Long max = h.createQuery("SELECT MAX(id) FROM deliveries WHERE kind = :kind AND ref_id = :ref")
                .bind("kind", targetKind)
                .bind("ref", targetRef)
                .mapTo(Long.class)
                .one();
        return max == null ? 0 : max;
    }

    /**
     * The target's copies (first parts) as the outbox knows them.
     *
     * @param sent      delivered, with a message id to act on
     * @param queued    not sent yet
     * @param sentEarly of the delivered ones, those sent before the instant asked about (too old to delete)
     */
    public record TargetCounts(int sent, int queued, int sentEarly) {
    }

    public TargetCounts targetCounts(Handle h, String targetKind, long targetRef, Instant earlyBefore) {
        return h.createQuery("SELECT "
                        + "COALESCE(SUM(CASE WHEN state = 'SENT' AND telegram_message_id IS NOT NULL THEN 1 ELSE 0 END), 0), "
                        + "COALESCE(SUM(CASE WHEN state = 'PENDING' THEN 1 ELSE 0 END), 0), "
                        + "COALESCE(SUM(CASE WHEN state = 'SENT' AND telegram_message_id IS NOT NULL "
                        + "AND sent_at < :early THEN 1 ELSE 0 END), 0) "
                        + "FROM deliveries WHERE kind = :kind AND ref_id = :ref AND part = 0")
                .bind("early", earlyBefore.toEpochMilli())
                .bind("kind", targetKind)
                .bind("ref", targetRef)
                .map((rs, ctx) -> new TargetCounts(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
                .one();
    }

    /**
     * Queued copies get the corrected text before they are sent (part 0: a correction replaces a message of one
     * part). Returns how many.
     */
    public int replaceQueued(Handle h, String targetKind, long targetRef, String html) {
        return h.createUpdate("UPDATE deliveries SET text = :text WHERE kind = :kind AND ref_id = :ref AND part = 0 "
                        + "AND state = 'PENDING'")
                .bind("text", html)
                .bind("kind", targetKind)
                .bind("ref", targetRef)
                .execute();
    }

    /**
     * The next delivered copies of a correction's target after row {@code afterId} that have no row of it yet, in
     * row order. A correction skips copies that already show its text (sent after the queue was corrected) and
     * copies written after its fence; a retraction takes every delivered message.
     */
    public List<SentCopy> copiesWithoutRows(Handle h, CorrectionRow c, long afterId, String defaultLanguage,
                                            int limit) {
        String which = c.isRetraction() ? "" : " AND d.part = 0 AND d.id <= :fence AND d.text <> :text";
        var query = h.createQuery("SELECT d.id, d.chat_id, d.part, d.telegram_message_id, d.action, "
                        + "d.reply_markup, d.sent_at, COALESCE((SELECT r.language FROM subscribers r "
                        + "WHERE r.chat_id = d.chat_id), :lang) AS language FROM deliveries d "
                        + "WHERE d.kind = :kind AND d.ref_id = :ref AND d.state = 'SENT' "
                        + "AND d.telegram_message_id IS NOT NULL AND d.id > :after" + which
                        + " AND NOT EXISTS (SELECT 1 FROM deliveries x WHERE x.chat_id = d.chat_id "
                        + "AND x.kind = 'CORRECTION' AND x.ref_id = :cid AND x.part = d.part * :perCopy) "
                        + "ORDER BY d.id LIMIT :limit")
                .bind("lang", defaultLanguage)
                .bind("kind", c.targetKind())
                .bind("ref", c.targetRef())
                .bind("after", afterId)
                .bind("cid", c.id())
                .bind("perCopy", PARTS_PER_COPY)
                .bind("limit", limit);
        if (!c.isRetraction()) {
            query.bind("fence", c.fence() == null ? Long.MAX_VALUE : c.fence()).bind("text", c.text());
        }
        return query.map((rs, ctx) -> new SentCopy(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                        "copy_album".equals(rs.getString(5)) ? List.of() : List.of(rs.getLong(4)), rs.getString(6),
                        Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8)))
                .list()
                .stream()
                .map(copy -> copy.messageIds().isEmpty() ? new SentCopy(copy.deliveryId(), copy.chatId(), copy.part(),
                        albumSent(h, copy.deliveryId()), copy.replyMarkup(), copy.sentAt(), copy.language()) : copy)
                .toList();
    }

    /** The copies Telegram made of an album, in order. */
    private static List<Long> albumSent(Handle h, long deliveryId) {
        return h.createQuery("SELECT message_id FROM delivery_album_messages WHERE delivery_id = :id AND role = 'SENT' "
                        + "ORDER BY position")
                .bind("id", deliveryId)
                .mapTo(Long.class)
                .list();
    }

    // --- the correction's own rows ---------------------------------------------------------------------------

    /** The correction's rows by outcome; a retraction's notices are counted apart. */
    public Counts counts(Handle h, long id) {
        int[] n = new int[7];
        h.createQuery("SELECT state, action, part >= :notice, COUNT(*) FROM deliveries WHERE kind = :kind "
                        + "AND ref_id = :id GROUP BY state, action, part >= :notice")
                .bind("notice", NOTICE_PART)
                .bind("kind", KIND)
                .bind("id", id)
                .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3) == 1, rs.getInt(4)})
                .forEach(row -> {
                    String state = (String) row[0];
                    int count = (Integer) row[3];
                    if ((Boolean) row[2]) {
                        n[6] += "SENT".equals(state) ? count : 0;
                        return;
                    }
                    n[0] += count;
                    switch (state) {
                        case "SENT" -> n[String.valueOf(row[1]).startsWith("delete") ? 2 : 1] += count;
                        case "FAILED" -> n[3] += count;
                        case "PENDING" -> n[4] += count;
                        default -> n[5] += count;
                    }
                });
        return new Counts(n[0], n[1], n[2], n[3], n[4], n[5], n[6]);
    }

    private static CorrectionRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new CorrectionRow(
                rs.getLong("id"),
                rs.getString("action"),
                rs.getString("target_kind"),
                rs.getLong("target_ref"),
                rs.getString("content"),
                rs.getString("text"),
                rs.getString("notice"),
                rs.getLong("editor_user_id"),
                rs.getLong("editor_chat_id"),
                rs.getString("language"),
                rs.getString("state"),
                nullableLong(rs, "fence"),
                rs.getInt("queued"),
                nullableLong(rs, "enqueued_upto"),
                rs.getInt("enqueued_all") == 1,
                nullableInt(rs, "preview_message_id"),
                nullableLong(rs, "progress_chat_id"),
                nullableInt(rs, "progress_message_id"),
                rs.getInt("reported") == 1,
                Instant.ofEpochMilli(rs.getLong("created_at")),
                nullableInstant(rs, "started_at"),
                nullableInstant(rs, "finished_at"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
