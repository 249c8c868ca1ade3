package newsbot.bot;

import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/** How handlers answer a reader at once: sends, edits and callback answers that share the delivery rate limits. */
public interface Replier {

    SendOutcome send(OutgoingMessage message);

    /** Replaces the text and keyboard of a message the bot sent; "not modified" counts as success. */
    SendOutcome edit(long chatId, int messageId, String html, InlineKeyboardMarkup keyboard);

    /** Replaces only the inline keyboard of a message the bot sent, keeping its text. */
    SendOutcome editKeyboard(long chatId, int messageId, InlineKeyboardMarkup keyboard);

    /** Stops the spinner on a pressed button, optionally with a short toast. */
    void answerCallback(String callbackQueryId, String text);
}
