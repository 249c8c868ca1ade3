package newsbot.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQL for the {@code broadcasts} table (its own columns; the state part is {@link CampaignTable#BROADCASTS}) and
 * for choosing a broadcast's audience. Changes are conditional UPDATEs, so racing presses see exactly one winner.
 */
public final class BroadcastsRepo {

    private static final CampaignTable TABLE = CampaignTable.BROADCASTS;
    private static final Set<CampaignState> DRAFTS = EnumSet.of(CampaignState.DRAFT, CampaignState.SCHEDULED);
    private static final String COLUMNS = Campaign.COLUMNS + ", text, audience, total, content, source_chat_id, "
            + "source_message_ids, button_text, button_url, pin, paid, scheduled_at, schedule_zone";

    /** A new draft: who asked, what to send and to whom. */
    public record NewDraft(Campaign.Editor editor, BroadcastContent content, String audience, int total) {
    }

    public CampaignTable table() {
        return TABLE;
    }

    public long insertDraft(Handle h, NewDraft d, Instant now) {
        BroadcastContent c = d.content();
        BroadcastContent.Copy copy = c instanceof BroadcastContent.Copy k ? k : null;
        return h.createUpdate("INSERT INTO broadcasts (editor_user_id, editor_chat_id, language, text, audience, state, "
                        + "total, created_at, content, source_chat_id, source_message_ids, button_text, button_url) "
                        + "VALUES (:user, :chat, :lang, :text, :audience, :state, :total, :now, :content, :sourceChat, "
                        + ":sourceIds, :buttonText, :buttonUrl)")
                .bind("user", d.editor().userId())
                .bind("chat", d.editor().chatId())
                .bind("lang", d.editor().language())
                .bind("text", c.html())
                .bind("audience", d.audience())
                .bind("state", CampaignState.DRAFT.name())
                .bind("total", d.total())
                .bind("now", now.toEpochMilli())
                .bind("content", c.type())
                .bind("sourceChat", copy == null ? null : copy.sourceChatId())
                .bind("sourceIds", copy == null ? null : copy.messageIds())
                .bind("buttonText", c.button() == null ? null : c.button().label())
                .bind("buttonUrl", c.button() == null ? null : c.button().url())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    /** A draft's options, changed from its preview; false once it is no longer a draft. */
    public boolean setOptions(Handle h, long id, BroadcastRow.Options o) {
        return h.createUpdate("UPDATE broadcasts SET pin = :pin, paid = :paid WHERE id = :id "
                        + "AND state IN ('DRAFT', 'SCHEDULED')")
                .bind("pin", o.pinned() ? 1 : 0)
                .bind("paid", o.paid() ? 1 : 0)
                .bind("id", id)
                .execute() == 1;
    }

    /** Schedules a draft, or moves a scheduled one; false once it is no longer a draft. */
    public boolean schedule(Handle h, long id, BroadcastRow.Schedule at, Instant now) {
        // never from AWAITING_APPROVAL: only an approval schedules a waiting campaign
        boolean moved = TABLE.move(h, id, DRAFTS, CampaignState.SCHEDULED, now);
        if (moved) {
            h.createUpdate("UPDATE broadcasts SET scheduled_at = :at, schedule_zone = :zone WHERE id = :id")
                    .bind("at", at.at().toEpochMilli())
                    .bind("zone", at.zone())
                    .bind("id", id)
                    .execute();
        }
        return moved;
    }

    /** A scheduled draft back to Send only; false once it is no longer scheduled. */
    public boolean unschedule(Handle h, long id, Instant now) {
        boolean moved = TABLE.move(h, id, EnumSet.of(CampaignState.SCHEDULED), CampaignState.DRAFT, now);
        if (moved) {
            h.createUpdate("UPDATE broadcasts SET scheduled_at = NULL, schedule_zone = NULL WHERE id = :id")
                    .bind("id", id)
                    .execute();
        }
        return moved;
    }

    /** Scheduled drafts due at {@code now}, the longest overdue first. */
    public List<BroadcastRow> dueScheduled(Handle h, Instant now) {
        return h.createQuery("SELECT " + COLUMNS + " FROM broadcasts WHERE state = 'SCHEDULED' "
                        + "AND scheduled_at <= :now ORDER BY scheduled_at, id")
                .bind("now", now.toEpochMilli())
                .map(BroadcastsRepo::map)
                .list();
    }

    /** Every scheduled draft, soonest first. */
    public List<BroadcastRow> scheduled(Handle h) {
        return h.createQuery("SELECT " + COLUMNS + " FROM broadcasts WHERE state = 'SCHEDULED' "
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

    /**
     * The broadcast one of whose messages is message {@code messageId} of chat {@code chatId}: its preview (the
     * message as readers see it), its control message, or its progress message and report.
     */
    public Optional<BroadcastRow> findByMessage(Handle h, long chatId, int messageId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM broadcasts WHERE (editor_chat_id = :chat AND "
                        + "(preview_message_id = :msg OR control_message_id = :msg)) "
                        + "OR (progress_chat_id = :chat AND progress_message_id = :msg) ORDER BY id DESC LIMIT 1")
                .bind("chat", chatId)
                .bind("msg", messageId)
                .map(BroadcastsRepo::map)
                .findOne();
    }

    /**
     * A press on Send: draft (or scheduled draft) → RUNNING, for exactly one caller however many press.
     *
     * @param total the audience now
     */
    public boolean start(Handle h, long id, int total, Instant now) {
        boolean won = TABLE.move(h, id, DRAFTS, CampaignState.RUNNING, now);
        if (won) {
            setTotal(h, id, total);
        }
        return won;
    }

    /** An approved broadcast with no time: AWAITING_APPROVAL → RUNNING, for exactly one approver. */
    public boolean startApproved(Handle h, long id, int total, Instant now) {
        boolean won = TABLE.move(h, id, EnumSet.of(CampaignState.AWAITING_APPROVAL), CampaignState.RUNNING, now);
        if (won) {
            setTotal(h, id, total);
        }
        return won;
    }

    /** Rejected: a draft again, without its time (the author schedules it anew). */
    public boolean reject(Handle h, long id, Instant now) {
        boolean won = TABLE.move(h, id, EnumSet.of(CampaignState.AWAITING_APPROVAL), CampaignState.DRAFT, now);
        if (won) {
            h.createUpdate("UPDATE broadcasts SET scheduled_at = NULL, schedule_zone = NULL, approval_overdue_told = 0 "
                            + "WHERE id = :id")
                    .bind("id", id)
                    .execute();
        }
        return won;
    }

    /**
     * Broadcasts still waiting for approval whose time has come and whose author was not yet told so; each is
     * marked told here, in the caller's transaction, so the author hears it once.
     */
    public List<BroadcastRow> takeOverdueUnapproved(Handle h, Instant now) {
        List<BroadcastRow> due = h.createQuery("SELECT " + COLUMNS + " FROM broadcasts WHERE state = :awaiting "
                        + "AND scheduled_at <= :now AND approval_overdue_told = 0 ORDER BY id")
                .bind("awaiting", CampaignState.AWAITING_APPROVAL.name())
                .bind("now", now.toEpochMilli())
                .map(BroadcastsRepo::map)
                .list();
        for (BroadcastRow b : due) {
            h.createUpdate("UPDATE broadcasts SET approval_overdue_told = 1 WHERE id = :id").bind("id", b.id())
                    .execute();
        }
        return due;
    }

    /**
     * The monitor's start of a scheduled draft it read as due at {@code scheduledAt}: only if it is still scheduled
     * for that very time, checked in the same statement, so an editor who unscheduled or moved it after the
     * monitor's read wins.
     */
    public boolean startScheduled(Handle h, long id, Instant scheduledAt, int total, Instant now) {
        return h.createUpdate("UPDATE broadcasts SET state = :running, started_at = :now, total = :total "
                        + "WHERE id = :id AND state = :scheduled AND scheduled_at = :at")
                .bind("running", CampaignState.RUNNING.name())
                .bind("scheduled", CampaignState.SCHEDULED.name())
                .bind("now", now.toEpochMilli())
                .bind("total", total)
                .bind("at", scheduledAt.toEpochMilli())
                .bind("id", id)
                .execute() == 1;
    }

    /** The readers it counts: the audience, then exactly what was enqueued. */
    public void setTotal(Handle h, long id, int total) {
        h.createUpdate("UPDATE broadcasts SET total = :total WHERE id = :id")
                .bind("total", total)
                .bind("id", id)
                .execute();
    }

    public List<BroadcastRow> recent(Handle h, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM broadcasts ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .map(BroadcastsRepo::map)
                .list();
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
        String type = rs.getString("content");
        String buttonText = rs.getString("button_text");
        BroadcastContent.LinkButton button = buttonText == null ? null
                : new BroadcastContent.LinkButton(buttonText, rs.getString("button_url"));
        BroadcastContent content = BroadcastContent.TEXT.equals(type)
                ? new BroadcastContent.Text(rs.getString("text"), button)
                : new BroadcastContent.Copy(type, rs.getString("text"), rs.getLong("source_chat_id"),
                        rs.getString("source_message_ids"), button);
        Instant at = Rows.nullableInstant(rs, "scheduled_at");
        return new BroadcastRow(Campaign.map(rs, CampaignKind.BROADCAST), content, rs.getString("audience"),
                rs.getInt("total"),
                new BroadcastRow.Options(rs.getInt("pin") == 1 ? BroadcastRow.Pin.PIN : BroadcastRow.Pin.NONE,
                        rs.getInt("paid") == 1 ? BroadcastRow.Lane.PAID : BroadcastRow.Lane.FREE),
                at == null ? null : new BroadcastRow.Schedule(at, rs.getString("schedule_zone")));
    }
}
