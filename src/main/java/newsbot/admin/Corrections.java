package newsbot.admin;

import org.jdbi.v3.core.Handle;
import newsbot.telegram.OutgoingMessage;
import newsbot.delivery.Replier;
import java.util.EnumSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import newsbot.chat.CommandHandler;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.Outbox;
import newsbot.store.AuditAction;
import newsbot.store.AuditTrail;
import newsbot.store.BroadcastsRepo;
import newsbot.store.CampaignKind;
import newsbot.delivery.CampaignOutbox;
import newsbot.store.Campaign;
import newsbot.store.CampaignState;
import newsbot.store.CorrectionRow;
import newsbot.store.CorrectionsRepo;
import newsbot.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Corrections and retractions, one kind of campaign: an editor fixes ({@code /correct}) or withdraws
 * ({@code /retract}) a sent broadcast or breaking alert in every reader's chat, with a preview, a count, progress and
 * a report. Confirm is theirs; drafts, pause, resume, cancel, the monitor and the board are the engine's.
 */
final class Corrections {

    private static final Logger LOG = LoggerFactory.getLogger(Corrections.class);
    static final String RETRACTED = "retracted by the editors";

    private final Database db;
    private final CorrectionsRepo repo;
    private final BroadcastsRepo broadcasts;
    private final CampaignOutbox rows;
    private final Outbox outbox;
    private final AdminTexts texts;
    private final Clock clock;
    private final CorrectionCampaign type;
    private final CampaignControls controls;
    private final CorrectionDrafts drafts;
    private final Target.Finder targets;
    private final Approvals approvals;
    private final ProgressView view;
    private final CampaignButtons buttons;
    private final Replier out;

    Corrections(Database db, CorrectionsRepo repo, BroadcastsRepo broadcasts, CampaignOutbox rows,
                Outbox outbox, AdminTexts texts, Clock clock, CorrectionCampaign type, CampaignControls controls,
                CorrectionDrafts drafts, Target.Finder targets, Approvals approvals, ProgressView view,
                CampaignButtons buttons, Replier out) {
        this.db = db;
        this.repo = repo;
        this.broadcasts = broadcasts;
        this.rows = rows;
        this.outbox = outbox;
        this.texts = texts;
        this.clock = clock;
        this.type = type;
        this.controls = controls;
        this.drafts = drafts;
        this.targets = targets;
        this.approvals = approvals;
        this.view = view;
        this.buttons = buttons;
        this.out = out;
    }

    /** {@code /correct} and {@code /retract}, for the editors' commands. */
    Map<String, CommandHandler> commands() {
        return Map.of("correct", new CorrectCommand(drafts, targets, CampaignKind.CORRECTION),
                "retract", new CorrectCommand(drafts, targets, CampaignKind.RETRACTION));
    }

    /** A press on a correction's button, by an editor. Returns the toast, or {@code null} for none. */
    String press(Optional<CampaignButtons.Press> press, long userId, long chatId, int messageId, String language) {
        Optional<CorrectionRow> row = press.flatMap(p -> db.withHandle(h -> repo.find(h, p.id())));
        if (row.isEmpty()) {
            return texts.get(language, type.toast(CampaignType.Toast.STALE));
        }
        CorrectionRow c = row.get();
        String key = switch (press.get().action()) {
            case CONFIRM -> confirm(c, userId, chatId, messageId);
            case APPROVE -> approve(c, userId, new Campaign.ChatMessage(chatId, messageId));
            case REJECT -> reject(c.id(), userId, new Campaign.ChatMessage(chatId, messageId), "");
            case PAUSE -> controls.pause(type, c.campaign(), userId);
            case RESUME -> controls.resume(type, c.campaign(), userId);
            default -> controls.cancel(type, c.campaign(), userId);
        };
        return texts.get(language, key, c.id());
    }

    /**
     * Reject of a waiting retraction (its button, or {@code /reject} in reply to its card): a draft again, its
     * Confirm back for its author, who is told why.
     */
    String reject(long id, long userId, Campaign.ChatMessage card, String reason) {
        Optional<CorrectionRow> row = db.withHandle(h -> repo.find(h, id));
        if (row.isEmpty()) {
            return type.toast(CampaignType.Toast.STALE);
        }
        Campaign c = row.get().campaign();
        Optional<String> refused = approvals.refusal(c, userId);
        if (refused.isPresent()) {
            return refused.get();
        }
        boolean won = db.inTransaction(h -> {
            boolean moved = repo.table().move(h, id, EnumSet.of(CampaignState.AWAITING_APPROVAL),
                    CampaignState.DRAFT, clock.instant());
            if (moved) {
                approvals.record(h, Approvals.Decision.REJECTED, userId, c, 0,
                        reason.isBlank() ? "back to draft" : reason);
            }
            return moved;
        });
        if (!won) {
            return "admin.toast.not.now";
        }
        String key = approvals.decided(Approvals.Decision.REJECTED, c, userId, card, reason);
        if (c.messages().control() != null) {
            out.editLater(c.editor().chatId(), c.messages().control(),
                    texts.get(c.editor().language(), "admin.approval.rejected.control", id),
                    buttons.confirm(c, c.editor().language()));
        }
        return key;
    }

    /** Approve of a waiting retraction, by an admin other than its author: it starts as Confirm would have. */
    private String approve(CorrectionRow draft, long userId, Campaign.ChatMessage card) {
        Campaign c = draft.campaign();
        Optional<String> refused = approvals.refusal(c, userId);
        if (refused.isPresent()) {
            return refused.get();
        }
        int queued = db.inTransaction(h -> {
            int n = startIn(h, draft, userId, CampaignState.AWAITING_APPROVAL);
            if (n >= 0) {
                approvals.record(h, Approvals.Decision.APPROVED, userId, c, 0, n + " queued copies cancelled");
            }
            return n;
        });
        if (queued < 0) {
            return "admin.toast.not.now";
        }
        outbox.wake();
        String key = approvals.decided(Approvals.Decision.APPROVED, c, userId, card, "");
        Integer control = c.messages().control();
        controls.begin(type, c, c.editor().userId(), c.editor().chatId(), control == null ? 0 : control);
        return key;
    }

    /** An editor's retraction of more copies than editorial.approval-above waits; true when it now does. */
    private boolean heldForApproval(CorrectionRow draft, long userId) {
        if (!draft.isRetraction()) {
            return false; // a correction fixes what readers have; it needs no second pair of eyes
        }
        CorrectionRow.Target t = draft.target();
        int readers = db.withHandle(h -> rows.targetCounts(h, t.kind(), t.ref(),
                clock.instant().minus(CorrectionCampaign.DELETABLE_FOR)).sent());
        if (!approvals.needed(userId, readers)) {
            return false;
        }
        boolean held = db.inTransaction(h -> {
            boolean moved = approvals.hold(h, draft.campaign());
            if (moved) {
                new AuditTrail().record(h, clock.instant(), userId, AuditAction.RETRACTION,
                        t.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + t.ref(), readers,
                        draft.campaign().kind().stored() + " #" + draft.id() + ", awaiting approval");
            }
            return moved;
        });
        if (held) {
            String lang = draft.language();
            String card = texts.get(lang, "admin.approval.card", texts.get(lang, "admin.approval.kind.retraction"),
                    draft.id(), draft.campaign().editor().userId(), readers, view.target(lang, t), "", "");
            String notice = draft.body() == null ? "" : draft.body();
            approvals.ask(draft.campaign(), card, admin -> notice.isEmpty() ? Optional.empty()
                    : Optional.of(OutgoingMessage.html(admin, notice)));
        }
        return held;
    }

    /**
     * Confirm: DRAFT → RUNNING for one press, and in the same transaction the target's queued copies are corrected
     * (or, for a retraction, cancelled with the broadcast itself), so nobody gets the old text from here on. Copies
     * on the wire at this moment are found by the monitor's sweep once recorded.
     */
    private String confirm(CorrectionRow draft, long userId, long chatId, int messageId) {
        CorrectionRow.Target t = draft.target();
        if (draft.state() == CampaignState.DRAFT && heldForApproval(draft, userId)) {
            return "admin.toast.awaiting";
        }
        int queued = db.inTransaction(h -> startIn(h, draft, userId, CampaignState.DRAFT));
        if (queued < 0) {
            boolean busy = db.withHandle(h -> repo.find(h, draft.id()))
                    .map(c -> c.state() == CampaignState.DRAFT).orElse(false);
            LOG.info("editor {} pressed Confirm on {} {}: {}", userId, draft.campaign().kind().stored(), draft.id(),
                    busy ? "another correction of the same message is running" : "already " + draft.state());
            return busy ? "admin.correction.toast.busy" : type.toast(CampaignType.Toast.ALREADY);
        }
        // the dispatcher holds some due rows in memory: it must read their new text (or their cancellation) now
        outbox.wake();
        LOG.info("editor {} started {} {} of {} {}: {} queued copies {}", userId, draft.campaign().kind().stored(),
                draft.id(), t.kind(), t.ref(), queued, draft.isRetraction() ? "cancelled" : "corrected");
        controls.begin(type, draft.campaign(), userId, chatId, messageId);
        return type.toast(CampaignType.Toast.STARTED);
    }

    /**
     * In the caller's transaction: {@code from} → RUNNING, and the target's queued copies corrected (or, for a
     * retraction, cancelled with the broadcast itself). Returns how many, or -1 when it did not start.
     */
    private int startIn(Handle h, CorrectionRow draft, long userId, CampaignState from) {
        Instant now = clock.instant();
        CorrectionRow.Target t = draft.target();
        boolean broadcast = t.kind() == CorrectionRow.TargetKind.BROADCAST;
        long fence = rows.lastTargetRow(h, t.kind(), t.ref());
        if (!repo.start(h, draft.id(), fence, now, from)) {
            return -1;
        }
        int n;
        if (draft.isRetraction()) {
            n = outbox.cancel(h, DeliveryKind.valueOf(t.kind().name()), t.ref(), RETRACTED);
            if (t.kind() == CorrectionRow.TargetKind.BREAKING) {
                n += outbox.cancel(h, DeliveryKind.TOPIC, t.ref(), RETRACTED); // the story as a topic alert too
            }
            if (broadcast) {
                // its next batches must not go out either
                broadcasts.table().move(h, t.ref(), CampaignState.sourcesOf(CampaignState.CANCELLED),
                        CampaignState.CANCELLED, now);
            }
        } else {
            n = rows.replaceQueued(h, t.kind(), t.ref(), draft.body());
            if (broadcast && t.isText()) {
                broadcasts.replaceText(h, t.ref(), draft.body()); // batches not yet enqueued
            }
        }
        repo.setQueued(h, draft.id(), n);
        new AuditTrail().record(h, now, userId, draft.isRetraction() ? AuditAction.RETRACTION
                : AuditAction.CORRECTION, t.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + t.ref(), 0,
                draft.campaign().kind().stored() + " #" + draft.id() + ", " + n + " queued copies "
                        + (draft.isRetraction() ? "cancelled" : "corrected"));
        return n;
    }
}
