package newsbot.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import newsbot.store.Deliveries;
import newsbot.store.Delivery;
import newsbot.store.SubscriberStatus;
import newsbot.store.Subscribers;
import newsbot.telegram.SendOutcome;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns Telegram's answer to one delivery into the row's next state, subscriber changes, limiter and counters. */
final class OutcomeHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeHandler.class);
    private static final int MARK_SENT_TRIES = 3;

    /** What the dispatcher must know afterwards. */
    record Effect(Instant rescheduledTo, Long cancelledChat, boolean rowsMoved) {
        static final Effect NONE = new Effect(null, null, false);
    }

    private final Deliveries deliveries;
    private final Subscribers subscribers;
    private final RateLimiter limiter;
    private final RetryPolicy retry;
    private final DeliveryCounters counters;
    private final DeliveryTime time;

    OutcomeHandler(Deliveries deliveries, Subscribers subscribers, RateLimiter limiter,
                   RetryPolicy retry, DeliveryCounters counters, DeliveryTime time) {
        this.deliveries = deliveries;
        this.subscribers = subscribers;
        this.limiter = limiter;
        this.retry = retry;
        this.counters = counters;
        this.time = time;
    }

    /** Records the outcome on {@code h}, the dispatcher's own connection. */
    Effect handle(Handle h, Delivery d, SendOutcome outcome) {
        Instant now = time.now();
        if (outcome instanceof SendOutcome.Delivered ok) {
            markSent(h, d, ok.messageId(), now);
            counters.sent();
            LOG.debug("sent delivery {} to chat {} ({} part {}) as message {}", d.id(), d.chatId(), d.kind(),
                    d.part(), ok.messageId());
            return Effect.NONE;
        }
        if (outcome instanceof SendOutcome.RetryAfter wait) {
            return retryAfter(h, d, wait.delay(), now);
        }
        if (outcome instanceof SendOutcome.Blocked blocked) {
            return deactivate(h, d, "blocked: " + blocked.reason(), now);
        }
        if (outcome instanceof SendOutcome.ChatGone gone) {
            return deactivate(h, d, "chat gone: " + gone.reason(), now);
        }
        if (outcome instanceof SendOutcome.Migrated migrated) {
            return migrate(h, d, migrated.newChatId(), now);
        }
        if (outcome instanceof SendOutcome.Rejected rejected) {
            return reject(h, d, rejected.errorCode() + " " + rejected.reason());
        }
        SendOutcome.Transient failure = (SendOutcome.Transient) outcome;
        return transientFailure(h, d, failure.reason(), now);
    }

    private void markSent(Handle h, Delivery d, long messageId, Instant now) {
        // Telegram has the message: failing to record it means sending it again, so insist a little
        for (int attempt = 1; ; attempt++) {
            try {
                deliveries.markSent(h, d.id(), messageId, now);
                return;
            } catch (RuntimeException e) {
                if (attempt >= MARK_SENT_TRIES) {
                    throw e;
                }
                LOG.warn("could not mark delivery {} sent (try {}): {}", d.id(), attempt, e.toString());
            }
        }
    }

    private Effect retryAfter(Handle h, Delivery d, Duration delay, Instant now) {
        limiter.pause(delay);
        Instant at = now.plus(delay);
        deliveries.reschedule(h, d.id(), at, "429 retry after " + delay.toSeconds() + " s", false);
        counters.rateLimited();
        LOG.warn("Telegram answered 429 for chat {}: all sending paused for {} s, rate now {}% of the limit",
                d.chatId(), delay.toSeconds(), Math.round(limiter.rateFactor() * 100));
        return new Effect(at, null, false);
    }

    private Effect deactivate(Handle h, Delivery d, String reason, Instant now) {
        int cancelled = h.inTransaction(tx -> {
            subscribers.setStatus(tx, d.chatId(), SubscriberStatus.BLOCKED, now);
            return deliveries.cancelPendingForChat(tx, d.chatId(), reason);
        });
        counters.blocked();
        LOG.info("chat {} unreachable ({}): marked BLOCKED, {} pending deliveries cancelled", d.chatId(), reason,
                cancelled);
        return new Effect(null, d.chatId(), false);
    }

    private Effect migrate(Handle h, Delivery d, long newChatId, Instant now) {
        if (newChatId == d.chatId()) {
            return reject(h, d, "400 migrated to the same chat id");
        }
        int moved = h.inTransaction(tx -> {
            subscribers.migrateChat(tx, d.chatId(), newChatId, now);
            // both ids were registered: the old one can never receive again
            if (subscribers.find(tx, d.chatId()).isPresent()) {
                subscribers.setStatus(tx, d.chatId(), SubscriberStatus.BLOCKED, now);
            }
            return deliveries.moveChat(tx, d.chatId(), newChatId);
        });
        LOG.info("chat {} migrated to {}: subscriber and {} pending deliveries moved", d.chatId(), newChatId, moved);
        return new Effect(null, d.chatId(), true);
    }

    private Effect reject(Handle h, Delivery d, String reason) {
        deliveries.fail(h, d.id(), reason, true);
        counters.failed();
        LOG.error("delivery {} to chat {} ({}) rejected by Telegram, not retried: {}", d.id(), d.chatId(), d.kind(),
                reason);
        return Effect.NONE;
    }

    private Effect transientFailure(Handle h, Delivery d, String reason, Instant now) {
        int failures = d.attempts() + 1;
        Optional<Duration> delay = retry.delayAfter(failures);
        if (delay.isEmpty()) {
            deliveries.fail(h, d.id(), reason, true);
            counters.failed();
            LOG.warn("delivery {} to chat {} ({}) failed after {} attempts: {}", d.id(), d.chatId(), d.kind(),
                    failures, reason);
            return Effect.NONE;
        }
        Instant at = now.plus(delay.get());
        deliveries.reschedule(h, d.id(), at, reason, true);
        counters.retried();
        LOG.debug("delivery {} to chat {} failed (attempt {}), retrying in {} ms: {}", d.id(), d.chatId(), failures,
                delay.get().toMillis(), reason);
        return new Effect(at, null, false);
    }
}
