package newsbot.admin.corrections;

import java.time.Clock;
import java.time.Instant;
import newsbot.admin.AdminTexts;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.Outbox;
import newsbot.delivery.Replier;
import newsbot.store.BroadcastOutbox;
import newsbot.store.BroadcastsRepo;
import newsbot.store.CorrectionRow;
import newsbot.store.CorrectionsRepo;
import newsbot.store.Database;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What each correction button does; each returns the key of the text that answers the press. */
final class CorrectionActions {

    private static final Logger LOG = LoggerFactory.getLogger(CorrectionActions.class);
    /** Where a paused correction's rows wait, as a paused broadcast's do. */
    static final Instant HELD_UNTIL = Instant.parse("2200-01-01T00:00:00Z");
    static final String RETRACTED = "retracted by the editors";
    static final String CANCELLED = "correction cancelled by the editors";

    private final Database db;
    private final CorrectionsRepo repo;
    private final BroadcastsRepo broadcasts;
    private final BroadcastOutbox held;
    private final Outbox outbox;
    private final Replier out;
    private final Clock clock;
    private final CorrectionEnqueuer enqueuer;
    private final CorrectionBoard board;
    private final CorrectionView view;
    private final AdminTexts texts;

    CorrectionActions(Database db, CorrectionsRepo repo, BroadcastsRepo broadcasts, BroadcastOutbox held,
                      Outbox outbox, Replier out, Clock clock, CorrectionEnqueuer enqueuer, CorrectionBoard board,
                      CorrectionView view, AdminTexts texts) {
        this.db = db;
        this.repo = repo;
        this.broadcasts = broadcasts;
        this.held = held;
        this.outbox = outbox;
        this.out = out;
        this.clock = clock;
        this.enqueuer = enqueuer;
        this.board = board;
        this.view = view;
        this.texts = texts;
    }

    /**
     * Confirm: DRAFT → RUNNING for one press, and in the same transaction the target's queued copies are corrected
     * (or, for a retraction, cancelled with the broadcast itself), so nobody gets the old text from here on. Copies
     * on the wire at this moment are found by the monitor's sweep once recorded.
     */
    String confirm(CorrectionRow draft, long userId, long chatId, int messageId) {
        Instant now = clock.instant();
        int queued = db.inTransaction(h -> {
            long fence = repo.lastTargetRow(h, draft.targetKind(), draft.targetRef());
            if (!repo.start(h, draft.id(), fence, now)) {
                return -1;
            }
            int n;
            boolean broadcast = DeliveryKind.BROADCAST.name().equals(draft.targetKind());
            if (draft.isRetraction()) {
                n = outbox.cancel(h, DeliveryKind.valueOf(draft.targetKind()), draft.targetRef(), RETRACTED);
                if (broadcast) {
                    broadcasts.cancel(h, draft.targetRef(), now); // its next batches must not go out either
                }
            } else {
                n = repo.replaceQueued(h, draft.targetKind(), draft.targetRef(), draft.text());
                if (broadcast && draft.isText()) {
                    broadcasts.replaceText(h, draft.targetRef(), draft.text()); // batches not yet enqueued
                }
            }
            repo.setQueued(h, draft.id(), n);
            return n;
        });
        if (queued < 0) {
            boolean busy = db.withHandle(h -> repo.find(h, draft.id())).map(c -> "DRAFT".equals(c.state()))
                    .orElse(false);
            LOG.info("editor {} pressed Confirm on {} {}: {}", userId, draft.action(), draft.id(),
                    busy ? "another correction of the same message is running" : "already " + draft.state());
            return busy ? "admin.correction.toast.busy" : "admin.correction.toast.already";
        }
        // the dispatcher holds some due rows in memory: it must read their new text (or their cancellation) now
        outbox.wake();
        LOG.info("editor {} started {} {} of {} {}: {} queued copies {}", userId, draft.action(), draft.id(),
                draft.targetKind(), draft.targetRef(), queued, draft.isRetraction() ? "cancelled" : "corrected");
        int progressMessage = messageId;
        boolean onPreview = chatId == draft.editorChatId() && draft.previewMessageId() != null
                && draft.previewMessageId() == messageId;
        if (!onPreview) {
            // a press on a forwarded copy: that message is not ours to edit, so progress gets a message of its own
            SendOutcome sent = out.send(OutgoingMessage.html(chatId,
                    texts.get(draft.language(), "admin.correction.starting", view.name(draft.language(), draft))));
            progressMessage = sent instanceof SendOutcome.Delivered d ? (int) d.sent().firstMessageId().orElse(0) : 0;
        }
        if (progressMessage != 0) {
            int shownIn = progressMessage;
            db.useTransaction(h -> repo.setProgressMessage(h, draft.id(), chatId, shownIn));
        }
        enqueuer.nextBatch(draft.id());
        board.update(draft.id());
        return "admin.correction.toast.started";
    }

    /** Pause: RUNNING → PAUSED, and its pending rows wait until resumed. */
    String pause(CorrectionRow c, long userId) {
        int n = db.inTransaction(h -> repo.transition(h, c.id(), "RUNNING", "PAUSED")
                ? held.holdPending(h, DeliveryKind.CORRECTION.name(), c.id(), HELD_UNTIL) : -1);
        if (n < 0) {
            return "admin.correction.toast.not.now";
        }
        outbox.wake();
        LOG.info("editor {} paused {} {} ({} rows held)", userId, c.action(), c.id(), n);
        board.update(c.id());
        return "admin.correction.toast.paused";
    }

    /** Resume: PAUSED → RUNNING; the held rows are due again, still ahead of queued broadcasts. */
    String resume(CorrectionRow c, long userId) {
        int n = db.inTransaction(h -> repo.transition(h, c.id(), "PAUSED", "RUNNING")
                ? held.releaseHeld(h, DeliveryKind.CORRECTION.name(), c.id(), HELD_UNTIL, CorrectionEnqueuer.FRONT)
                : -1);
        if (n < 0) {
            return "admin.correction.toast.not.now";
        }
        outbox.wake();
        LOG.info("editor {} resumed {} {} ({} rows released)", userId, c.action(), c.id(), n);
        board.update(c.id());
        return "admin.correction.toast.resumed";
    }

    /** Cancel: a draft is dropped; a running or paused correction stops and its pending rows are cancelled. */
    String cancel(CorrectionRow c, long userId) {
        String[] before = new String[1];
        int n = db.inTransaction(h -> {
            before[0] = repo.find(h, c.id()).map(CorrectionRow::state).orElse("");
            return repo.cancel(h, c.id(), clock.instant())
                    ? outbox.cancel(h, DeliveryKind.CORRECTION, c.id(), CANCELLED) : -1;
        });
        if (n < 0) {
            return "admin.correction.toast.not.now";
        }
        LOG.info("editor {} cancelled {} {} ({} pending rows cancelled)", userId, c.action(), c.id(), n);
        if ("DRAFT".equals(before[0])) {
            if (c.previewMessageId() != null) {
                out.edit(c.editorChatId(), c.previewMessageId(), texts.get(c.language(),
                        "admin.correction.draft.cancelled", view.name(c.language(), c)), null);
            }
            db.useTransaction(h -> repo.markReported(h, c.id()));
        } else {
            board.update(c.id());
        }
        return "admin.correction.toast.cancelled";
    }
}
