package newsbot.chat;

/** One chat command. */
public interface CommandHandler {

    void handle(Conversation conversation);
}
