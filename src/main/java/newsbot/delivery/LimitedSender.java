package newsbot.delivery;

import newsbot.telegram.MessageSender;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;

/**
 * The sender for interactive replies: sends straight through the gateway, but first books a slot on the same
 * limiter the dispatcher uses, so replies and pushes together stay within Telegram's limits. A reply books the
 * next free global slot, so it waits at most one slot behind the dispatcher (plus its own chat's spacing).
 * Blocks the calling thread for that wait: call it from the update handler's thread, not the dispatcher's.
 */
public final class LimitedSender implements MessageSender {

    private final MessageSender gateway;
    private final RateLimiter limiter;
    private final DeliveryCounters counters;

    public LimitedSender(MessageSender gateway, RateLimiter limiter, DeliveryCounters counters) {
        this.gateway = gateway;
        this.limiter = limiter;
        this.counters = counters;
    }

    /**
     * Waits for the booked slot, then sends. An interrupt while waiting gives up the send as a transient failure
     * and keeps the thread's interrupt flag set.
     */
    @Override
    public SendOutcome send(OutgoingMessage message) {
        try {
            limiter.awaitSlot(message.chatId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Transient("interrupted while waiting for a send slot");
        }
        SendOutcome outcome = gateway.send(message);
        if (outcome instanceof SendOutcome.RetryAfter wait) {
            limiter.pause(wait.delay());
            counters.rateLimited();
        }
        return outcome;
    }
}
