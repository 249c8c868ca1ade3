package newsbot.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.Manner;
import newsbot.delivery.NewRow;
import newsbot.delivery.Request;
import newsbot.delivery.Outbox;
import newsbot.store.Campaign;
import newsbot.delivery.CampaignOutbox;
import newsbot.store.CampaignTable;
import newsbot.store.CorrectionRow;
import newsbot.store.CorrectionsRepo;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Corrections and retractions as a campaign type: the delivered copies of a broadcast or breaking alert, in row
 * order, each given its CORRECTION rows (an edit, or deletes and a notice); once all have them, a sweep each tick
 * finds copies that were on the wire with the old text when it started and were recorded as sent only afterwards.
 */
final class CorrectionCampaign implements CampaignType {

    private static final Logger LOG = LoggerFactory.getLogger(CorrectionCampaign.class);
    /**
     * Telegram lets a bot delete its messages for 48 hours; a copy sent more than 47 hours ago is edited to the
     * withdrawn note from the start (the hour covers the time the delete waits in the queue). If Telegram still
     * refuses a delete, the sender turns that row into the same edit.
     */
    static final Duration DELETABLE_FOR = Duration.ofHours(47);
    /**
     * Rows go ahead of every queued broadcast row (the dispatcher sends a priority's rows by not_before): a
     * correction is about what readers already have.
     */
    static final Instant FRONT = Instant.EPOCH;
    /**
     * A retraction cancels the target's queued rows, so a copy already on the wire leaves no pending row to wait
     * for: it is recorded within the client's timeouts (10 s to connect, 30 s to answer), and a minute covers them.
     */
    static final Duration IN_FLIGHT_GRACE = Duration.ofMinutes(1);
    static final String CANCELLED = "correction cancelled by the editors";

    private final CorrectionsRepo repo;
    private final CampaignOutbox rows;
    private final Outbox outbox;
    private final ProgressView view;
    private final AdminTexts texts;
    private final Clock clock;
    private final String defaultLanguage;

    CorrectionCampaign(CorrectionsRepo repo, CampaignOutbox rows, Outbox outbox, ProgressView view, AdminTexts texts,
                       Clock clock, String defaultLanguage) {
        this.repo = repo;
        this.rows = rows;
        this.outbox = outbox;
        this.view = view;
        this.texts = texts;
        this.clock = clock;
        this.defaultLanguage = defaultLanguage;
    }

    @Override
    public CampaignTable table() {
        return repo.table();
    }

    @Override
    public DeliveryKind rowKind() {
        return DeliveryKind.CORRECTION;
    }

    @Override
    public Campaign.Cursor enqueueBatch(Handle h, Campaign c, int batchSize) {
        CorrectionRow row = repo.find(h, c.id()).orElseThrow();
        long after = c.cursor().upto() == null ? 0 : c.cursor().upto();
        List<CampaignOutbox.SentCopy> copies = rows.copiesWithoutRows(h, row, after, defaultLanguage, batchSize);
        outbox.enqueueRows(h, rowsFor(row, copies));
        return new Campaign.Cursor(copies.isEmpty() ? null : copies.get(copies.size() - 1).deliveryId(),
                copies.size() < batchSize);
    }

    @Override
    public void sweep(Handle h, Campaign c, int batchSize) {
        CorrectionRow row = repo.find(h, c.id()).orElseThrow();
        outbox.enqueueRows(h, rowsFor(row, rows.copiesWithoutRows(h, row, 0, defaultLanguage, batchSize)));
    }

    /**
     * Done once its own rows are answered, no copy of the target up to the fence still waits for its answer (it may
     * be on the wire with the old text), and every delivered copy has its rows.
     */
    @Override
    public boolean settled(Handle h, Campaign c) {
        CorrectionRow row = repo.find(h, c.id()).orElseThrow();
        if (row.isRetraction() && row.queued() > 0 && c.times().started() != null
                && clock.instant().isBefore(c.times().started().plus(IN_FLIGHT_GRACE))) {
            return false;
        }
        long fence = row.fence() == null ? Long.MAX_VALUE : row.fence();
        // the language only fills in the copies' notes, of no matter for "is any copy left"
        return rows.unanswered(h, c.kind(), c.id()) == 0
                && rows.targetUnanswered(h, row.target().kind(), row.target().ref(), fence) == 0
                && rows.copiesWithoutRows(h, row, 0, row.language(), 1).isEmpty();
    }

    @Override
    public void finished(Handle h, Campaign c, Instant now) {
        CorrectionRow row = repo.find(h, c.id()).orElseThrow();
        CampaignOutbox.EditCounts n = rows.editCounts(h, c.id());
        LOG.info("{} {} of {} {} by editor {} done: {} edited, {} deleted, {} refused, {} not sent, of {}; "
                        + "{} queued copies {}", c.kind().stored(), c.id(), row.target().kind(), row.target().ref(),
                c.editor().userId(), n.edited(), n.deleted(), n.refused(), n.cancelled(), n.total(), row.queued(),
                row.isRetraction() ? "cancelled" : "corrected before sending");
    }

    @Override
    public boolean stopsEarly(Campaign c) {
        return false;
    }

    @Override
    public ProgressView.Shown progress(Handle h, Campaign c, Instant now) {
        return view.correction(repo.find(h, c.id()).orElseThrow(), rows.editCounts(h, c.id()), now);
    }

    @Override
    public Instant resumeAt(Instant now) {
        return FRONT; // still ahead of queued broadcasts
    }

    @Override
    public String cancelReason() {
        return CANCELLED;
    }

    @Override
    public String toast(Toast toast) {
        return "admin.correction.toast." + toast.key();
    }

    @Override
    public String starting(Campaign c) {
        return texts.get(c.editor().language(), "admin.correction.starting", view.name(c));
    }

    @Override
    public String draftCancelled(Campaign c) {
        return texts.get(c.editor().language(), "admin.correction.draft.cancelled", view.name(c));
    }

    private List<NewRow> rowsFor(CorrectionRow c, List<CampaignOutbox.SentCopy> copies) {
        Instant now = clock.instant();
        List<NewRow> out = new ArrayList<>(copies.size() * 2);
        DeliveryKind kind = DeliveryKind.CORRECTION;
        Request.EditOf edit = c.target().isText() ? Request.EditOf.TEXT : Request.EditOf.CAPTION;
        Manner quiet = Manner.PLAIN.with(Manner.Sound.SILENT);
        for (CampaignOutbox.SentCopy copy : copies) {
            int part = copy.part() * CampaignOutbox.PARTS_PER_COPY;
            long first = copy.messageIds().get(0);
            if (!c.isRetraction()) {
                // the copy's keyboard goes with the edit: an edit without reply_markup removes the buttons
                Request request = edit == Request.EditOf.TEXT ? new Request.EditText(first, c.body())
                        : new Request.EditCaption(first, c.body());
                out.add(new NewRow(copy.chatId(), kind, c.id(), part, request, quiet.withKeyboard(copy.replyMarkup()),
                        FRONT));
                continue;
            }
            String note = texts.get(copy.language(), "correction.withdrawn");
            boolean poll = c.target().isPoll();
            boolean tooOld = copy.sentAt().isBefore(now.minus(DELETABLE_FOR)) && !poll;
            for (int i = 0; i < copy.messageIds().size(); i++) {
                long message = copy.messageIds().get(i);
                // the note goes on the first message only: deleted, or, once too old to delete, edited to the note
                Request.DeleteOrEdit retract = new Request.DeleteOrEdit(message, edit, note);
                Request request = i > 0 || poll ? new Request.Delete(message) : tooOld ? retract.fallback() : retract;
                out.add(new NewRow(copy.chatId(), kind, c.id(), part + i, request, quiet, FRONT));
            }
            if (c.hasNotice() && copy.part() == 0) {
                out.add(new NewRow(copy.chatId(), kind, c.id(), CampaignOutbox.NOTICE_PART,
                        new Request.SendText(c.body()), Manner.PLAIN, FRONT));
            }
        }
        return out;
    }
}
