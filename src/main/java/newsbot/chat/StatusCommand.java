package newsbot.chat;


import newsbot.store.SubscriberStatus;

/** /stop, /pause and /resume: each sets the reader's delivery status and confirms. */
final class StatusCommand implements CommandHandler {

    private final Readers readers;
    private final SubscriberStatus status;
    private final String confirmationKey;

    public StatusCommand(Readers readers, SubscriberStatus status, String confirmationKey) {
        this.readers = readers;
        this.status = status;
        this.confirmationKey = confirmationKey;
    }

    @Override
    public void handle(Conversation c) {
        readers.setStatus(c.chatId(), status);
        c.replyWith(confirmationKey);
    }
}
