package newsbot.telegram;

import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * One HTML message to send: text already escaped for Telegram HTML and at most 4096 UTF-16 units.
 *
 * @param keyboard inline keyboard to attach, or {@code null} for none
 * @param threadId the forum topic (message_thread_id) to post into, or {@code null} for the chat itself
 * @param paid     sent with allow_paid_broadcast: beyond the free 30/s, for Stars
 */
public record OutgoingMessage(long chatId, String html, boolean silent, boolean linkPreview,
                              InlineKeyboardMarkup keyboard, Integer threadId, boolean paid) implements Outgoing {

    public OutgoingMessage(long chatId, String html, boolean silent, boolean linkPreview,
                           InlineKeyboardMarkup keyboard, Integer threadId) {
        this(chatId, html, silent, linkPreview, keyboard, threadId, false);
    }

    public OutgoingMessage(long chatId, String html, boolean silent, boolean linkPreview,
                           InlineKeyboardMarkup keyboard) {
        this(chatId, html, silent, linkPreview, keyboard, null, false);
    }

    public static OutgoingMessage html(long chatId, String html) {
        return new OutgoingMessage(chatId, html, false, false, null);
    }

    @Override
    public <R> R accept(Calls<R> calls) {
        return calls.message(this);
    }

    @Override
    public OutgoingMessage withChatId(long newChatId) {
        return new OutgoingMessage(newChatId, html, silent, linkPreview, keyboard, threadId, paid);
    }

    public OutgoingMessage withKeyboard(InlineKeyboardMarkup newKeyboard) {
        return new OutgoingMessage(chatId, html, silent, linkPreview, newKeyboard, threadId, paid);
    }
}
