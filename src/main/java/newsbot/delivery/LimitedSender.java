package newsbot.delivery;

import newsbot.telegram.MessageSender;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;

/**
 * The sender for interactive replies: sends straight through the gateway, but first books a slot on the same
 * limiter the dispatcher uses, so replies and pushes together stay within Telegram's limits. A reply books the
 * next free slot, so it waits at most one global slot behind the dispatcher (plus its own chat's spacing).
 */
public final class LimitedSender implements MessageSender {

    private final MessageSender gateway;
    private final RateLimiter limiter;
    private final DeliveryCounters counters;
    private final DeliveryTime time;

    public LimitedSender(MessageSender gateway, RateLimiter limiter, DeliveryCounters counters, DeliveryTime time) {
        this.gateway = gateway;
        this.limiter = limiter;
        this.counters = counters;
        this.time = time;
    }

    /**
     * Waits for the booked slot, then sends. An interrupt while waiting gives up the send as a transient failure
     * and keeps the thread's interrupt flag set.
     */
    @Override
    public SendOutcome send(OutgoingMessage message) {
        long delay = limiter.reserveDelayNanos(message.chatId());
        long until = time.nanoTime() + delay;
        try {
            // sleepNanos may return early; the slot is booked, so only the clock matters
            for (long left = delay; left > 0; left = until - time.nanoTime()) {
                time.sleepNanos(left);
            }
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
