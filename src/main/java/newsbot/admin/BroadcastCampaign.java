package newsbot.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.Manner;
import newsbot.delivery.Request;
import newsbot.delivery.Outbox;
import newsbot.delivery.Replier;
import newsbot.store.BroadcastContent;
import newsbot.store.BroadcastRow;
import newsbot.store.BroadcastsRepo;
import newsbot.store.Campaign;
import newsbot.delivery.CampaignOutbox;
import newsbot.store.CampaignState;
import newsbot.store.CampaignTable;
import newsbot.store.Database;
import newsbot.telegram.KeyboardJson;
import newsbot.telegram.OutgoingMessage;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Broadcasts as a campaign type: readers of an audience in chat id order, one copy (or text) each, pinned or paid
 * as the editor chose.
 */
final class BroadcastCampaign implements CampaignType {

    private static final Logger LOG = LoggerFactory.getLogger(BroadcastCampaign.class);
    static final String CANCEL_REASON = "cancelled by admin";

    private final Database db;
    private final BroadcastsRepo repo;
    private final CampaignOutbox rows;
    private final Outbox outbox;
    private final ProgressView view;
    private final Replier out;
    private final AdminTexts texts;
    private final Clock clock;

    BroadcastCampaign(Database db, BroadcastsRepo repo, CampaignOutbox rows, Outbox outbox, ProgressView view,
                      Replier out, AdminTexts texts, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.rows = rows;
        this.outbox = outbox;
        this.view = view;
        this.out = out;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public CampaignTable table() {
        return repo.table();
    }

    @Override
    public DeliveryKind rowKind() {
        return DeliveryKind.BROADCAST;
    }

    @Override
    public Campaign.Cursor enqueueBatch(Handle h, Campaign c, int batchSize) {
        BroadcastRow b = repo.find(h, c.id()).orElseThrow();
        Audience audience = Audience.parse(b.audience()).orElse(Audience.ALL);
        long after = c.cursor().upto() == null ? Long.MIN_VALUE : c.cursor().upto();
        List<Long> chats = repo.audienceAfter(h, audience.filter(), after, batchSize);
        Manner manner = Manner.PLAIN.withKeyboard(buttonJson(b))
                .with(b.options().paid() ? Manner.Lane.PAID : Manner.Lane.FREE)
                .with(b.options().pinned() ? Manner.Then.PIN : Manner.Then.NOTHING);
        if (b.content() instanceof BroadcastContent.Copy copy) {
            List<Long> ids = copy.ids();
            Request request = ids.size() > 1 ? new Request.CopyAlbum(copy.sourceChatId(), ids)
                    : new Request.Copy(copy.sourceChatId(), ids.get(0), "");
            outbox.enqueueAll(h, chats, DeliveryKind.BROADCAST, c.id(), request, manner, clock.instant());
        } else {
            outbox.enqueueAll(h, chats, DeliveryKind.BROADCAST, c.id(), b.content().html(), manner, clock.instant());
        }
        boolean complete = chats.size() < batchSize;
        if (complete) {
            repo.setTotal(h, c.id(), rows.sendCounts(h, c.id()).enqueued());
        }
        return new Campaign.Cursor(chats.isEmpty() ? null : chats.get(chats.size() - 1), complete);
    }

    @Override
    public void sweep(Handle h, Campaign c, int batchSize) {
        // every reader of the audience got a row in the first pass: nothing turns up later
    }

    @Override
    public boolean settled(Handle h, Campaign c) {
        // a pinned broadcast is done once its pins are: the report counts them
        return rows.unanswered(h, c.kind(), c.id()) == 0;
    }

    @Override
    public void finished(Handle h, Campaign c, Instant now) {
        CampaignOutbox.SendCounts done = rows.sendCounts(h, c.id());
        repo.setTotal(h, c.id(), done.enqueued());
        LOG.info("broadcast {} done: {} delivered, {} blocked, {} failed of {}", c.id(), done.sent(), done.blocked(),
                done.failed(), done.enqueued());
    }

    /**
     * The editor deleted the message a copy broadcast copies: no further copy can be made, so the rest is cancelled
     * at once (instead of failing reader by reader) and the editor is told why.
     */
    @Override
    public boolean stopsEarly(Campaign c) {
        if (c.isFinished() || !db.withHandle(h -> repo.find(h, c.id()).map(b -> b.content() instanceof
                BroadcastContent.Copy).orElse(false) && rows.sourceGone(h, c.id()))) {
            return false;
        }
        Integer notSent = db.inTransaction(h -> {
            if (!table().move(h, c.id(), CampaignState.sourcesOf(CampaignState.CANCELLED), CampaignState.CANCELLED,
                    clock.instant())) {
                return null;
            }
            outbox.cancel(h, DeliveryKind.BROADCAST, c.id(), "source gone: deleted by the editor");
            CampaignOutbox.SendCounts n = rows.sendCounts(h, c.id());
            int total = repo.find(h, c.id()).map(BroadcastRow::total).orElse(0);
            return Math.max(0, total - n.sent() - n.failed() - n.blocked());
        });
        if (notSent == null) {
            return true;
        }
        LOG.warn("broadcast {}: the message it copies was deleted; stopped with {} copies not sent", c.id(), notSent);
        out.send(OutgoingMessage.html(c.editor().chatId(), texts.get(c.editor().language(),
                "admin.broadcast.source.gone", c.id(), notSent)));
        return true;
    }

    @Override
    public ProgressView.Shown progress(Handle h, Campaign c, Instant now) {
        BroadcastRow b = repo.find(h, c.id()).orElseThrow();
        ProgressView.Extras extras = new ProgressView.Extras(b.options().pinned() ? rows.pins(h, c.id()) : null,
                b.options().paid() ? rows.paidSent(h, c.id()) : 0);
        return view.broadcast(b, rows.sendCounts(h, c.id()), extras, now);
    }

    @Override
    public Instant resumeAt(Instant now) {
        return now;
    }

    @Override
    public String cancelReason() {
        return CANCEL_REASON;
    }

    @Override
    public String toast(Toast toast) {
        return "admin.toast." + toast.key();
    }

    @Override
    public String starting(Campaign c) {
        return texts.get(c.editor().language(), "admin.progress.starting");
    }

    @Override
    public String draftCancelled(Campaign c) {
        return texts.get(c.editor().language(), "admin.report.draft.cancelled", c.id());
    }

    /** The broadcast's link button as Bot API JSON, or null. */
    static String buttonJson(BroadcastRow b) {
        BroadcastContent.LinkButton button = b.content().button();
        return button == null ? null : new KeyboardJson().linkButton(button.label(), button.url());
    }
}
