package newsbot.chat;

/** /help: every command with one line each. */
final class HelpCommand implements CommandHandler {

    @Override
    public void handle(Conversation c) {
        c.replyWith("help");
    }
}
