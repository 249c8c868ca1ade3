package newsbot.admin;

import java.time.Clock;
import java.util.Optional;
import newsbot.delivery.Replier;
import newsbot.store.CampaignState;
import newsbot.store.CampaignTable;
import newsbot.store.Database;
import newsbot.telegram.Outgoing;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a campaign's draft is shown to its editor: first what readers will see (the preview), then the
 * control message with what it will do and its buttons; both ids are stored, so a reply to either names the
 * campaign. What Telegram refuses for the preview it would refuse for every reader: the draft is cancelled.
 */
final class DraftPreview {

    private static final Logger LOG = LoggerFactory.getLogger(DraftPreview.class);

    private final Database db;
    private final Replier out;
    private final Clock clock;

    DraftPreview(Database db, Replier out, Clock clock) {
        this.db = db;
        this.out = out;
        this.clock = clock;
    }

    /** Shows {@code preview} then the control message; returns Telegram's refusal of the preview, if it refused. */
    Optional<SendOutcome> show(CampaignTable table, long id, Outgoing preview, long chatId,
                               ProgressView.Shown control) {
        SendOutcome shown = out.perform(preview);
        if (!(shown instanceof SendOutcome.Delivered d)) {
            db.useTransaction(h -> table.move(h, id, CampaignState.sourcesOf(CampaignState.CANCELLED),
                    CampaignState.CANCELLED, clock.instant()));
            LOG.warn("preview of {} {} was refused: {}", table, id, shown);
            return Optional.of(shown);
        }
        showControl(table, id, (int) d.sent().firstMessageId().orElse(0), chatId, control);
        return Optional.empty();
    }

    /** Only the control message, for a draft with nothing of its own to show (a retraction without a notice). */
    void showControl(CampaignTable table, long id, long chatId, ProgressView.Shown control) {
        showControl(table, id, null, chatId, control);
    }

    private void showControl(CampaignTable table, long id, Integer preview, long chatId, ProgressView.Shown control) {
        SendOutcome sent = out.send(new OutgoingMessage(chatId, control.html(), false, false, control.keyboard()));
        if (sent instanceof SendOutcome.Delivered d) {
            db.useTransaction(h -> table.setDraftMessages(h, id, (int) d.sent().firstMessageId().orElse(0), preview));
        }
    }
}
