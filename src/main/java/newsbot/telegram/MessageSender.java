package newsbot.telegram;

/** Sends one message and reports what Telegram answered; never throws for API or network failures. */
public interface MessageSender {
    SendOutcome send(OutgoingMessage message);
}
