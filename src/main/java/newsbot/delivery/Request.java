package newsbot.delivery;

import java.util.List;
import newsbot.html.RichDocument;

/**
 * What an outbox row asks Telegram to do, closed: each kind has its own typed fields, stored in their own columns.
 * The call for a row ({@link RowCalls}) and the handling of a refusal ({@link OutcomeHandler}) go through
 * {@link #accept}, so a new kind of request fails to compile until both handle it.
 */
public sealed interface Request {

    <R> R accept(Cases<R> cases);

    /** The HTML this row sends or edits to ('' for a copy that keeps its caption, a pin or a delete). */
    String html();

    /** One method per kind of request. */
    interface Cases<R> {
        R sendText(SendText r);

        R copy(Copy r);

        R copyAlbum(CopyAlbum r);

        R pin(Pin r);

        R editText(EditText r);

        R editCaption(EditCaption r);

        R delete(Delete r);

        R deleteOrEdit(DeleteOrEdit r);

        R sendRich(SendRich r);
    }

    /** sendMessage with this escaped HTML (at most one message long: the outbox splits longer texts). */
    record SendText(String html) implements Request {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.sendText(this);
        }
    }

    /** copyMessage of an editor's message, with its caption replaced by {@code html} unless that is ''. */
    record Copy(long fromChatId, long messageId, String html) implements Request {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.copy(this);
        }
    }

    /** copyMessages of an editor's album, which stays one album. */
    record CopyAlbum(long fromChatId, List<Long> messageIds) implements Request {
        public CopyAlbum {
            messageIds = List.copyOf(messageIds);
            if (messageIds.size() < 2) {
                throw new IllegalArgumentException("an album has at least two messages");
            }
        }

        @Override
        public String html() {
            return "";
        }

        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.copyAlbum(this);
        }
    }

    /** pinChatMessage of a delivered message, without a notification. */
    record Pin(long messageId) implements Request {
        @Override
        public String html() {
            return "";
        }

        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.pin(this);
        }
    }

    /** editMessageText of a delivered message. */
    record EditText(long messageId, String html) implements Request {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.editText(this);
        }
    }

    /** editMessageCaption of a delivered media message. */
    record EditCaption(long messageId, String html) implements Request {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.editCaption(this);
        }
    }

    /** deleteMessage of a delivered message. */
    record Delete(long messageId) implements Request {
        @Override
        public String html() {
            return "";
        }

        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.delete(this);
        }
    }

    /**
     * A retraction's: delete the message, and where Telegram no longer lets a bot delete it (48 hours), edit it to
     * the withdrawn note {@code html} instead, its text or its caption as {@code edit} says.
     */
    record DeleteOrEdit(long messageId, EditOf edit, String html) implements Request {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.deleteOrEdit(this);
        }

        /** The edit that stands in for the delete. */
        public Request fallback() {
            return edit == EditOf.TEXT ? new EditText(messageId, html) : new EditCaption(messageId, html);
        }
    }

    /**
     * sendRichMessage of {@code document} (an article read in Telegram); {@code html} is its compact text form, sent
     * instead, once, where Telegram refuses rich messages in the chat.
     */
    record SendRich(RichDocument document, String html) implements Request {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.sendRich(this);
        }

        /** The compact form that stands in for the rich message. */
        public Request fallback() {
            return new SendText(html);
        }
    }

    /** Which part of a delivered message an edit changes. */
    enum EditOf {
        TEXT, CAPTION
    }
}
