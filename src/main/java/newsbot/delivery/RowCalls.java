package newsbot.delivery;

import newsbot.store.Delivery;
import newsbot.store.Operation;
import newsbot.telegram.KeyboardJson;
import newsbot.telegram.Outgoing;
import newsbot.telegram.OutgoingMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/** The Bot API call an outbox row stands for. */
final class RowCalls {

    private final KeyboardJson keyboards = new KeyboardJson();

    /** @param paid whether this call goes with allow_paid_broadcast (the sender decided it may) */
    Outgoing of(Delivery d, boolean paid) {
        Operation op = d.operation();
        InlineKeyboardMarkup keyboard = keyboards.read(d.replyMarkup());
        switch (op.action()) {
            case Operation.COPY:
            case Operation.COPY_ALBUM:
                return new Outgoing.Copy(d.chatId(), op.sourceChatId(), Operation.messageIds(op.sourceMessageIds()),
                        d.text().isEmpty() ? null : d.text(), keyboard, d.silent(), d.threadId(), paid);
            case Operation.PIN:
                return new Outgoing.Pin(d.chatId(), op.targetMessageId());
            case Operation.EDIT_TEXT:
                return new Outgoing.EditText(d.chatId(), op.targetMessageId(), d.text(), keyboard);
            case Operation.EDIT_CAPTION:
                return new Outgoing.EditCaption(d.chatId(), op.targetMessageId(), d.text(), keyboard);
            case Operation.DELETE:
                return new Outgoing.Delete(d.chatId(), op.targetMessageId());
            default:
                return new OutgoingMessage(d.chatId(), d.text(), d.silent(), d.linkPreview(), keyboard, d.threadId(),
                        paid);
        }
    }
}
