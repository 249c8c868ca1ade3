package newsbot.chat;

import newsbot.messages.Texts;

import java.util.Locale;
import java.util.Map;

/** /language ru|en|ky, or a language's own name. */
final class LanguageCommand implements CommandHandler {

    /** What readers type instead of the code; a language without aliases is still chosen by its code. */
    private static final Map<String, String> ALIASES = Map.of("русский", "ru", "рус", "ru", "english", "en",
            "eng", "en", "кыргызча", "ky", "кыргыз", "ky", "kyrgyz", "ky");

    private final Readers readers;
    private final Texts texts;

    public LanguageCommand(Readers readers, Texts texts) {
        this.readers = readers;
        this.texts = texts;
    }

    @Override
    public void handle(Conversation c) {
        String wanted = c.args().toLowerCase(Locale.ROOT);
        wanted = ALIASES.getOrDefault(wanted, wanted);
        if (!Texts.isSupported(wanted)) {
            c.replyWith("language.usage");
            return;
        }
        readers.setLanguage(c.chatId(), wanted);
        c.reply(texts.get(wanted, "language.set"));
    }
}
