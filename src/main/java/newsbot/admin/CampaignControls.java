package newsbot.admin;

import java.time.Clock;
import java.util.EnumSet;
import newsbot.delivery.Outbox;
import newsbot.delivery.Replier;
import newsbot.store.Campaign;
import newsbot.delivery.CampaignOutbox;
import newsbot.store.CampaignState;
import newsbot.store.Database;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every campaign's buttons do once it runs (pause, resume, cancel) and how it begins after a start won; each
 * press returns the key of the text that answers it, in the campaign type's wording.
 */
final class CampaignControls {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignControls.class);

    private final Database db;
    private final CampaignOutbox rows;
    private final Outbox outbox;
    private final Replier out;
    private final Clock clock;
    private final BatchEnqueuer enqueuer;
    private final ProgressBoard board;

    CampaignControls(Database db, CampaignOutbox rows, Outbox outbox, Replier out, Clock clock,
                     BatchEnqueuer enqueuer, ProgressBoard board) {
        this.db = db;
        this.rows = rows;
        this.outbox = outbox;
        this.out = out;
        this.clock = clock;
        this.enqueuer = enqueuer;
        this.board = board;
    }

    /**
     * A start won (a press, or the schedule): the pressed control message becomes the progress message. A press
     * anywhere else (a forwarded control message, in a group say) is not ours to edit, and the progress and report
     * are the editor's business: they go to the presser's private chat (a user's private chat id is their id).
     */
    void begin(CampaignType type, Campaign c, long userId, long chatId, int messageId) {
        Campaign.ChatMessage progress = null;
        if (c.messages().isControl(c.editor().chatId(), chatId, messageId)) {
            progress = new Campaign.ChatMessage(chatId, messageId);
        } else {
            SendOutcome sent = out.send(OutgoingMessage.html(userId, type.starting(c)));
            if (sent instanceof SendOutcome.Delivered d) {
                progress = new Campaign.ChatMessage(userId, (int) d.sent().firstMessageId().orElse(0));
            }
        }
        if (progress != null) {
            Campaign.ChatMessage shownIn = progress;
            db.useTransaction(h -> type.table().setProgressMessage(h, c.id(), shownIn));
        }
        enqueuer.nextBatch(type, c.id());
        board.update(type, c.id());
    }

    /** Pause: RUNNING → PAUSED, and its pending rows are held back until resumed. */
    String pause(CampaignType type, Campaign c, long userId) {
        int held = db.inTransaction(h -> type.table().move(h, c.id(), EnumSet.of(CampaignState.RUNNING),
                CampaignState.PAUSED, clock.instant()) ? rows.hold(h, c.kind(), c.id()) : -1);
        if (held < 0) {
            return type.toast(CampaignType.Toast.NOT_NOW);
        }
        // the dispatcher re-reads its window of due rows on a wake-up, dropping the held ones; only sends already
        // past its last check (one, or its maxInFlight when pipelining) still go out
        outbox.wake();
        LOG.info("editor {} paused {} {} ({} deliveries held)", userId, c.kind().stored(), c.id(), held);
        board.update(type, c.id());
        return type.toast(CampaignType.Toast.PAUSED);
    }

    /** Resume: PAUSED → RUNNING, and the held rows are due again. */
    String resume(CampaignType type, Campaign c, long userId) {
        int released = db.inTransaction(h -> type.table().move(h, c.id(), EnumSet.of(CampaignState.PAUSED),
                CampaignState.RUNNING, clock.instant())
                ? rows.release(h, c.kind(), c.id(), type.resumeAt(clock.instant())) : -1);
        if (released < 0) {
            return type.toast(CampaignType.Toast.NOT_NOW);
        }
        outbox.wake();
        LOG.info("editor {} resumed {} {} ({} deliveries released)", userId, c.kind().stored(), c.id(), released);
        board.update(type, c.id());
        return type.toast(CampaignType.Toast.RESUMED);
    }

    /** Cancel: a draft is dropped; a running or paused campaign stops and its pending rows are cancelled. */
    String cancel(CampaignType type, Campaign c, long userId) {
        // the state is read again inside the transaction: a start that won meanwhile makes this a running cancel
        CampaignState[] before = new CampaignState[1];
        int cancelled = db.inTransaction(h -> {
            before[0] = type.table().find(h, c.id()).map(Campaign::state).orElse(CampaignState.CANCELLED);
            return type.table().move(h, c.id(), CampaignState.sourcesOf(CampaignState.CANCELLED),
                    CampaignState.CANCELLED, clock.instant())
                    ? outbox.cancel(h, type.rowKind(), c.id(), type.cancelReason()) : -1;
        });
        if (cancelled < 0) {
            return type.toast(CampaignType.Toast.NOT_NOW);
        }
        LOG.info("editor {} cancelled {} {} ({} pending deliveries cancelled)", userId, c.kind().stored(), c.id(),
                cancelled);
        if (before[0].isDraft()) {
            if (c.messages().control() != null) {
                out.edit(c.editor().chatId(), c.messages().control(), type.draftCancelled(c), null);
            }
            db.useTransaction(h -> type.table().markReported(h, c.id()));
        } else {
            board.update(type, c.id());
        }
        return type.toast(CampaignType.Toast.CANCELLED);
    }
}
