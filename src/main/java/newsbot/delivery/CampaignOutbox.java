package newsbot.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import newsbot.store.CampaignKind;
import newsbot.store.CorrectionRow;
import org.jdbi.v3.core.Handle;

/**
 * Every statement campaigns run over the {@code deliveries} outbox besides enqueueing and cancelling (which go
 * through {@code delivery.Outbox}). A campaign's own rows are keyed by (kind, the campaign's id): BROADCAST rows
 * and their PIN rows for a broadcast, CORRECTION rows for a correction or retraction. A correction's target is
 * keyed by (target kind, ref): the copies of a broadcast or of a breaking alert it acts on.
 */
public final class CampaignOutbox {

    private final OutboxTable table = new OutboxTable();

    /**
     * A CORRECTION row's part: the copy's part × 16 + the message's place in an album (at most 10), so the outbox's
     * unique key makes every copy's correction once per correction however often it is enumerated.
     */
    public static final int PARTS_PER_COPY = 16;
    /** The part of a retraction's notice: one per chat, after the deletions. */
    public static final int NOTICE_PART = 1_000_000;
    /**
     * Where a paused campaign's pending rows wait: a not_before the dispatcher never reaches. Far, but not so far
     * that the dispatcher's wait arithmetic in nanoseconds overflows.
     */
    private static final Instant HELD_UNTIL = Instant.parse("2200-01-01T00:00:00Z");
    private static final String PIN = "PIN";

    /**
     * A broadcast's deliveries by outcome.
     *
     * @param enqueued  rows in the outbox for it, whatever their state
     * @param blocked   cancelled because the reader blocked the bot or the chat is gone
     * @param cancelled cancelled for any other reason (the editor cancelled the broadcast)
     */
    public record SendCounts(int enqueued, int sent, int failed, int pending, int blocked, int cancelled) {

        /** Rows that reached an end: sent, failed, blocked or cancelled. */
        public int finished() {
            return enqueued - pending;
        }
    }

    /** How the pins of a broadcast went: pinned, refused (Telegram said no: rights, say), still to do. */
    public record PinCounts(int pinned, int refused, int pending) {
    }

    /**
     * A correction's own rows by outcome, its notices apart.
     *
     * @param edited    copies edited (a retraction's copies too old to delete, edited to the withdrawn note)
     * @param deleted   copies deleted
     * @param refused   copies Telegram refused to edit or delete (too old, changed, deleted by the reader)
     * @param cancelled rows not sent: the reader blocked the bot, or the editor cancelled the correction
     */
    public record EditCounts(int total, int edited, int deleted, int refused, int pending, int cancelled,
                             int notices) {

        /** Rows that reached an end. */
        public int finished() {
            return total - pending;
        }
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

    // --- a campaign's own rows ----------------------------------------------------------------------------------

    /**
     * A broadcast's rows by outcome. "Blocked" relies on the dispatcher's cancel reasons for unreachable chats
     * ({@code blocked: …}, {@code chat gone: …}); everything else cancelled was cancelled by an editor.
     */
    public SendCounts sendCounts(Handle h, long broadcastId) {
        int[] byState = new int[4];
        List<Map.Entry<String, Integer>> rows = h.createQuery("SELECT state, COUNT(*) FROM deliveries "
                        + "WHERE kind = :kind AND ref_id = :id GROUP BY state")
                .bind("kind", rowKind(CampaignKind.BROADCAST))
                .bind("id", broadcastId)
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
                .bind("kind", rowKind(CampaignKind.BROADCAST))
                .bind("id", broadcastId)
                .mapTo(Integer.class)
                .one();
        int enqueued = byState[0] + byState[1] + byState[2] + byState[3];
        return new SendCounts(enqueued, byState[0], byState[1], byState[2], blocked, byState[3] - blocked);
    }

    /** A correction's or retraction's rows by outcome; a retraction's notices are counted apart. */
    public EditCounts editCounts(Handle h, long correctionId) {
        int[] n = new int[7];
        h.createQuery("SELECT state, action, part >= :notice, COUNT(*) FROM deliveries WHERE kind = :kind "
                        + "AND ref_id = :id GROUP BY state, action, part >= :notice")
                .bind("notice", NOTICE_PART)
                .bind("kind", rowKind(CampaignKind.CORRECTION))
                .bind("id", correctionId)
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
                        // a delete (or a delete that stayed one) deleted; an edit, or a delete turned edit, edited
                        case "SENT" -> n[String.valueOf(row[1]).startsWith("delete") ? 2 : 1] += count;
                        case "FAILED" -> n[3] += count;
                        case "PENDING" -> n[4] += count;
                        default -> n[5] += count;
                    }
                });
        return new EditCounts(n[0], n[1], n[2], n[3], n[4], n[5], n[6]);
    }

    /**
     * The campaign's rows whose answer is not recorded yet (pending, on the wire included), with a broadcast's pins:
     * a campaign is done only once this is 0.
     */
    public int unanswered(Handle h, CampaignKind kind, long id) {
        return h.createQuery("SELECT COUNT(*) FROM deliveries WHERE ((kind = :kind AND ref_id = :id) "
                        + "OR (kind = :pin AND ref_id = :id AND :broadcast = 1)) AND state = 'PENDING'")
                .bind("kind", rowKind(kind))
                .bind("pin", PIN)
                .bind("broadcast", kind == CampaignKind.BROADCAST ? 1 : 0)
                .bind("id", id)
                .mapTo(Integer.class)
                .one();
    }

    public PinCounts pins(Handle h, long broadcastId) {
        int[] n = new int[3];
        h.createQuery("SELECT state, COUNT(*) FROM deliveries WHERE kind = :pin AND ref_id = :id GROUP BY state")
                .bind("pin", PIN)
                .bind("id", broadcastId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .forEach(e -> n["SENT".equals(e.getKey()) ? 0 : "PENDING".equals(e.getKey()) ? 2 : 1] += e.getValue());
        return new PinCounts(n[0], n[1], n[2]);
    }

    /**
     * Whether Telegram said the message a copy broadcast copies is gone (the editor deleted it): every further copy
     * would fail the same way.
     */
    public boolean sourceGone(Handle h, long broadcastId) {
        return h.createQuery("SELECT COUNT(*) FROM deliveries WHERE kind = :kind AND ref_id = :id AND state = 'FAILED' "
                        + "AND last_error LIKE :gone")
                .bind("gone", OutcomeHandler.SOURCE_GONE + "%")
                .bind("kind", rowKind(CampaignKind.BROADCAST))
                .bind("id", broadcastId)
                .mapTo(Integer.class)
                .one() > 0;
    }

    /** Copies of the broadcast that went out as paid messages. */
    public int paidSent(Handle h, long broadcastId) {
        return h.createQuery("SELECT COUNT(*) FROM deliveries WHERE kind = :kind AND ref_id = :id AND sent_paid = 1")
                .bind("kind", rowKind(CampaignKind.BROADCAST))
                .bind("id", broadcastId)
                .mapTo(Integer.class)
                .one();
    }

    /** Pause: the campaign's pending rows wait until a time the dispatcher never reaches. Returns how many. */
    public int hold(Handle h, CampaignKind kind, long id) {
        return h.createUpdate("UPDATE deliveries SET not_before = :held "
                        + "WHERE kind = :kind AND ref_id = :id AND state = 'PENDING'")
                .bind("held", HELD_UNTIL.toEpochMilli())
                .bind("kind", rowKind(kind))
                .bind("id", id)
                .execute();
    }

    /**
     * Resume: rows held by {@link #hold} are due at {@code dueAt}, which may lie in the past to keep the rows' place
     * in line. Returns how many.
     */
    public int release(Handle h, CampaignKind kind, long id, Instant dueAt) {
        return h.createUpdate("UPDATE deliveries SET not_before = :due "
                        + "WHERE kind = :kind AND ref_id = :id AND state = 'PENDING' AND not_before >= :held")
                .bind("due", dueAt.toEpochMilli())
                .bind("held", HELD_UNTIL.toEpochMilli())
                .bind("kind", rowKind(kind))
                .bind("id", id)
                .execute();
    }

    // --- a correction's target: the copies of a broadcast or breaking alert ---------------------------------------

    /** The target's last outbox row id (0 for none): rows written after it carry what the correction changed. */
    public long lastTargetRow(Handle h, CorrectionRow.TargetKind kind, long ref) {
        Long max = h.createQuery("SELECT MAX(id) FROM deliveries WHERE kind IN (<kinds>) AND ref_id = :ref")
                .bindList("kinds", kinds(kind))
                .bind("ref", ref)
                .mapTo(Long.class)
                .one();
        return max == null ? 0 : max;
    }

    public TargetCounts targetCounts(Handle h, CorrectionRow.TargetKind kind, long ref, Instant earlyBefore) {
        return h.createQuery("SELECT "
                        + "COALESCE(SUM(CASE WHEN state = 'SENT' AND telegram_message_id IS NOT NULL THEN 1 ELSE 0 END), 0), "
                        + "COALESCE(SUM(CASE WHEN state = 'PENDING' THEN 1 ELSE 0 END), 0), "
                        + "COALESCE(SUM(CASE WHEN state = 'SENT' AND telegram_message_id IS NOT NULL "
                        + "AND sent_at < :early THEN 1 ELSE 0 END), 0) "
                        + "FROM deliveries WHERE kind IN (<kinds>) AND ref_id = :ref AND part = 0")
                .bind("early", earlyBefore.toEpochMilli())
                .bindList("kinds", kinds(kind))
                .bind("ref", ref)
                .map((rs, ctx) -> new TargetCounts(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
                .one();
    }

    /**
     * The target's rows up to row {@code fence} whose answer is not recorded yet: a copy on the wire with the old
     * text when the correction started is recorded only once its answer is, and only then can it be corrected.
     */
    public int targetUnanswered(Handle h, CorrectionRow.TargetKind kind, long ref, long fence) {
        return h.createQuery("SELECT COUNT(*) FROM deliveries WHERE kind IN (<kinds>) AND ref_id = :ref AND id <= :fence "
                        + "AND state = 'PENDING'")
                .bindList("kinds", kinds(kind))
                .bind("ref", ref)
                .bind("fence", fence)
                .mapTo(Integer.class)
                .one();
    }

    /**
     * Queued copies get the corrected text before they are sent (part 0: a correction replaces a message of one
     * part). Returns how many.
     */
    public int replaceQueued(Handle h, CorrectionRow.TargetKind kind, long ref, String html) {
        return h.createUpdate("UPDATE deliveries SET text = :text WHERE kind IN (<kinds>) AND ref_id = :ref AND part = 0 "
                        + "AND state = 'PENDING'")
                .bind("text", html)
                .bindList("kinds", kinds(kind))
                .bind("ref", ref)
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
                        + "WHERE d.kind IN (<kinds>) AND d.ref_id = :ref AND d.state = 'SENT' "
                        + "AND d.telegram_message_id IS NOT NULL AND d.id > :after" + which
                        + " AND NOT EXISTS (SELECT 1 FROM deliveries x WHERE x.chat_id = d.chat_id "
                        + "AND x.kind = :own AND x.ref_id = :cid AND x.part = d.part * :perCopy) "
                        + "ORDER BY d.id LIMIT :limit")
                .bind("lang", defaultLanguage)
                .bindList("kinds", kinds(c.target().kind()))
                .bind("ref", c.target().ref())
                .bind("after", afterId)
                .bind("own", rowKind(c.campaign().kind()))
                .bind("cid", c.id())
                .bind("perCopy", PARTS_PER_COPY)
                .bind("limit", limit);
        if (!c.isRetraction()) {
            query.bind("fence", c.fence() == null ? Long.MAX_VALUE : c.fence()).bind("text", c.body());
        }
        List<SentCopy> copies = query.map((rs, ctx) -> new SentCopy(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                        "copy_album".equals(rs.getString(5)) ? List.of() : List.of(rs.getLong(4)), rs.getString(6),
                        Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8)))
                .list();
        // an album's copies are rows of their own table: read them for the few album rows only
        return copies.stream()
                .map(c2 -> c2.messageIds().isEmpty() ? new SentCopy(c2.deliveryId(), c2.chatId(), c2.part(),
                        table.albumSent(h, c2.deliveryId()), c2.replyMarkup(), c2.sentAt(), c2.language()) : c2)
                .toList();
    }

    /**
     * The outbox kinds a correction's target went out as: a breaking story reached readers as breaking alerts and
     * as followed-topic alerts (the same article, once per reader), and both are corrected or withdrawn.
     */
    static List<String> kinds(CorrectionRow.TargetKind target) {
        return target == CorrectionRow.TargetKind.BREAKING
                ? List.of(DeliveryKind.BREAKING.name(), DeliveryKind.TOPIC.name()) : List.of(target.name());
    }

    /** The outbox kind of a campaign's own rows: a correction's and a retraction's are both CORRECTION rows. */
    private static String rowKind(CampaignKind kind) {
        return kind == CampaignKind.BROADCAST ? "BROADCAST" : "CORRECTION";
    }
}
