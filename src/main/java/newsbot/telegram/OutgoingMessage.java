package newsbot.telegram;

import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * One HTML message to send: text already escaped for Telegram HTML and at most 4096 UTF-16 units.
 *
 * @param keyboard inline keyboard to attach, or {@code null} for none
 */
public record OutgoingMessage(long chatId, String html, boolean silent, boolean linkPreview,
                              InlineKeyboardMarkup keyboard) {

    public static OutgoingMessage html(long chatId, String html) {
        return new OutgoingMessage(chatId, html, false, false, null);
    }

    public OutgoingMessage withChatId(long newChatId) {
        return new OutgoingMessage(newChatId, html, silent, linkPreview, keyboard);
    }

    public OutgoingMessage withKeyboard(InlineKeyboardMarkup newKeyboard) {
        return new OutgoingMessage(chatId, html, silent, linkPreview, newKeyboard);
    }
}
