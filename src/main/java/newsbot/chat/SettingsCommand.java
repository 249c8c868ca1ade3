package newsbot.chat;


/** /settings: everything the reader has chosen, in one message, with buttons for the common changes. */
final class SettingsCommand implements CommandHandler {

    private final Readers readers;
    private final SettingsView view;

    public SettingsCommand(Readers readers, SettingsView view) {
        this.readers = readers;
        this.view = view;
    }

    @Override
    public void handle(Conversation c) {
        var reader = readers.find(c.chatId()).orElse(c.reader());
        c.reply(view.text(reader), view.keyboard(reader));
    }
}
