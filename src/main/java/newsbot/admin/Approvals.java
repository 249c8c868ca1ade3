package newsbot.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.function.LongFunction;
import newsbot.config.BotConfig;
import newsbot.delivery.Replier;
import newsbot.store.ApprovalRequests;
import newsbot.store.AuditAction;
import newsbot.store.AuditTrail;
import newsbot.store.Campaign;
import newsbot.store.CampaignState;
import newsbot.store.Database;
import newsbot.telegram.Outgoing;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two-person rule, the part every kind of campaign shares: whether a start must wait, holding it in
 * {@link CampaignState#AWAITING_APPROVAL}, the card with Approve / Reject sent to every admin, who may decide, and
 * telling the author. What a decision starts is the kind's own ({@link BroadcastActions}, {@link Corrections}). The
 * state lives in the campaign's row, so a restart or a pair's takeover finds it waiting as it was.
 */
final class Approvals {

    private static final Logger LOG = LoggerFactory.getLogger(Approvals.class);

    /** The decision an admin took. */
    enum Decision {
        APPROVED(AuditAction.APPROVED, "admin.approval.card.approved", "admin.toast.approved"),
        REJECTED(AuditAction.REJECTED, "admin.approval.card.rejected", "admin.toast.rejected");

        final AuditAction audit;
        final String cardKey;
        final String toastKey;

        Decision(AuditAction audit, String cardKey, String toastKey) {
            this.audit = audit;
            this.cardKey = cardKey;
            this.toastKey = toastKey;
        }
    }

    private final BotConfig config;
    private final Database db;
    private final Replier out;
    private final AdminTexts texts;
    private final Clock clock;
    private final CampaignButtons buttons;
    private final ApprovalRequests cards = new ApprovalRequests();
    private final AuditTrail audit = new AuditTrail();

    Approvals(BotConfig config, Database db, Replier out, AdminTexts texts, Clock clock, CampaignButtons buttons) {
        this.config = config;
        this.db = db;
        this.out = out;
        this.texts = texts;
        this.clock = clock;
        this.buttons = buttons;
    }

    /** Whether a start by {@code userId} for {@code readers} must wait for an admin. */
    boolean needed(long userId, int readers) {
        return config.needsApproval(userId, readers);
    }

    /** In the caller's transaction: a draft (or scheduled draft) waits; true when it did. */
    boolean hold(Handle h, Campaign c) {
        return c.kind().table().move(h, c.id(), EnumSet.of(CampaignState.DRAFT, CampaignState.SCHEDULED),
                CampaignState.AWAITING_APPROVAL, clock.instant());
    }

    /**
     * After the hold committed: the author's control message says it waits (only Cancel stays), and every admin
     * gets what readers will see ({@code preview} for their chat, if any) and the card {@code card} with Approve and
     * Reject. An admin who never started the bot cannot be written to; the others still are.
     */
    void ask(Campaign c, String card, LongFunction<Optional<Outgoing>> preview) {
        String lang = c.editor().language();
        Integer control = c.messages().control();
        if (control != null) {
            out.editLater(c.editor().chatId(), control, texts.get(lang, "admin.approval.waiting", c.id()),
                    buttons.awaiting(c, lang));
        }
        int asked = 0;
        for (long admin : config.telegram().admins()) {
            preview.apply(admin).ifPresent(out::perform);
            SendOutcome sent = out.send(new OutgoingMessage(admin, card, false, false, buttons.approval(c, lang)));
            if (sent instanceof SendOutcome.Delivered d && d.sent().firstMessageId().isPresent()) {
                Campaign.ChatMessage at = new Campaign.ChatMessage(admin, (int) d.sent().firstMessageId().getAsLong());
                db.useTransaction(h -> cards.add(h, at, new ApprovalRequests.Ref(c.kind().table(), c.id())));
                asked++;
            }
        }
        LOG.info("{} {} by editor {} awaits approval ({} admins asked)", c.kind().stored(), c.id(),
                c.editor().userId(), asked);
    }

    /** Why {@code userId} may not decide on {@code c} (a key of the refusal), or empty when they may. */
    Optional<String> refusal(Campaign c, long userId) {
        if (c.editor().userId() == userId) {
            LOG.info("editor {} tried to decide on their own {} {}: refused", userId, c.kind().stored(), c.id());
            return Optional.of("admin.toast.approve.own");
        }
        if (!config.isAdmin(userId)) {
            return Optional.of("admin.toast.approve.admins.only");
        }
        return Optional.empty();
    }

    /** The campaign a card is about, for {@code /reject} in reply to it. */
    Optional<ApprovalRequests.Ref> cardAt(long chatId, int messageId) {
        return db.withHandle(h -> cards.find(h, chatId, messageId));
    }

    /** The decision's row of the audit trail, in its transaction. */
    void record(Handle h, Decision d, long userId, Campaign c, int readers, String outcome) {
        audit.record(h, clock.instant(), userId, d.audit, c.kind().stored() + " #" + c.id(), readers, outcome);
    }

    /**
     * After a decision committed: the pressed card says who decided, and the author is told (with the reason, for
     * a rejection). Returns the key answering the press.
     */
    String decided(Decision d, Campaign c, long userId, Campaign.ChatMessage card, String reason) {
        String lang = c.editor().language();
        if (card != null) {
            out.editLater(card.chatId(), card.messageId(), texts.get(lang, d.cardKey, c.id(), userId), null);
        }
        String why = reason.isBlank() ? "" : texts.get(lang, "admin.approval.reason", newsbot.html.Html.escape(reason));
        out.send(OutgoingMessage.html(c.editor().chatId(), texts.get(lang,
                d == Decision.APPROVED ? "admin.approval.author.approved" : "admin.approval.author.rejected",
                c.id(), userId, why)));
        LOG.info("admin {} {} {} {}{}", userId, d.name().toLowerCase(java.util.Locale.ROOT), c.kind().stored(),
                c.id(), reason.isBlank() ? "" : " (with a reason)");
        return d.toastKey;
    }

    /** A scheduled campaign's time came while it still waits: its author hears it once. */
    void overdue(Campaign c) {
        out.send(OutgoingMessage.html(c.editor().chatId(), texts.get(c.editor().language(),
                "admin.approval.overdue", c.id())));
        LOG.info("{} {} is due but still awaits approval", c.kind().stored(), c.id());
    }

    Instant now() {
        return clock.instant();
    }
}
