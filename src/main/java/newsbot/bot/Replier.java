package newsbot.bot;

import newsbot.admin.AdminMessages;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * How handlers answer a reader at once: sends, edits, photos and callback answers that share the delivery rate
 * limits. The editors' tools answer admins through the same object.
 */
public interface Replier extends AdminMessages {

    @Override
    SendOutcome send(OutgoingMessage message);

    /** Replaces the text and keyboard of a message the bot sent; "not modified" counts as success. */
    @Override
    SendOutcome edit(long chatId, int messageId, String html, InlineKeyboardMarkup keyboard);

    /** Replaces only the inline keyboard of a message the bot sent, keeping its text. */
    SendOutcome editKeyboard(long chatId, int messageId, InlineKeyboardMarkup keyboard);

    /** Uploads a PNG (the {@code /stats} chart) with an optional HTML caption of at most 1024 characters. */
    @Override
    SendOutcome sendPhoto(long chatId, byte[] png, String fileName, String captionHtml);

    /** Stops the spinner on a pressed button, optionally with a short toast. */
    void answerCallback(String callbackQueryId, String text);
}
