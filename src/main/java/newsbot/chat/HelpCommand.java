package newsbot.chat;

import java.util.function.Function;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/** /help: every command with one line each, and the button that opens a tip to the editors. */
final class HelpCommand implements CommandHandler {

    private final Function<String, InlineKeyboardMarkup> keyboard;

    HelpCommand() {
        this(language -> null);
    }

    /** @param keyboard the buttons under the help, in the reader's language */
    HelpCommand(Function<String, InlineKeyboardMarkup> keyboard) {
        this.keyboard = keyboard;
    }

    @Override
    public void handle(Conversation c) {
        c.reply(c.text("help"), keyboard.apply(c.language()));
    }
}
