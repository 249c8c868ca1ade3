package newsbot.chat;

/** One chat command. */
public interface CommandHandler {

    void handle(Conversation conversation);

    /**
     * Whether it waits for Telegram's answer (an upload): such a handler runs outside the update's transaction,
     * which must not hold the write lock across a round trip, and its replies are stored at once.
     */
    default boolean waitsForTelegram() {
        return false;
    }
}
