package newsbot.chat;

import newsbot.delivery.Replier;
import newsbot.messages.Texts;

import newsbot.store.Subscriber;
import newsbot.telegram.OutgoingMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/** One command being handled: who asked, their settings, and how to answer them in their language. */
public final class Conversation {

    private final Incoming incoming;
    private final Subscriber reader;
    private final Texts texts;
    private final Replier replier;
    private final Message message;
    private final UpdateScope scope;

    /**
     * @param message the whole message, for handlers that need more than the command line; may be null
     * @param scope   the update being handled, which the replies are committed with
     */
    Conversation(Incoming incoming, Subscriber reader, Texts texts, Replier replier, Message message,
                 UpdateScope scope) {
        this.incoming = incoming;
        this.reader = reader;
        this.texts = texts;
        this.replier = replier;
        this.message = message;
        this.scope = scope;
    }

    /** The message being handled, with its entities and the message it replies to; null if not known. */
    public Message message() {
        return message;
    }

    UpdateScope scope() {
        return scope;
    }

    public Incoming incoming() {
        return incoming;
    }

    public Subscriber reader() {
        return reader;
    }

    public long chatId() {
        return incoming.chatId();
    }

    public String args() {
        return incoming.args();
    }

    public String language() {
        return reader.language();
    }

    public String text(String key, Object... args) {
        return texts.get(reader.language(), key, args);
    }

    public void reply(String html) {
        reply(html, null);
    }

    /** Queues a reply in the outbox, committed with the update: it survives a crash and waits for no one. */
    public void reply(String html, InlineKeyboardMarkup keyboard) {
        // in a forum the answer goes to the topic the command was written in
        Integer topic = message != null && message.isTopicMessage() ? message.getMessageThreadId() : null;
        scope.reply(new OutgoingMessage(incoming.chatId(), html, false, false, keyboard, topic));
    }

    /** Replies with a photo, such as a chart; waits for Telegram, so only editors' commands use it. */
    public void replyPhoto(byte[] png, String fileName, String captionHtml) {
        replier.sendPhoto(incoming.chatId(), png, fileName, captionHtml);
    }

    /** Replies with a file and waits for Telegram: only handlers that {@link CommandHandler#waitsForTelegram} may. */
    public newsbot.telegram.SendOutcome replyDocument(byte[] content, String fileName, String captionHtml) {
        return replier.sendDocument(incoming.chatId(), content, fileName, captionHtml);
    }

    /** Replies with a fixed text from the bundles. */
    public void replyWith(String key, Object... args) {
        reply(text(key, args));
    }
}
