package newsbot.bot;

/** One chat command. */
interface CommandHandler {

    void handle(Conversation conversation);
}
