package newsbot.delivery;

import newsbot.telegram.MessageSender;
import newsbot.telegram.Outgoing;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;

/**
 * A sender that tells the limiter when each call really leaves: a worker thread woken late must not make a call
 * arrive in a second the limiter counted as having room.
 */
final class DepartureStamp implements MessageSender {

    private final MessageSender sender;
    private final RateLimiter limiter;

    DepartureStamp(MessageSender sender, RateLimiter limiter) {
        this.sender = sender;
        this.limiter = limiter;
    }

    @Override
    public SendOutcome send(OutgoingMessage message) {
        limiter.departing(message.chatId());
        return sender.send(message);
    }

    @Override
    public SendOutcome perform(Outgoing call) {
        limiter.departing(call.chatId());
        return sender.perform(call);
    }

    @Override
    public SendOutcome probe() {
        return sender.probe();
    }
}
