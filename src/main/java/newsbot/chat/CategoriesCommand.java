package newsbot.chat;

/** /categories: the toggle keyboard with the reader's current choice. */
final class CategoriesCommand implements CommandHandler {

    private final Readers readers;
    private final Keyboards keyboards;

    CategoriesCommand(Readers readers, Keyboards keyboards) {
        this.readers = readers;
        this.keyboards = keyboards;
    }

    @Override
    public void handle(Conversation c) {
        c.reply(c.text("categories.prompt"), keyboards.categories(readers.categories(c.chatId()), c.language()));
    }
}
