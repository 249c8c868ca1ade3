package newsbot.bot;

import newsbot.admin.AdminMessages;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * The calls that live in memory only, handed to the sender without waiting for Telegram: callback answers and
 * edits of messages the bot sent (after a crash they are worth nothing). Replies are outbox rows instead
 * ({@link UpdateScope#reply}). The editors' tools, which need Telegram's answer (a preview's message id), wait for
 * it through {@link AdminMessages}, outside any update transaction.
 */
public interface Replier extends AdminMessages {

    /** Replaces the text and keyboard of a message the bot sent, later; "not modified" counts as success. */
    void editLater(long chatId, int messageId, String html, InlineKeyboardMarkup keyboard);

    /** Replaces only the inline keyboard of a message the bot sent, keeping its text, later. */
    void editKeyboard(long chatId, int messageId, InlineKeyboardMarkup keyboard);

    /** Stops the spinner on a pressed button, optionally with a short toast; ahead of everything else. */
    void answerCallback(String callbackQueryId, String text);
}
