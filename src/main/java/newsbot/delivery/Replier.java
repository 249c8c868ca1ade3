package newsbot.delivery;

import newsbot.telegram.Outgoing;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * The Bot API calls that live in memory only, all through the one sender. Callback answers and edits are handed
 * over without waiting (after a crash they are worth nothing); replies to readers are outbox rows instead. The
 * editors' tools, which need Telegram's answer (a preview's message id), wait for it with {@link #send},
 * {@link #edit}, {@link #sendPhoto} and {@link #sendDocument}, outside any update transaction.
 */
public interface Replier {

    /** Replaces the text and keyboard of a message the bot sent, later; "not modified" counts as success. */
    void editLater(long chatId, int messageId, String html, InlineKeyboardMarkup keyboard);

    /** Replaces only the inline keyboard of a message the bot sent, keeping its text, later. */
    void editKeyboard(long chatId, int messageId, InlineKeyboardMarkup keyboard);

    /** Stops the spinner on a pressed button, optionally with a short toast; ahead of everything else. */
    void answerCallback(String callbackQueryId, String text);

    /** Answers an inline query with article cards, later, ahead of messages; an answer is never stored. */
    void answerInline(String inlineQueryId, java.util.List<newsbot.telegram.InlineArticle> results, int cacheSeconds,
                      boolean personal);

    /**
     * Answers a press by opening {@code url} in the presser's client: Telegram allows only a t.me link to this bot
     * with a start parameter, which opens the private chat with the bot.
     */
    void answerCallbackWithUrl(String callbackQueryId, String url);

    /** Sends a message and waits for Telegram's answer (an editor's preview, a progress message). */
    SendOutcome send(OutgoingMessage message);

    /** Makes any call (a copy of an editor's message as its preview, say) and waits for Telegram's answer. */
    SendOutcome perform(Outgoing call);

    /** Replaces the text and keyboard of a message the bot sent and waits; "not modified" counts as success. */
    SendOutcome edit(long chatId, int messageId, String html, InlineKeyboardMarkup keyboard);

    /** Uploads a PNG with an optional HTML caption (at most 1024 characters) and waits. */
    SendOutcome sendPhoto(long chatId, byte[] png, String fileName, String captionHtml);

    /** Uploads a file (a reader's /mydata) with an optional HTML caption (at most 1024 characters) and waits. */
    SendOutcome sendDocument(long chatId, byte[] content, String fileName, String captionHtml);
}
