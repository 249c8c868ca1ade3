package newsbot.delivery;

import java.time.Instant;
import java.util.List;
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
    static final Instant HELD_UNTIL = Instant.parse("2200-01-01T00:00:00Z");
    static final String PIN = "PIN";

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

    // Every statement lives in OutboxTable, the one repository of the outbox; these are the campaigns' calls.

    public SendCounts sendCounts(Handle h, long broadcastId) {
        return table.sendCounts(h, broadcastId);
    }

    public EditCounts editCounts(Handle h, long correctionId) {
        return table.editCounts(h, correctionId);
    }

    public int unanswered(Handle h, CampaignKind kind, long id) {
        return table.unanswered(h, kind, id);
    }

    public PinCounts pins(Handle h, long broadcastId) {
        return table.pins(h, broadcastId);
    }

    public boolean sourceGone(Handle h, long broadcastId) {
        return table.sourceGone(h, broadcastId);
    }

    public int paidSent(Handle h, long broadcastId) {
        return table.paidSent(h, broadcastId);
    }

    public int hold(Handle h, CampaignKind kind, long id) {
        return table.hold(h, kind, id);
    }

    public int release(Handle h, CampaignKind kind, long id, Instant dueAt) {
        return table.release(h, kind, id, dueAt);
    }

    public long lastTargetRow(Handle h, CorrectionRow.TargetKind kind, long ref) {
        return table.lastTargetRow(h, kind, ref);
    }

    public TargetCounts targetCounts(Handle h, CorrectionRow.TargetKind kind, long ref, Instant earlyBefore) {
        return table.targetCounts(h, kind, ref, earlyBefore);
    }

    public int targetUnanswered(Handle h, CorrectionRow.TargetKind kind, long ref, long fence) {
        return table.targetUnanswered(h, kind, ref, fence);
    }

    public int replaceQueued(Handle h, CorrectionRow.TargetKind kind, long ref, String html) {
        return table.replaceQueued(h, kind, ref, html);
    }

    public List<SentCopy> copiesWithoutRows(Handle h, CorrectionRow c, long afterId, String defaultLanguage, int limit) {
        return table.copiesWithoutRows(h, c, afterId, defaultLanguage, limit);
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
    static String rowKind(CampaignKind kind) {
        return kind == CampaignKind.BROADCAST ? "BROADCAST" : "CORRECTION";
    }
}
