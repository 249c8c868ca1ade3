package newsbot.chat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import newsbot.delivery.Replier;
import newsbot.messages.Texts;
import newsbot.store.Database;
import newsbot.store.Subscriber;
import newsbot.telegram.OutgoingMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * {@code /forget}: asks first, with two buttons; "erase" deletes everything the bot keeps about the chat
 * ({@link ReaderData#erase}), cancels what is queued for it and confirms with a reply queued after the cancel, so
 * the confirmation still goes. A later {@code /start} is a new reader. In a group only its administrators may ask
 * or press ({@link GroupGuard}).
 */
final class ForgetCommand implements CommandHandler, CallbackHandler {

    static final String PREFIX = "forget:";
    private static final Logger LOG = LoggerFactory.getLogger(ForgetCommand.class);

    /** The two answers to the question, as their buttons' data. */
    enum Choice {
        ERASE("yes"), KEEP("no");

        private final String data;

        Choice(String data) {
            this.data = data;
        }

        static Optional<Choice> of(String data) {
            return Arrays.stream(values()).filter(c -> c.data.equals(data)).findFirst();
        }
    }

    private final Database db;
    private final ReaderData data;
    private final Texts texts;
    private final Replier replier;

    ForgetCommand(Database db, ReaderData data, Texts texts, Replier replier) {
        this.db = db;
        this.data = data;
        this.texts = texts;
        this.replier = replier;
    }

    @Override
    public void handle(Conversation c) {
        InlineKeyboardRow row = new InlineKeyboardRow(List.of(
                Keyboards.button(c.text("forget.button.yes"), PREFIX + Choice.ERASE.data),
                Keyboards.button(c.text("forget.button.no"), PREFIX + Choice.KEEP.data)));
        c.reply(c.text("forget.confirm"), new InlineKeyboardMarkup(List.of(row)));
    }

    @Override
    public void handle(Callback press, Subscriber reader) {
        Optional<Choice> choice = Choice.of(press.payload(PREFIX));
        if (choice.isEmpty()) {
            replier.answerCallback(press.id(), texts.get(reader.language(), "callback.stale"));
            return;
        }
        if (press.messageId() != 0) {
            replier.editKeyboard(press.chatId(), press.messageId(), null); // the question is answered
        }
        if (choice.get() == Choice.KEEP) {
            replier.answerCallback(press.id(), texts.get(reader.language(), "forget.cancelled"));
            return;
        }
        db.useTransaction(h -> data.erase(h, press.chatId()));
        LOG.info("chat {} forgotten at its request", press.chatId());
        press.reply(OutgoingMessage.html(press.chatId(), texts.get(reader.language(), "forget.done")));
        replier.answerCallback(press.id(), null);
    }
}
