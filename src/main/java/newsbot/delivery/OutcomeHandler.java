package newsbot.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import newsbot.store.Channels;
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

    private final OutboxTable deliveries;
    private final Subscribers subscribers;
    private final RateLimiter limiter;
    private final RetryPolicy retry;
    private final DeliveryCounters counters;
    private final DeliveryTime time;
    private final TelegramHealth health;
    private final Channels channels = new Channels();
    private final PaidLane paid;
    /** How a copy whose original the editor deleted is marked failed: campaigns look for it. */
    static final String SOURCE_GONE = "source gone: ";

    OutcomeHandler(OutboxTable deliveries, Subscribers subscribers, RateLimiter limiter, RetryPolicy retry,
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
        Instant now = time.now();
        Effect effect = outcome.match(new SendOutcome.Cases<>() {
            @Override
            public Effect delivered(SendOutcome.Delivered ok) {
                return markSent(h, d, ok.sent(), sentPaid, now);
            }

            @Override
            public Effect notModified(SendOutcome.NotModified n) {
                // the message already shows what the row asked for: done
                return markSent(h, d, SendOutcome.Sent.DONE, false, now);
            }

            @Override
            public Effect retryAfter(SendOutcome.RetryAfter r) {
                return OutcomeHandler.this.retryAfter(h, d, r.delay(), now);
            }

            @Override
            public Effect blocked(SendOutcome.Blocked b) {
                return unreachable(h, d, "blocked: " + b.reason(), b.reason(), now);
            }

            @Override
            public Effect chatGone(SendOutcome.ChatGone g) {
                return unreachable(h, d, "chat gone: " + g.reason(), g.reason(), now);
            }

            @Override
            public Effect migrated(SendOutcome.Migrated m) {
                return migrate(h, d, m.newChatId(), now);
            }

            @Override
            public Effect cannotEdit(SendOutcome.CannotEdit e) {
                return refusedForGood(h, d, e.reason());
            }

            @Override
            public Effect cannotDelete(SendOutcome.CannotDelete c) {
                if (c.tooOld() && d.request() instanceof Request.DeleteOrEdit retract) {
                    return deleteBecomesEdit(h, d, retract, c.reason());
                }
                return refusedForGood(h, d, c.reason());
            }

            @Override
            public Effect sourceGone(SendOutcome.SourceGone s) {
                return OutcomeHandler.this.sourceGone(h, d, s.reason());
            }

            @Override
            public Effect noRights(SendOutcome.NoRights n) {
                if (isChannel(h, d.chatId())) {
                    return holdChannel(h, d, n.reason(), now);
                }
                return reject(h, d, n.reason());
            }

            @Override
            public Effect paidRefused(SendOutcome.PaidRefused p) {
                if (!sentPaid) {
                    return reject(h, d, p.reason());
                }
                paid.refused(p.reason());
                putBack(h, d, now, "paid sending refused: " + p.reason(), false);
                return new Effect.Rescheduled(now);
            }

            @Override
            public Effect richRefused(SendOutcome.RichRefused r) {
                if (d.request() instanceof Request.SendRich rich) {
                    return richBecomesText(h, d, rich, r.reason());
                }
                return reject(h, d, r.reason());
            }

            @Override
            public Effect rejected(SendOutcome.Rejected r) {
                return reject(h, d, r.errorCode() + " " + r.reason());
            }

            @Override
            public Effect transientFailure(SendOutcome.Transient t) {
                return OutcomeHandler.this.transientFailure(h, d, t.reason(), now);
            }
        });
        if (sentPaid) {
            paid.settled(h, outcome instanceof SendOutcome.Delivered);
        }
        return effect;
    }

    private Effect markSent(Handle h, Delivery d, SendOutcome.Sent sent, boolean sentPaid, Instant now) {
        h.useTransaction(tx -> {
            // with the text it carried: a correction may have replaced the row's text while it was on the wire
            deliveries.markSent(tx, d.id(), sent, sentPaid, d.request(), now);
            if (d.manner().then() == Manner.Then.PIN && sent.firstMessageId().isPresent()) {
                // the pin is a row of its own: paced, retried and reported like any call
                deliveries.insertIfAbsent(tx, new NewRow(d.chatId(), DeliveryKind.PIN, d.refId(), d.part(),
                        new Request.Pin(sent.firstMessageId().getAsLong()), Manner.PLAIN.with(Manner.Sound.SILENT),
                        now), now);
            }
        });
        counters.sent(d.kind());
        LOG.debug("sent delivery {} to chat {} ({} part {}): {}", d.id(), d.chatId(), d.kind(), d.part(), sent);
        return Effect.NONE;
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

    /** A reader who blocked the bot or whose chat is gone; a configured channel waits for its operator instead. */
    private Effect unreachable(Handle h, Delivery d, String reason, String telegramSaid, Instant now) {
        if (isChannel(h, d.chatId())) {
            return holdChannel(h, d, telegramSaid, now);
        }
        return deactivate(h, d, reason, now);
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
     * A delete Telegram refuses for the message's age (bots may delete for 48 hours) becomes the edit to the
     * withdrawn note the request carries, due at once, without spending an attempt.
     */
    private Effect deleteBecomesEdit(Handle h, Delivery d, Request.DeleteOrEdit retract, String reason) {
        if (deliveries.replaceRequest(h, d.id(), retract.fallback(), "not deleted: " + reason)) {
            LOG.info("message {} in chat {} cannot be deleted any more ({}): edited to the withdrawn note instead",
                    retract.messageId(), d.chatId(), reason);
        }
        return new Effect.Rescheduled(time.now());
    }

    /**
     * A chat where Telegram takes no rich messages: the row becomes its compact text, due now, without spending an
     * attempt, and the chat is remembered so later articles are composed as text from the start.
     */
    private Effect richBecomesText(Handle h, Delivery d, Request.SendRich rich, String reason) {
        h.useTransaction(tx -> {
            subscribers.markRichRefused(tx, d.chatId(), time.now());
            deliveries.replaceRequest(tx, d.id(), rich.fallback(), "rich message refused: " + reason);
        });
        LOG.info("chat {} takes no rich messages ({}): delivery {} goes as text", d.chatId(), reason, d.id());
        return new Effect.Rescheduled(time.now());
    }

    /** A refusal no retry can change (the message to edit or delete is gone or too old): counted once. */
    private Effect refusedForGood(Handle h, Delivery d, String reason) {
        deliveries.fail(h, d.id(), "refused: " + reason, true);
        counters.failed(d.kind());
        LOG.info("Telegram refused delivery {} ({}) in chat {}, not retried: {}", d.id(), d.kind(), d.chatId(), reason);
        return Effect.NONE;
    }

    /** The message being copied was deleted: every pending copy of it would fail the same way. */
    private Effect sourceGone(Handle h, Delivery d, String reason) {
        Optional<Source> copied = d.request() instanceof Request.Copy c ? Optional.of(new Source(c.fromChatId(),
                c.messageId())) : d.request() instanceof Request.CopyAlbum a
                ? Optional.of(new Source(a.fromChatId(), a.messageIds().get(0))) : Optional.empty();
        if (copied.isEmpty()) {
            return reject(h, d, reason);
        }
        Source source = copied.get();
        int cancelled = h.inTransaction(tx -> {
            deliveries.fail(tx, d.id(), SOURCE_GONE + reason, true);
            return deliveries.cancelPendingCopiesOf(tx, source.chatId(), source.messageId(), "source gone: " + reason);
        });
        counters.failed(d.kind());
        LOG.warn("delivery {} to chat {}: the message it copies ({} in chat {}) is gone; {} pending copies of it "
                + "cancelled", d.id(), d.chatId(), source.messageId(), source.chatId(), cancelled);
        return new Effect.QueueChanged();
    }

    /** The editor's message a copy copies. */
    private record Source(long chatId, long messageId) {
    }

    private Effect reject(Handle h, Delivery d, String reason) {
        deliveries.fail(h, d.id(), reason, true);
        counters.failed(d.kind());
        LOG.error("delivery {} to chat {} ({}) rejected by Telegram, not retried: {}", d.id(), d.chatId(), d.kind(),
                reason);
        return Effect.NONE;
    }

    private Effect transientFailure(Handle h, Delivery d, String reason, Instant now) {
        if (!health.failed(d.id(), d.chatId(), reason)) {
            // Telegram itself may be down: the row waits without losing an attempt, and the sender checks
            Instant at = now;
            putBack(h, d, at, reason, false);
            LOG.debug("delivery {} to chat {} failed while Telegram is in doubt; kept without counting: {}", d.id(),
                    d.chatId(), reason);
            return new Effect.Rescheduled(at);
        }
        int failures = d.progress().attempts() + 1;
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
