package newsbot.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import newsbot.store.Channels;
import newsbot.store.CorrectionsRepo;
import newsbot.store.Deliveries;
import newsbot.store.Delivery;
import newsbot.store.NewDelivery;
import newsbot.store.Operation;
import newsbot.store.SubscriberStatus;
import newsbot.store.Subscribers;
import newsbot.telegram.SendOutcome;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns Telegram's answer to one delivery into the row's next state, subscriber changes, limiter and counters. */
final class OutcomeHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeHandler.class);

    /** What the sender must know afterwards about its in-memory view of the queue. */
    sealed interface Effect {
        /** Nothing beyond the row itself changed. */
        record None() implements Effect {
        }

        /** The row (and its chat's later rows) wait until {@code at}. */
        record Rescheduled(Instant at) implements Effect {
        }

        /** Every pending row of the chat was cancelled (it blocked the bot or is gone). */
        record ChatCancelled(long chatId) implements Effect {
        }

        /** Other chats' rows were cancelled: the sender must read its window again. */
        record QueueChanged() implements Effect {
        }

        /** The chat's rows moved to another chat id and must be read again. */
        record ChatMoved(long oldChatId) implements Effect {
        }

        Effect NONE = new None();
    }

    private final Deliveries deliveries;
    private final Subscribers subscribers;
    private final RateLimiter limiter;
    private final RetryPolicy retry;
    private final DeliveryCounters counters;
    private final DeliveryTime time;
    private final TelegramHealth health;
    private final Channels channels = new Channels();
    private final CorrectionsRepo corrections = new CorrectionsRepo();
    private final PaidLane paid;
    /** Telegram's answer when the message to copy no longer exists. */
    static final String SOURCE_GONE = "message to copy not found";

    OutcomeHandler(Deliveries deliveries, Subscribers subscribers, RateLimiter limiter, RetryPolicy retry,
                   DeliveryCounters counters, DeliveryTime time, TelegramHealth health, PaidLane paid) {
        this.paid = paid;
        this.deliveries = deliveries;
        this.subscribers = subscribers;
        this.limiter = limiter;
        this.retry = retry;
        this.counters = counters;
        this.time = time;
        this.health = health;
    }

    /**
     * Records the outcome on {@code h}, the sender's own connection. Throws when the database refuses: the caller
     * keeps the outcome and records it again later, for a message Telegram accepted must never be sent twice.
     */
    Effect handle(Handle h, Delivery d, SendOutcome outcome) {
        return handle(h, d, outcome, false);
    }

    /** @param sentPaid the call went with allow_paid_broadcast, reserved in the paid lane */
    Effect handle(Handle h, Delivery d, SendOutcome outcome, boolean sentPaid) {
        Effect effect = outcomeOf(h, d, outcome, sentPaid);
        if (sentPaid) {
            paid.settled(outcome instanceof SendOutcome.Delivered);
        }
        return effect;
    }

    private Effect outcomeOf(Handle h, Delivery d, SendOutcome outcome, boolean sentPaid) {
        Instant now = time.now();
        if (outcome instanceof SendOutcome.Delivered ok) {
            h.useTransaction(tx -> {
                // with the text it carried: a correction may have replaced the row's text while it was on the wire
                deliveries.markSent(tx, d.id(), ok.messageId(), Operation.joinIds(ok.moreMessageIds()), sentPaid,
                        d.text(), now);
                if (sentPaid) {
                    paid.recordSpent(tx);
                }
                if (d.operation().thenPin()) {
                    // the pin is a row of its own: paced, retried and reported like any call
                    deliveries.insertIfAbsent(tx, new NewDelivery(d.chatId(), DeliveryKind.PIN.name(),
                            DeliveryKind.PIN.priority(), d.refId(), d.part(), "", true, false, now, null, null,
                            Operation.on(Operation.PIN, (int) ok.messageId())), now);
                }
            });
            counters.sent(d.kind());
            LOG.debug("sent delivery {} to chat {} ({} part {}) as message {}", d.id(), d.chatId(), d.kind(),
                    d.part(), ok.messageId());
            return Effect.NONE;
        }
        if (sentPaid && outcome instanceof SendOutcome.Rejected rejected && refusesPaid(rejected)) {
            paid.refused(rejected.errorCode() + " " + rejected.reason());
            putBack(h, d, now, "paid sending refused: " + rejected.reason(), false);
            return new Effect.Rescheduled(now);
        }
        if (outcome instanceof SendOutcome.RetryAfter wait) {
            return retryAfter(h, d, wait.delay(), now);
        }
        if (outcome instanceof SendOutcome.Blocked blocked) {
            if (isChannel(h, d.chatId())) {
                return holdChannel(h, d, blocked.reason(), now);
            }
            return deactivate(h, d, "blocked: " + blocked.reason(), now);
        }
        if (outcome instanceof SendOutcome.ChatGone gone) {
            if (isChannel(h, d.chatId())) {
                return holdChannel(h, d, gone.reason(), now);
            }
            return deactivate(h, d, "chat gone: " + gone.reason(), now);
        }
        if (outcome instanceof SendOutcome.Migrated migrated) {
            return migrate(h, d, migrated.newChatId(), now);
        }
        if (outcome instanceof SendOutcome.Rejected refused && DeliveryKind.CORRECTION.name().equals(d.kind())
                && isRefusedEdit(refused.reason())) {
            return refusedCorrection(h, d, refused.reason());
        }
        if (outcome instanceof SendOutcome.Rejected rejected) {
            if (rejected.reason().contains("rights") && isChannel(h, d.chatId())) {
                return holdChannel(h, d, rejected.errorCode() + " " + rejected.reason(), now);
            }
            return reject(h, d, rejected.errorCode() + " " + rejected.reason());
        }
        SendOutcome.Transient failure = (SendOutcome.Transient) outcome;
        return transientFailure(h, d, failure.reason(), now);
    }

    /** Telegram's refusals of paid sending itself name Stars or paid broadcasts; other 400s are the message's. */
    private static boolean refusesPaid(SendOutcome.Rejected r) {
        String reason = r.reason().toLowerCase(Locale.ROOT);
        return reason.contains("paid") || reason.contains("star");
    }

    private Effect retryAfter(Handle h, Delivery d, Duration delay, Instant now) {
        boolean global = limiter.retryAfter(d.chatId(), delay);
        Instant at = now.plus(delay);
        putBack(h, d, at, "429 retry after " + delay.toSeconds() + " s", false);
        counters.rateLimited(d.kind());
        LOG.warn("Telegram answered 429 for chat {}: {} paused for {} s, rate now {}% of the limit", d.chatId(),
                global ? "all sending" : "that chat", delay.toSeconds(), Math.round(limiter.rateFactor() * 100));
        return new Effect.Rescheduled(at);
    }

    /** Reschedules the row and holds its chat's later rows behind it, so the chat's order is kept. */
    private void putBack(Handle h, Delivery d, Instant at, String reason, boolean countAttempt) {
        h.useTransaction(tx -> {
            deliveries.reschedule(tx, d.id(), at, reason, countAttempt);
            deliveries.holdChatUntil(tx, d.chatId(), at);
        });
    }

    private Effect deactivate(Handle h, Delivery d, String reason, Instant now) {
        int cancelled = h.inTransaction(tx -> {
            subscribers.setStatus(tx, d.chatId(), SubscriberStatus.BLOCKED, now);
            return deliveries.cancelPendingForChat(tx, d.chatId(), reason);
        });
        counters.blocked(d.kind());
        LOG.info("chat {} unreachable ({}): marked BLOCKED, {} pending deliveries cancelled", d.chatId(), reason,
                cancelled);
        return new Effect.ChatCancelled(d.chatId());
    }

    private boolean isChannel(Handle h, long chatId) {
        return chatId < 0 && channels.findByChat(h, chatId).isPresent();
    }

    /**
     * A configured channel that refused a post (the bot was demoted or removed since the last check) is the
     * operator's to fix, not a reader who left: its posts wait, and the channel check lets them go once fixed.
     */
    private Effect holdChannel(Handle h, Delivery d, String reason, Instant now) {
        h.useTransaction(tx -> {
            channels.setProblemByChat(tx, d.chatId(), "Telegram refused a post: " + reason);
            deliveries.reschedule(tx, d.id(), now, reason, false);
        });
        LOG.warn("channel chat {} refused a post ({}): its posts wait until the bot may post there again",
                d.chatId(), reason);
        return new Effect.Rescheduled(now);
    }

    private Effect migrate(Handle h, Delivery d, long newChatId, Instant now) {
        if (newChatId == d.chatId()) {
            return reject(h, d, "400 migrated to the same chat id");
        }
        int moved = h.inTransaction(tx -> {
            subscribers.migrateChat(tx, d.chatId(), newChatId, now);
            channels.migrateChat(tx, d.chatId(), newChatId);
            // both ids were registered: the old one can never receive again
            if (subscribers.find(tx, d.chatId()).isPresent()) {
                subscribers.setStatus(tx, d.chatId(), SubscriberStatus.BLOCKED, now);
            }
            return deliveries.moveChat(tx, d.chatId(), newChatId);
        });
        LOG.info("chat {} migrated to {}: subscriber and {} pending deliveries moved", d.chatId(), newChatId, moved);
        return new Effect.ChatMoved(d.chatId());
    }

    /**
     * Telegram's answers for a message that can no longer be edited or deleted: it is too old, it was changed, or
     * the reader deleted it. Expected for corrections of old copies, and no retry can change them.
     */
    private static boolean isRefusedEdit(String reason) {
        String r = reason.toLowerCase(java.util.Locale.ROOT);
        return r.contains("message can't be") || r.contains("message to edit not found")
                || r.contains("message to delete not found") || r.contains("there is no text in the message")
                || r.contains("there is no caption in the message") || r.contains("message_id_invalid");
    }

    /**
     * A refused correction row: a delete refused for the message's age (bots may delete for 48 hours) becomes an
     * edit to the withdrawn note the row carries, without spending an attempt; anything else is counted as
     * refused, once, and never retried.
     */
    private Effect refusedCorrection(Handle h, Delivery d, String reason) {
        boolean tooOld = reason.toLowerCase(java.util.Locale.ROOT).contains("can't be deleted");
        if (tooOld && Operation.DELETE.equals(d.operation().action()) && !d.text().isBlank()) {
            Optional<String> edit = corrections.editInsteadOfDelete(h, d.refId());
            if (edit.isPresent() && deliveries.deleteBecomesEdit(h, d.id(), edit.get(), "not deleted: " + reason)) {
                LOG.info("message {} in chat {} cannot be deleted any more ({}): correction {} edits it to the "
                        + "withdrawn note instead", d.operation().targetMessageId(), d.chatId(), reason, d.refId());
                return new Effect.Rescheduled(time.now());
            }
        }
        deliveries.fail(h, d.id(), "refused: " + reason, true);
        counters.failed(d.kind());
        LOG.info("Telegram refused correction {} of message {} in chat {}, not retried: {}", d.refId(),
                d.operation().targetMessageId(), d.chatId(), reason);
        return Effect.NONE;
    }

    private Effect reject(Handle h, Delivery d, String reason) {
        Operation op = d.operation();
        if (op.sourceChatId() != null && reason.contains(SOURCE_GONE)) {
            // the message being copied was deleted: every pending copy of it would fail the same way
            int cancelled = h.inTransaction(tx -> {
                deliveries.fail(tx, d.id(), reason, true);
                return deliveries.cancelPendingCopiesOf(tx, op.sourceChatId(), op.sourceMessageIds(),
                        "source gone: " + reason);
            });
            counters.failed(d.kind());
            LOG.warn("delivery {} to chat {}: the message it copies ({} in chat {}) is gone; {} pending copies of it "
                    + "cancelled", d.id(), d.chatId(), op.sourceMessageIds(), op.sourceChatId(), cancelled);
            return new Effect.QueueChanged();
        }
        deliveries.fail(h, d.id(), reason, true);
        counters.failed(d.kind());
        LOG.error("delivery {} to chat {} ({}) rejected by Telegram, not retried: {}", d.id(), d.chatId(), d.kind(),
                reason);
        return Effect.NONE;
    }

    private Effect transientFailure(Handle h, Delivery d, String reason, Instant now) {
        if (!health.failed(d.id(), reason)) {
            // Telegram itself may be down: the row waits without losing an attempt, and the sender checks
            Instant at = now;
            putBack(h, d, at, reason, false);
            LOG.debug("delivery {} to chat {} failed while Telegram is in doubt; kept without counting: {}", d.id(),
                    d.chatId(), reason);
            return new Effect.Rescheduled(at);
        }
        int failures = d.attempts() + 1;
        Optional<Duration> delay = retry.delayAfter(failures);
        if (delay.isEmpty()) {
            deliveries.fail(h, d.id(), reason, true);
            counters.failed(d.kind());
            LOG.warn("delivery {} to chat {} ({}) failed after {} attempts: {}", d.id(), d.chatId(), d.kind(),
                    failures, reason);
            return Effect.NONE;
        }
        Instant at = now.plus(delay.get());
        putBack(h, d, at, reason, true);
        counters.retried(d.kind());
        LOG.debug("delivery {} to chat {} failed (attempt {}), retrying in {} ms: {}", d.id(), d.chatId(), failures,
                delay.get().toMillis(), reason);
        return new Effect.Rescheduled(at);
    }
}
