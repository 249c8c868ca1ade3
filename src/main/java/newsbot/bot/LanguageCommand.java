package newsbot.bot;

import java.util.Locale;

/** /language ru|en. */
final class LanguageCommand implements CommandHandler {

    private final Readers readers;
    private final Texts texts;

    LanguageCommand(Readers readers, Texts texts) {
        this.readers = readers;
        this.texts = texts;
    }

    @Override
    public void handle(Conversation c) {
        String wanted = c.args().toLowerCase(Locale.ROOT);
        if (wanted.equals("русский") || wanted.equals("рус")) {
            wanted = Texts.RU;
        } else if (wanted.equals("english") || wanted.equals("eng")) {
            wanted = Texts.EN;
        }
        if (!Texts.isSupported(wanted)) {
            c.replyWith("language.usage");
            return;
        }
        readers.setLanguage(c.chatId(), wanted);
        c.reply(texts.get(wanted, "language.set"));
    }
}
