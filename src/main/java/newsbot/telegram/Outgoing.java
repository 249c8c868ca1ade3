package newsbot.telegram;

import java.util.List;
import newsbot.html.RichDocument;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * One call the sender makes for an outbox row: a message to send ({@link OutgoingMessage}), a copy of a message
 * an editor composed, or an operation on a message already delivered. Closed: the gateway handles each.
 */
public sealed interface Outgoing permits OutgoingMessage, Outgoing.Copy, Outgoing.Pin, Outgoing.EditText,
        Outgoing.EditCaption, Outgoing.Delete, Outgoing.Rich {

    long chatId();

    /** Calls the case for this kind of call: a new kind fails to compile until every {@link Calls} handles it. */
    <R> R accept(Calls<R> calls);

    /** One method per kind of call. */
    interface Calls<R> {
        R message(OutgoingMessage m);

        R copy(Copy c);

        R pin(Pin p);

        R editText(EditText e);

        R editCaption(EditCaption e);

        R delete(Delete d);

        R rich(Rich r);
    }

    /** The same call for a chat that has a new id (a group that became a supergroup). */
    Outgoing withChatId(long newChatId);

    /**
     * copyMessage (one id) or copyMessages (an album, whose copies keep it together; Telegram allows no keyboard,
     * caption override or paid sending there).
     *
     * @param captionHtml a caption replacing the original's, or {@code null} to keep it
     * @param keyboard    an inline keyboard (one message only), or {@code null}
     * @param paid        with allow_paid_broadcast (one message only)
     */
    record Copy(long chatId, long fromChatId, List<Integer> messageIds, String captionHtml,
                InlineKeyboardMarkup keyboard, boolean silent, Integer threadId, boolean paid) implements Outgoing {
        @Override
        public <R> R accept(Calls<R> calls) {
            return calls.copy(this);
        }

        public Copy {
            messageIds = List.copyOf(messageIds);
            if (messageIds.isEmpty()) {
                throw new IllegalArgumentException("nothing to copy");
            }
        }

        public boolean album() {
            return messageIds.size() > 1;
        }

        @Override
        public Copy withChatId(long newChatId) {
            return new Copy(newChatId, fromChatId, messageIds, captionHtml, keyboard, silent, threadId, paid);
        }
    }

    /** pinChatMessage, without a notification. */
    record Pin(long chatId, int messageId) implements Outgoing {
        @Override
        public <R> R accept(Calls<R> calls) {
            return calls.pin(this);
        }

        @Override
        public Pin withChatId(long newChatId) {
            return new Pin(newChatId, messageId);
        }
    }

    /** editMessageText, keeping (or setting) the inline keyboard. */
    record EditText(long chatId, int messageId, String html, InlineKeyboardMarkup keyboard) implements Outgoing {
        @Override
        public <R> R accept(Calls<R> calls) {
            return calls.editText(this);
        }

        @Override
        public EditText withChatId(long newChatId) {
            return new EditText(newChatId, messageId, html, keyboard);
        }
    }

    /** editMessageCaption of a media message, keeping (or setting) the inline keyboard. */
    record EditCaption(long chatId, int messageId, String html, InlineKeyboardMarkup keyboard) implements Outgoing {
        @Override
        public <R> R accept(Calls<R> calls) {
            return calls.editCaption(this);
        }

        @Override
        public EditCaption withChatId(long newChatId) {
            return new EditCaption(newChatId, messageId, html, keyboard);
        }
    }

    /** deleteMessage (Telegram allows a bot this for 48 hours after sending). */
    record Delete(long chatId, int messageId) implements Outgoing {
        @Override
        public <R> R accept(Calls<R> calls) {
            return calls.delete(this);
        }

        @Override
        public Delete withChatId(long newChatId) {
            return new Delete(newChatId, messageId);
        }
    }

    /** sendRichMessage of a composed document (an article read in Telegram). */
    record Rich(long chatId, RichDocument document, boolean silent, Integer threadId) implements Outgoing {
        @Override
        public <R> R accept(Calls<R> calls) {
            return calls.rich(this);
        }

        @Override
        public Rich withChatId(long newChatId) {
            return new Rich(newChatId, document, silent, threadId);
        }
    }
}
