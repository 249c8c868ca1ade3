package newsbot.telegram;

/** Sends one message and reports what Telegram answered; never throws for API or network failures. */
public interface MessageSender {

    SendOutcome send(OutgoingMessage message);

    /**
     * Makes the call an outbox row stands for: a send, a copy, or an operation on a delivered message. A sender
     * that knows only text messages (a test's) answers the others as rejected, as Telegram answers what it cannot do.
     */
    default SendOutcome perform(Outgoing call) {
        if (call instanceof OutgoingMessage message) {
            return send(message);
        }
        return new SendOutcome.Rejected(400, "Bad Request: this sender cannot " + call.getClass().getSimpleName());
    }

    /**
     * Asks Telegram something harmless (getMe) to learn whether it answers at all: how the sender tells an
     * outage, which is nobody's fault, from one message's own failure.
     */
    SendOutcome probe();
}
