package newsbot.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQL for the {@code broadcasts} table and for choosing a broadcast's audience. State changes are conditional
 * UPDATEs, so two admins (or a double press) racing on one broadcast see exactly one winner.
 */
public final class BroadcastsRepo {

    private static final String COLUMNS = "id, admin_user_id, admin_chat_id, language, text, audience, state, total, "
            + "enqueued_upto, enqueued_all, preview_message_id, progress_chat_id, progress_message_id, reported, "
            + "created_at, started_at, finished_at, content, source_chat_id, source_message_ids, button_text, "
            + "button_url, pin, paid, scheduled_at, schedule_zone";

    /**
     * A new draft: what to send and to whom.
     *
     * @param html the text (content {@code html}), or a copy's description shown in lists
     */
    public record NewDraft(long adminUserId, long adminChatId, String language, String content, String html,
                           Long sourceChatId, String sourceMessageIds, String buttonText, String buttonUrl,
                           String audience, int total) {
    }

    public long insertDraft(Handle h, NewDraft d, Instant now) {
        return h.createUpdate("INSERT INTO broadcasts (admin_user_id, admin_chat_id, language, text, audience, state, "
                        + "total, created_at, content, source_chat_id, source_message_ids, button_text, button_url) "
                        + "VALUES (:user, :chat, :lang, :text, :audience, 'DRAFT', :total, :now, :content, :sourceChat, "
                        + ":sourceIds, :buttonText, :buttonUrl)")
                .bind("user", d.adminUserId())
                .bind("chat", d.adminChatId())
                .bind("lang", d.language())
                .bind("text", d.html())
                .bind("audience", d.audience())
                .bind("total", d.total())
                .bind("now", now.toEpochMilli())
                .bind("content", d.content())
                .bind("sourceChat", d.sourceChatId())
                .bind("sourceIds", d.sourceMessageIds())
                .bind("buttonText", d.buttonText())
                .bind("buttonUrl", d.buttonUrl())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    /** A draft's options, changed from its preview; false once it is no longer a draft. */
    public boolean setOptions(Handle h, long id, boolean pin, boolean paid) {
        return h.createUpdate("UPDATE broadcasts SET pin = :pin, paid = :paid WHERE id = :id AND state = 'DRAFT'")
                .bind("pin", pin ? 1 : 0)
                .bind("paid", paid ? 1 : 0)
                .bind("id", id)
                .execute() == 1;
    }

    /** Schedules (or with {@code at} null, unschedules) a draft; false once it is no longer a draft. */
    public boolean schedule(Handle h, long id, Instant at, String zone) {
        return h.createUpdate("UPDATE broadcasts SET scheduled_at = :at, schedule_zone = :zone "
                        + "WHERE id = :id AND state = 'DRAFT'")
                .bind("at", at == null ? null : at.toEpochMilli())
                .bind("zone", zone)
                .bind("id", id)
                .execute() == 1;
    }

    /** Scheduled drafts due at {@code now}, the longest overdue first. */
    public List<BroadcastRow> dueScheduled(Handle h, Instant now) {
        return h.createQuery("SELECT " + COLUMNS + " FROM broadcasts WHERE state = 'DRAFT' AND scheduled_at IS NOT NULL "
                        + "AND scheduled_at <= :now ORDER BY scheduled_at, id")
                .bind("now", now.toEpochMilli())
                .map(BroadcastsRepo::map)
                .list();
    }

    /** Every scheduled draft, soonest first. */
    public List<BroadcastRow> scheduled(Handle h) {
        return h.createQuery("SELECT " + COLUMNS + " FROM broadcasts WHERE state = 'DRAFT' AND scheduled_at IS NOT NULL "
                        + "ORDER BY scheduled_at, id")
                .map(BroadcastsRepo::map)
                .list();
    }

    public Optional<BroadcastRow> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM broadcasts WHERE id = :id")
                .bind("id", id)
                .map(BroadcastsRepo::map)
                .findOne();
    }

    /** The draft or broadcast whose control message is {@code messageId} in the editor's chat. */
    public Optional<BroadcastRow> findByPreview(Handle h, long chatId, int messageId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM broadcasts WHERE admin_chat_id = :chat "
                        + "AND preview_message_id = :msg ORDER BY id DESC LIMIT 1")
                .bind("chat", chatId)
                .bind("msg", messageId)
                .map(BroadcastsRepo::map)
                .findOne();
    }

    public void setPreviewMessage(Handle h, long id, int messageId) {
        h.createUpdate("UPDATE broadcasts SET preview_message_id = :msg WHERE id = :id")
                .bind("msg", messageId)
                .bind("id", id)
                .execute();
    }

    /** DRAFT → RUNNING; true for exactly one caller however many press Send. */
    public boolean start(Handle h, long id, int total, Instant now) {
        return h.createUpdate("UPDATE broadcasts SET state = 'RUNNING', started_at = :now, total = :total "
                        + "WHERE id = :id AND state = 'DRAFT'")
                .bind("now", now.toEpochMilli())
                .bind("total", total)
                .bind("id", id)
                .execute() == 1;
    }

    public void setProgressMessage(Handle h, long id, long chatId, int messageId) {
        h.createUpdate("UPDATE broadcasts SET progress_chat_id = :chat, progress_message_id = :msg WHERE id = :id")
                .bind("chat", chatId)
                .bind("msg", messageId)
                .bind("id", id)
                .execute();
    }

    /** Moves from one state to another only if still in {@code from}; true when it did. */
    public boolean transition(Handle h, long id, String from, String to) {
        return h.createUpdate("UPDATE broadcasts SET state = :to WHERE id = :id AND state = :from")
                .bind("to", to)
                .bind("from", from)
                .bind("id", id)
                .execute() == 1;
    }

    /** DRAFT, RUNNING or PAUSED → CANCELLED; true when it was still cancellable. */
    public boolean cancel(Handle h, long id, Instant now) {
        return h.createUpdate("UPDATE broadcasts SET state = 'CANCELLED', finished_at = :now "
                        + "WHERE id = :id AND state IN ('DRAFT', 'RUNNING', 'PAUSED')")
                .bind("now", now.toEpochMilli())
                .bind("id", id)
                .execute() == 1;
    }

    /** RUNNING → DONE once everything is enqueued; the total becomes what was really enqueued. */
    public boolean finish(Handle h, long id, int total, Instant now) {
        return h.createUpdate("UPDATE broadcasts SET state = 'DONE', finished_at = :now, total = :total "
                        + "WHERE id = :id AND state = 'RUNNING' AND enqueued_all = 1")
                .bind("now", now.toEpochMilli())
                .bind("total", total)
                .bind("id", id)
                .execute() == 1;
    }

    public void markReported(Handle h, long id) {
        h.createUpdate("UPDATE broadcasts SET reported = 1 WHERE id = :id").bind("id", id).execute();
    }

    /** Records a batch: chats up to {@code upto} are in the outbox; {@code all} when the audience is exhausted. */
    public void advance(Handle h, long id, Long upto, boolean all, int total) {
        h.createUpdate("UPDATE broadcasts SET enqueued_upto = COALESCE(:upto, enqueued_upto), enqueued_all = :all, "
                        + "total = :total WHERE id = :id")
                .bind("upto", upto)
                .bind("all", all ? 1 : 0)
                .bind("total", total)
                .bind("id", id)
                .execute();
    }

    /** Broadcasts the monitor must look at: sending, paused, or finished but not yet reported. */
    public List<BroadcastRow> unfinishedOrUnreported(Handle h) {
        return h.createQuery("SELECT " + COLUMNS + " FROM broadcasts WHERE state IN ('RUNNING', 'PAUSED') "
                        + "OR (state IN ('DONE', 'CANCELLED') AND reported = 0 AND progress_message_id IS NOT NULL) "
                        + "ORDER BY id")
                .map(BroadcastsRepo::map)
                .list();
    }

    public List<BroadcastRow> recent(Handle h, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM broadcasts ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .map(BroadcastsRepo::map)
                .list();
    }

    /** The broadcast whose preview, progress message or report is message {@code messageId} of chat {@code chatId}. */
    public Optional<BroadcastRow> findByMessage(Handle h, long chatId, int messageId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM broadcasts WHERE (admin_chat_id = :chat AND "
                        + "preview_message_id = :msg) OR (progress_chat_id = :chat AND progress_message_id = :msg) "
                        + "ORDER BY id DESC LIMIT 1")
                .bind("chat", chatId)
                .bind("msg", messageId)
                .map(BroadcastsRepo::map)
                .findOne();
    }

    /** A correction of a broadcast still sending: the batches not yet enqueued carry the corrected text. */
    public void replaceText(Handle h, long id, String html) {
        h.createUpdate("UPDATE broadcasts SET text = :text WHERE id = :id")
                .bind("text", html)
                .bind("id", id)
                .execute();
    }

    /** The next {@code limit} active readers of the audience after chat {@code after}, in chat id order. */
    public List<Long> audienceAfter(Handle h, AudienceFilter audience, long after, int limit) {
        return audienceQuery(h, audience, "r.chat_id", " AND r.chat_id > :after ORDER BY r.chat_id LIMIT :limit")
                .bind("after", after)
                .bind("limit", limit)
                .mapTo(Long.class)
                .list();
    }

    public int audienceCount(Handle h, AudienceFilter audience) {
        return audienceQuery(h, audience, "COUNT(*)", "").mapTo(Integer.class).one();
    }

    // PAUSED readers asked for no pushes for now, STOPPED and BLOCKED ones for none at all: ACTIVE only. The site's
    // own channels are targets of news, not readers: an announcement to readers is not posted there.
    private static Query audienceQuery(Handle h, AudienceFilter audience, String select, String tail) {
        if (audience.category() != null) {
            return h.createQuery("SELECT " + select + " FROM subscriptions s JOIN subscribers r ON r.chat_id = s.chat_id "
                            + "WHERE s.category = :cat AND r.status = 'ACTIVE' AND r.chat_type <> 'channel'" + tail)
                    .bind("cat", audience.category());
        }
        if (audience.language() != null) {
            return h.createQuery("SELECT " + select + " FROM subscribers r WHERE r.status = 'ACTIVE' AND r.chat_type <> 'channel' AND r.language = :lang"
                            + tail)
                    .bind("lang", audience.language());
        }
        return h.createQuery("SELECT " + select + " FROM subscribers r WHERE r.status = 'ACTIVE' AND r.chat_type <> 'channel'" + tail);
    }

    private static BroadcastRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new BroadcastRow(
                rs.getLong("id"),
                rs.getLong("admin_user_id"),
                rs.getLong("admin_chat_id"),
                rs.getString("language"),
                rs.getString("text"),
                rs.getString("audience"),
                rs.getString("state"),
                rs.getInt("total"),
                nullableLong(rs, "enqueued_upto"),
                rs.getInt("enqueued_all") == 1,
                nullableInt(rs, "preview_message_id"),
                nullableLong(rs, "progress_chat_id"),
                nullableInt(rs, "progress_message_id"),
                rs.getInt("reported") == 1,
                Instant.ofEpochMilli(rs.getLong("created_at")),
                nullableInstant(rs, "started_at"),
                nullableInstant(rs, "finished_at"),
                rs.getString("content"),
                nullableLong(rs, "source_chat_id"),
                rs.getString("source_message_ids"),
                rs.getString("button_text"),
                rs.getString("button_url"),
                rs.getInt("pin") == 1,
                rs.getInt("paid") == 1,
                nullableInstant(rs, "scheduled_at"),
                rs.getString("schedule_zone"));
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
