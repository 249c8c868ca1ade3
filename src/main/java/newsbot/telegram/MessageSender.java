package newsbot.telegram;

/** Sends one message and reports what Telegram answered; never throws for API or network failures. */
public interface MessageSender {

    SendOutcome send(OutgoingMessage message);

    /**
     * Asks Telegram something harmless (getMe) to learn whether it answers at all: how the sender tells an
     * outage, which is nobody's fault, from one message's own failure.
     */
    SendOutcome probe();
}
