package newsbot.admin;

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

    Corrections(Database db, CorrectionsRepo repo, BroadcastsRepo broadcasts, CampaignOutbox rows,
                Outbox outbox, AdminTexts texts, Clock clock, CorrectionCampaign type, CampaignControls controls,
                CorrectionDrafts drafts, Target.Finder targets) {
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
            case APPROVE, REJECT -> type.toast(CampaignType.Toast.NOT_NOW);
            case PAUSE -> controls.pause(type, c.campaign(), userId);
            case RESUME -> controls.resume(type, c.campaign(), userId);
            default -> controls.cancel(type, c.campaign(), userId);
        };
        return texts.get(language, key, c.id());
    }

    /** {@code /reject} in reply to a correction's approval card. */
    String reject(long id, long userId, Campaign.ChatMessage card, String reason) {
        return "admin.toast.not.now";
    }

    /**
     * Confirm: DRAFT → RUNNING for one press, and in the same transaction the target's queued copies are corrected
     * (or, for a retraction, cancelled with the broadcast itself), so nobody gets the old text from here on. Copies
     * on the wire at this moment are found by the monitor's sweep once recorded.
     */
    private String confirm(CorrectionRow draft, long userId, long chatId, int messageId) {
        Instant now = clock.instant();
        CorrectionRow.Target t = draft.target();
        boolean broadcast = t.kind() == CorrectionRow.TargetKind.BROADCAST;
        int queued = db.inTransaction(h -> {
            long fence = rows.lastTargetRow(h, t.kind(), t.ref());
            if (!repo.start(h, draft.id(), fence, now)) {
                return -1;
            }
            int n;
            if (draft.isRetraction()) {
                n = outbox.cancel(h, DeliveryKind.valueOf(t.kind().name()), t.ref(), RETRACTED);
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
        });
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
}
