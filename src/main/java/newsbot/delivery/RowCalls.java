package newsbot.delivery;

import java.util.List;
import newsbot.telegram.KeyboardJson;
import newsbot.telegram.Outgoing;
import newsbot.telegram.OutgoingMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/** The Bot API call an outbox row stands for: one case per kind of {@link Request}. */
final class RowCalls {

    private final KeyboardJson keyboards = new KeyboardJson();

    /** @param paid whether this call goes with allow_paid_broadcast (the sender decided it may) */
    Outgoing of(Delivery d, boolean paid) {
        Manner m = d.manner();
        InlineKeyboardMarkup keyboard = keyboards.read(m.keyboardJson());
        long chat = d.chatId();
        return d.request().accept(new Request.Cases<Outgoing>() {
            @Override
            public Outgoing sendText(Request.SendText r) {
                return new OutgoingMessage(chat, r.html(), m.silent(), m.preview() == Manner.Preview.SHOW, keyboard,
                        m.threadId(), paid);
            }

            @Override
            public Outgoing copy(Request.Copy r) {
                return new Outgoing.Copy(chat, r.fromChatId(), List.of(messageId(r.messageId())),
                        r.html().isEmpty() ? null : r.html(), keyboard, m.silent(), m.threadId(), paid);
            }

            @Override
            public Outgoing copyAlbum(Request.CopyAlbum r) {
                return new Outgoing.Copy(chat, r.fromChatId(), r.messageIds().stream().map(RowCalls::messageId).toList(),
                        null, null, m.silent(), m.threadId(), false);
            }

            @Override
            public Outgoing pin(Request.Pin r) {
                return new Outgoing.Pin(chat, messageId(r.messageId()));
            }

            @Override
            public Outgoing editText(Request.EditText r) {
                return new Outgoing.EditText(chat, messageId(r.messageId()), r.html(), keyboard);
            }

            @Override
            public Outgoing editCaption(Request.EditCaption r) {
                return new Outgoing.EditCaption(chat, messageId(r.messageId()), r.html(), keyboard);
            }

            @Override
            public Outgoing delete(Request.Delete r) {
                return new Outgoing.Delete(chat, messageId(r.messageId()));
            }

            @Override
            public Outgoing deleteOrEdit(Request.DeleteOrEdit r) {
                return new Outgoing.Delete(chat, messageId(r.messageId())); // the edit comes if Telegram refuses
            }

            @Override
            public Outgoing sendRich(Request.SendRich r) {
                return new Outgoing.Rich(chat, r.document(), m.silent(), m.threadId());
            }
        });
    }

    /** The library takes message ids as int; Telegram's fit, as its documentation promises. */
    private static int messageId(long id) {
        return Math.toIntExact(id);
    }
}
