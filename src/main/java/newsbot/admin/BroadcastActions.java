package newsbot.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import newsbot.delivery.Replier;
import newsbot.store.AuditAction;
import newsbot.store.AuditTrail;
import newsbot.store.BroadcastContent;
import newsbot.store.BroadcastRow;
import newsbot.store.BroadcastsRepo;
import newsbot.store.Campaign;
import newsbot.store.CampaignState;
import newsbot.store.Database;
import newsbot.telegram.KeyboardJson;
import newsbot.telegram.Outgoing;
import newsbot.telegram.OutgoingMessage;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * What a broadcast's own buttons do (Send, Send fast, Schedule, Pin, Send to me) and its scheduled start; the
 * buttons every campaign has are {@link CampaignControls}. Each returns the key of the text that answers the press.
 */
final class BroadcastActions {

    private static final Logger LOG = LoggerFactory.getLogger(BroadcastActions.class);

    private final Database db;
    private final BroadcastsRepo repo;
    private final Replier out;
    private final Clock clock;
    private final CampaignControls controls;
    private final BroadcastCampaign type;
    private final DraftView drafts;
    private final Approvals approvals;
    private final AdminTexts texts;
    private final KeyboardJson keyboards = new KeyboardJson();
    private final AuditTrail audit = new AuditTrail();

    BroadcastActions(Database db, BroadcastsRepo repo, Replier out, Clock clock, CampaignControls controls,
                     BroadcastCampaign type, DraftView drafts, Approvals approvals,
                     AdminTexts texts) {
        this.db = db;
        this.repo = repo;
        this.out = out;
        this.clock = clock;
        this.controls = controls;
        this.type = type;
        this.drafts = drafts;
        this.approvals = approvals;
        this.texts = texts;
    }

    /** How a press on Send (or a schedule) ended. */
    private enum Start { STARTED, HELD, LOST }

    /**
     * Send (or Send fast, as paid messages): a draft → RUNNING for exactly one press; the pressed control message
     * becomes the progress message.
     */
    String send(BroadcastRow b, long userId, long chatId, int messageId, BroadcastRow.Lane lane) {
        boolean paid = lane == BroadcastRow.Lane.PAID;
        if (paid && !drafts.fastOffered(b)) {
            return "admin.toast.fast.unavailable";
        }
        Start result = db.inTransaction(h -> {
            int size = audienceSize(h, b);
            if (paid && !repo.setOptions(h, b.id(), b.options().withLane(lane))) {
                return Start.LOST;
            }
            if (approvals.needed(userId, size)) {
                if (!approvals.hold(h, b.campaign())) {
                    return Start.LOST;
                }
                repo.setTotal(h, b.id(), size);
                audit.record(h, clock.instant(), userId, paid ? AuditAction.PAID_SEND : AuditAction.BROADCAST_SENT,
                        "#" + b.id(), size, "awaiting approval");
                return Start.HELD;
            }
            boolean started = repo.start(h, b.id(), size, clock.instant());
            if (started) {
                audit.record(h, clock.instant(), userId, paid ? AuditAction.PAID_SEND : AuditAction.BROADCAST_SENT,
                        "#" + b.id(), size, paid ? "started, fast (paid)" : "started");
            }
            return started ? Start.STARTED : Start.LOST;
        });
        if (result == Start.LOST) {
            LOG.info("admin {} pressed Send on broadcast {}, already {}: nothing done", userId, b.id(), b.state());
            return "admin.toast.already";
        }
        if (result == Start.HELD) {
            askApproval(b.id());
            return "admin.toast.awaiting";
        }
        LOG.info("admin {} sent broadcast {} to audience {}{}", userId, b.id(), b.audience(),
                paid ? ", fast (paid)" : "");
        controls.begin(type, b.campaign(), userId, chatId, messageId);
        return "admin.toast.started";
    }

    /**
     * The scheduled drafts whose time has come (late, after downtime, but once). Each starts only if it is still
     * scheduled for the time read here: an editor who unscheduled or moved it meanwhile wins. Its control message
     * becomes the progress message.
     */
    void startDue() {
        Instant now = clock.instant();
        List<BroadcastRow> due = db.withHandle(h -> repo.dueScheduled(h, now));
        for (BroadcastRow b : due) {
            try {
                startScheduled(b, now);
            } catch (RuntimeException e) {
                LOG.error("scheduled broadcast {} could not be started; trying again next tick: {}", b.id(),
                        e.toString());
            }
        }
        // still waiting for an admin at its time: it waits on, and its author hears so once
        db.inTransaction(h -> repo.takeOverdueUnapproved(h, now)).forEach(b -> approvals.overdue(b.campaign()));
    }

    /** Every admin gets the waiting broadcast as readers will see it and the card to decide on. */
    private void askApproval(long id) {
        BroadcastRow b = db.withHandle(h -> repo.find(h, id)).orElseThrow();
        String lang = b.language();
        String cost = b.options().paid() ? texts.get(lang, "admin.approval.cost", drafts.cost(b)) : "";
        String when = b.schedule() == null ? ""
                : texts.get(lang, "admin.approval.when", drafts.when(b.schedule().at(), drafts.zone(b)));
        String card = texts.get(lang, "admin.approval.card", texts.get(lang, b.options().paid()
                        ? "admin.approval.kind.paid" : "admin.approval.kind.broadcast"), b.id(),
                b.campaign().editor().userId(), b.total(), drafts.audienceName(b.audience(), lang), when, cost);
        approvals.ask(b.campaign(), card, admin -> java.util.Optional.of(asReadersSeeIt(b, admin)));
    }

    /**
     * Approve, by an admin other than the author: a broadcast with a time is scheduled (one already due starts at
     * the monitor's next tick), one without starts now, its author's control message becoming the progress.
     */
    String approve(BroadcastRow b, long userId, Campaign.ChatMessage card) {
        Optional<String> refused = approvals.refusal(b.campaign(), userId);
        if (refused.isPresent()) {
            return refused.get();
        }
        boolean scheduled = b.schedule() != null;
        boolean won = db.inTransaction(h -> {
            int size = audienceSize(h, b);
            boolean moved = scheduled
                    ? repo.table().move(h, b.id(), EnumSet.of(CampaignState.AWAITING_APPROVAL),
                            CampaignState.SCHEDULED, clock.instant())
                    : repo.startApproved(h, b.id(), size, clock.instant());
            if (moved) {
                approvals.record(h, Approvals.Decision.APPROVED, userId, b.campaign(), size,
                        scheduled ? "scheduled" : b.options().paid() ? "started, fast (paid)" : "started");
            }
            return moved;
        });
        if (!won) {
            return "admin.toast.not.now";
        }
        String key = approvals.decided(Approvals.Decision.APPROVED, b.campaign(), userId, card, "");
        if (scheduled) {
            redraw(b.id());
        } else {
            Campaign c = b.campaign();
            Integer control = c.messages().control();
            controls.begin(type, c, c.editor().userId(), c.editor().chatId(), control == null ? 0 : control);
        }
        return key;
    }

    /** Reject, by an admin other than the author: a draft again (without its time), the author told why. */
    String reject(BroadcastRow b, long userId, Campaign.ChatMessage card, String reason) {
        Optional<String> refused = approvals.refusal(b.campaign(), userId);
        if (refused.isPresent()) {
            return refused.get();
        }
        boolean won = db.inTransaction(h -> {
            boolean moved = repo.reject(h, b.id(), clock.instant());
            if (moved) {
                approvals.record(h, Approvals.Decision.REJECTED, userId, b.campaign(), b.total(),
                        reason.isBlank() ? "back to draft" : reason);
            }
            return moved;
        });
        if (!won) {
            return "admin.toast.not.now";
        }
        String key = approvals.decided(Approvals.Decision.REJECTED, b.campaign(), userId, card, reason);
        redraw(b.id());
        return key;
    }

    private void startScheduled(BroadcastRow b, Instant now) {
        boolean won = db.inTransaction(h -> {
            int size = audienceSize(h, b);
            boolean started = repo.startScheduled(h, b.id(), b.schedule().at(), size, now);
            if (started) {
                audit.record(h, now, b.campaign().editor().userId(), AuditAction.BROADCAST_SENT, "#" + b.id(), size,
                        "started at its scheduled time");
            }
            return started;
        });
        if (!won) {
            return;
        }
        long lateSeconds = Duration.between(b.schedule().at(), now).toSeconds();
        LOG.info("scheduled broadcast {} started{}", b.id(), lateSeconds > 60 ? " " + lateSeconds + " s late" : "");
        long editor = b.campaign().editor().chatId();
        Integer control = b.campaign().messages().control();
        controls.begin(type, b.campaign(), b.campaign().editor().userId(), editor, control == null ? 0 : control);
    }

    private int audienceSize(Handle h, BroadcastRow b) {
        return repo.audienceCount(h, Audience.parse(b.audience()).orElse(Audience.ALL).filter());
    }

    /** Schedule…: the times to choose from, in place of the preview's buttons. */
    String showPicker(BroadcastRow b, long chatId, int messageId) {
        if (!b.state().isDraft()) {
            return "admin.toast.not.now";
        }
        ProgressView.Shown picker = drafts.picker(b, clock.instant());
        out.editLater(chatId, messageId, picker.html(), picker.keyboard());
        return null;
    }

    /** Send fast…: the cost, to confirm. */
    String showFast(BroadcastRow b, long chatId, int messageId) {
        if (!b.state().isDraft() || !drafts.fastOffered(b)) {
            return !b.state().isDraft() ? "admin.toast.not.now" : "admin.toast.fast.unavailable";
        }
        ProgressView.Shown confirm = drafts.confirmFast(b);
        out.editLater(chatId, messageId, confirm.html(), confirm.keyboard());
        return null;
    }

    /** Back: the preview's own buttons again. */
    String showDraft(BroadcastRow b) {
        if (!b.state().isDraft()) {
            return "admin.toast.not.now";
        }
        redraw(b.id());
        return null;
    }

    /** Schedules a draft at {@code at} in the zone it was offered in. */
    String schedule(BroadcastRow b, long userId, Instant at) {
        return schedule(b, userId, at, drafts.zone(b));
    }

    String schedule(BroadcastRow b, long userId, Instant at, ZoneId zone) {
        if (!at.isAfter(clock.instant())) {
            return "admin.toast.schedule.past";
        }
        Start result = db.inTransaction(h -> {
            if (!repo.schedule(h, b.id(), new BroadcastRow.Schedule(at, zone.getId()), clock.instant())) {
                return Start.LOST;
            }
            int size = audienceSize(h, b);
            boolean held = approvals.needed(userId, size) && approvals.hold(h, b.campaign());
            if (held) {
                repo.setTotal(h, b.id(), size);
            }
            audit.record(h, clock.instant(), userId, AuditAction.BROADCAST_SCHEDULED, "#" + b.id(), size,
                    "for " + at.atZone(zone).toLocalDateTime() + " " + zone.getId()
                            + (held ? ", awaiting approval" : ""));
            return held ? Start.HELD : Start.STARTED;
        });
        if (result == Start.LOST) {
            return "admin.toast.not.now";
        }
        LOG.info("admin {} scheduled broadcast {} for {} ({}){}", userId, b.id(), at, zone,
                result == Start.HELD ? ", awaiting approval" : "");
        if (result == Start.HELD) {
            askApproval(b.id());
            return "admin.toast.awaiting";
        }
        redraw(b.id());
        return "admin.toast.scheduled";
    }

    /** Back to Send only. */
    String unschedule(BroadcastRow b, long userId) {
        if (!db.inTransaction(h -> repo.unschedule(h, b.id(), clock.instant()))) {
            return "admin.toast.not.now";
        }
        LOG.info("admin {} unscheduled broadcast {}", userId, b.id());
        redraw(b.id());
        return "admin.toast.unscheduled";
    }

    /** Pin: on / off, for a draft. */
    String togglePin(BroadcastRow b, long userId) {
        BroadcastRow.Pin next = b.options().pinned() ? BroadcastRow.Pin.NONE : BroadcastRow.Pin.PIN;
        boolean done = db.inTransaction(h -> repo.setOptions(h, b.id(), b.options().withPin(next)));
        if (!done) {
            return "admin.toast.not.now";
        }
        LOG.info("admin {} turned pinning {} for broadcast {}", userId, next == BroadcastRow.Pin.PIN ? "on" : "off",
                b.id());
        redraw(b.id());
        return next == BroadcastRow.Pin.PIN ? "admin.toast.pin.on" : "admin.toast.pin.off";
    }

    private void redraw(long id) {
        db.withHandle(h -> repo.find(h, id)).ifPresent(b -> {
            Integer control = b.campaign().messages().control();
            if (control != null) {
                ProgressView.Shown shown = drafts.render(b);
                out.editLater(b.campaign().editor().chatId(), control, shown.html(), shown.keyboard());
            }
        });
    }

    /**
     * Send to me only: the message as readers will get it, outside the outbox, to the presser's private chat (a
     * user's private chat id is their user id) even when the button was pressed in a group.
     */
    String test(BroadcastRow b, long userId, long chatId) {
        out.perform(asReadersSeeIt(b, userId));
        LOG.info("admin {} test-sent broadcast {} to their private chat (pressed in chat {})", userId, b.id(), chatId);
        return "admin.toast.tested";
    }

    /** The broadcast as readers get it, for one chat: its preview, a test, a reader's copy. */
    Outgoing asReadersSeeIt(BroadcastRow b, long chatId) {
        InlineKeyboardMarkup keyboard = keyboards.read(BroadcastCampaign.buttonJson(b));
        return b.content() instanceof BroadcastContent.Copy copy
                ? new Outgoing.Copy(chatId, copy.sourceChatId(), copy.ids().stream().map(Math::toIntExact).toList(), null,
                        keyboard, false, null, false)
                : new OutgoingMessage(chatId, b.content().html(), false, false, keyboard);
    }
}
