package newsbot.admin;

import java.time.ZoneId;
import java.time.Duration;
import newsbot.delivery.Replier;

import java.time.Clock;
import java.time.Instant;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.Outbox;
import newsbot.store.BroadcastCounts;
import newsbot.store.BroadcastRow;
import newsbot.store.BroadcastOutbox;
import newsbot.store.BroadcastsRepo;
import newsbot.store.Database;
import newsbot.telegram.KeyboardJson;
import newsbot.telegram.Outgoing;
import newsbot.telegram.OutgoingMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import newsbot.telegram.SendOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What each broadcast button does; each returns the key of the text that answers the press. */
final class BroadcastActions {

    private static final Logger LOG = LoggerFactory.getLogger(BroadcastActions.class);
    /**
     * Where a paused broadcast's pending rows wait: a not_before the dispatcher never reaches. Far, but not so
     * far that the dispatcher's wait arithmetic in nanoseconds overflows.
     */
    static final Instant HELD_UNTIL = Instant.parse("2200-01-01T00:00:00Z");
    static final String CANCEL_REASON = "cancelled by admin";

    private final Database db;
    private final BroadcastsRepo repo;
    private final BroadcastOutbox rows;
    private final Outbox outbox;
    private final Replier out;
    private final Clock clock;
    private final BatchEnqueuer enqueuer;
    private final ProgressBoard board;
    private final AdminTexts texts;
    private final DraftView drafts;
    private final KeyboardJson keyboards = new KeyboardJson();

    BroadcastActions(Database db, BroadcastsRepo repo, BroadcastOutbox rows, Outbox outbox, Replier out,
                     Clock clock, BatchEnqueuer enqueuer, ProgressBoard board, AdminTexts texts, DraftView drafts) {
        this.drafts = drafts;
        this.db = db;
        this.repo = repo;
        this.rows = rows;
        this.outbox = outbox;
        this.out = out;
        this.clock = clock;
        this.enqueuer = enqueuer;
        this.board = board;
        this.texts = texts;
    }

    /**
     * Send (or Send fast, as paid messages): DRAFT → RUNNING for exactly one press; the pressed preview becomes
     * the progress message.
     */
    String send(BroadcastRow b, long userId, long chatId, int messageId, boolean paid) {
        if (paid && !drafts.fastOffered(b)) {
            return "admin.toast.fast.unavailable";
        }
        boolean won = db.inTransaction(h -> (!paid || repo.setOptions(h, b.id(), b.pin(), true))
                && repo.start(h, b.id(), repo.audienceCount(h, Audience.parse(b.audience()).orElse(Audience.ALL)
                .filter()), clock.instant()));
        if (!won) {
            LOG.info("admin {} pressed Send on broadcast {}, already {}: nothing done", userId, b.id(), b.state());
            return "admin.toast.already";
        }
        LOG.info("admin {} sent broadcast {} to audience {}{}", userId, b.id(), b.audience(),
                paid ? ", fast (paid)" : "");
        begin(b, chatId, messageId);
        return "admin.toast.started";
    }

    /**
     * A scheduled draft whose time has come (late, after downtime, but once: the start is the same conditional
     * DRAFT → RUNNING as a press). Its control message becomes the progress message.
     */
    boolean startScheduled(BroadcastRow b) {
        Instant now = clock.instant();
        boolean won = db.inTransaction(h -> repo.start(h, b.id(), repo.audienceCount(h,
                Audience.parse(b.audience()).orElse(Audience.ALL).filter()), now));
        if (!won) {
            return false;
        }
        long lateSeconds = Duration.between(b.scheduledAt(), now).toSeconds();
        LOG.info("scheduled broadcast {} started{}", b.id(), lateSeconds > 60 ? " " + lateSeconds + " s late" : "");
        begin(b, b.adminChatId(), b.previewMessageId() == null ? 0 : b.previewMessageId());
        return true;
    }

    private void begin(BroadcastRow b, long chatId, int messageId) {
        int progressMessage = messageId;
        boolean onPreview = chatId == b.adminChatId() && b.previewMessageId() != null
                && b.previewMessageId() == messageId;
        if (!onPreview) {
            // a press on a forwarded copy: that message is not ours to edit, so progress gets a message of its own
            SendOutcome sent = out.send(OutgoingMessage.html(chatId, texts.get(b.language(), "admin.progress.starting")));
            progressMessage = sent instanceof SendOutcome.Delivered d ? (int) d.sent().firstMessageId().orElse(0) : 0;
        }
        if (progressMessage != 0) {
            int shownIn = progressMessage;
            db.useTransaction(h -> repo.setProgressMessage(h, b.id(), chatId, shownIn));
        }
        enqueuer.nextBatch(b.id());
        board.update(b.id());
    }

    /** Schedule…: the times to choose from, in place of the preview's buttons. */
    String showPicker(BroadcastRow b, long chatId, int messageId) {
        if (!"DRAFT".equals(b.state())) {
            return "admin.toast.not.now";
        }
        ProgressView.Shown picker = drafts.picker(b, clock.instant());
        out.editLater(chatId, messageId, picker.html(), picker.keyboard());
        return null;
    }

    /** Send fast…: the cost, to confirm. */
    String showFast(BroadcastRow b, long chatId, int messageId) {
        if (!"DRAFT".equals(b.state()) || !drafts.fastOffered(b)) {
            return !"DRAFT".equals(b.state()) ? "admin.toast.not.now" : "admin.toast.fast.unavailable";
        }
        ProgressView.Shown confirm = drafts.confirmFast(b);
        out.editLater(chatId, messageId, confirm.html(), confirm.keyboard());
        return null;
    }

    /** Back: the preview's own buttons again. */
    String showDraft(BroadcastRow b) {
        if (!"DRAFT".equals(b.state())) {
            return "admin.toast.not.now";
        }
        redraw(b.id());
        return null;
    }

    /** Schedules a draft at {@code at} in the zone it was offered in ({@code null}: Send only again). */
    String schedule(BroadcastRow b, long userId, Instant at) {
        return schedule(b, userId, at, drafts.zone(b).getId());
    }

    String schedule(BroadcastRow b, long userId, Instant at, ZoneId zone) {
        return schedule(b, userId, at, zone.getId());
    }

    private String schedule(BroadcastRow b, long userId, Instant at, String zone) {
        if (at != null && !at.isAfter(clock.instant())) {
            return "admin.toast.schedule.past";
        }
        boolean done = db.inTransaction(h -> repo.schedule(h, b.id(), at, at == null ? null : zone));
        if (!done) {
            return "admin.toast.not.now";
        }
        LOG.info("admin {} {} broadcast {}{}", userId, at == null ? "unscheduled" : "scheduled", b.id(),
                at == null ? "" : " for " + at + " (" + zone + ")");
        redraw(b.id());
        return at == null ? "admin.toast.unscheduled" : "admin.toast.scheduled";
    }

    /** Pin: on / off, for a draft. */
    String togglePin(BroadcastRow b, long userId) {
        boolean done = db.inTransaction(h -> repo.setOptions(h, b.id(), !b.pin(), b.paid()));
        if (!done) {
            return "admin.toast.not.now";
        }
        LOG.info("admin {} turned pinning {} for broadcast {}", userId, b.pin() ? "off" : "on", b.id());
        redraw(b.id());
        return b.pin() ? "admin.toast.pin.off" : "admin.toast.pin.on";
    }

    private void redraw(long id) {
        db.withHandle(h -> repo.find(h, id)).ifPresent(b -> {
            if (b.previewMessageId() != null) {
                ProgressView.Shown shown = drafts.render(b);
                out.editLater(b.adminChatId(), b.previewMessageId(), shown.html(), shown.keyboard());
            }
        });
    }

    /**
     * Send to me only: the message as readers will get it, outside the outbox, to the presser's private chat (a
     * user's private chat id is their user id) even when the button was pressed in a group.
     */
    String test(BroadcastRow b, long userId, long chatId) {
        InlineKeyboardMarkup keyboard = keyboards.read(Broadcasts.buttonJson(b));
        out.perform(b.isCopy()
                ? new Outgoing.Copy(userId, b.sourceChatId(), BroadcastSource.ids(b.sourceMessageIds()).stream()
                        .map(Math::toIntExact).toList(), null, keyboard, false,
                        null, false)
                : new OutgoingMessage(userId, b.text(), false, false, keyboard));
        LOG.info("admin {} test-sent broadcast {} to their private chat (pressed in chat {})", userId, b.id(), chatId);
        return "admin.toast.tested";
    }

    /** Pause: RUNNING → PAUSED, and its pending rows are held back until resumed. */
    String pause(BroadcastRow b, long userId) {
        int held = db.inTransaction(h -> repo.transition(h, b.id(), "RUNNING", "PAUSED")
                ? rows.holdPending(h, b.id(), HELD_UNTIL) : -1);
        if (held < 0) {
            return "admin.toast.not.now";
        }
        // the dispatcher re-reads its window of due rows on a wake-up, dropping the held ones; only sends already
        // past its last check (one, or its maxInFlight when pipelining) still go out
        outbox.wake();
        LOG.info("admin {} paused broadcast {} ({} deliveries held)", userId, b.id(), held);
        board.update(b.id());
        return "admin.toast.paused";
    }

    /** Resume: PAUSED → RUNNING, and the held rows are due again now. */
    String resume(BroadcastRow b, long userId) {
        int released = db.inTransaction(h -> repo.transition(h, b.id(), "PAUSED", "RUNNING")
                ? rows.releaseHeld(h, b.id(), HELD_UNTIL, clock.instant()) : -1);
        if (released < 0) {
            return "admin.toast.not.now";
        }
        outbox.wake();
        LOG.info("admin {} resumed broadcast {} ({} deliveries released)", userId, b.id(), released);
        board.update(b.id());
        return "admin.toast.resumed";
    }

    /**
     * The editor deleted the message a copy broadcast copies: no further copy can be made, so the rest is cancelled
     * at once (instead of failing reader by reader) and the editor is told why.
     */
    void abandonSourceGone(BroadcastRow b) {
        Integer notSent = db.inTransaction(h -> {
            if (!repo.cancel(h, b.id(), clock.instant())) {
                return null;
            }
            outbox.cancel(h, DeliveryKind.BROADCAST, b.id(), "source gone: deleted by the editor");
            BroadcastCounts c = rows.counts(h, b.id());
            return Math.max(0, b.total() - c.sent() - c.failed() - c.blocked());
        });
        if (notSent == null) {
            return;
        }
        LOG.warn("broadcast {}: the message it copies was deleted; stopped with {} copies not sent", b.id(), notSent);
        out.send(OutgoingMessage.html(b.adminChatId(), texts.get(b.language(), "admin.broadcast.source.gone", b.id(),
                notSent)));
    }

    /** Cancel: a draft is dropped; a running or paused broadcast stops and its pending rows are cancelled. */
    String cancel(BroadcastRow b, long userId) {
        // the state is read again inside the transaction: a Send that won meanwhile makes this a running cancel
        String[] before = new String[1];
        int cancelled = db.inTransaction(h -> {
            before[0] = repo.find(h, b.id()).map(BroadcastRow::state).orElse("");
            return repo.cancel(h, b.id(), clock.instant())
                    ? outbox.cancel(h, DeliveryKind.BROADCAST, b.id(), CANCEL_REASON) : -1;
        });
        if (cancelled < 0) {
            return "admin.toast.not.now";
        }
        LOG.info("admin {} cancelled broadcast {} ({} pending deliveries cancelled)", userId, b.id(), cancelled);
        if ("DRAFT".equals(before[0])) {
            if (b.previewMessageId() != null) {
                out.edit(b.adminChatId(), b.previewMessageId(),
                        texts.get(b.language(), "admin.report.draft.cancelled", b.id()), null);
            }
            db.useTransaction(h -> repo.markReported(h, b.id()));
        } else {
            board.update(b.id());
        }
        return "admin.toast.cancelled";
    }
}
