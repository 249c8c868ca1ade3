package newsbot.testing;

import newsbot.delivery.Replier;

import java.util.ArrayList;
import java.util.List;
import newsbot.telegram.Outgoing;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;
import newsbot.telegram.TelegramHtmlValidator;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * Records what the bot answered (handlers, editors' tools), as Telegram would have accepted it: the calls made in
 * memory, each with the message id it got, and the replies that {@link World} reads back from the outbox after each
 * update. What Telegram would refuse fails the test at once, as strictly as the fake Bot API.
 */
public final class RecordingReplier implements Replier {

    /** A message as sent, with the id it got. */
    public record Sent(int messageId, OutgoingMessage message) {
    }

    /** An edit of an earlier message; {@code html} is null when only the keyboard changed. */
    public record Edit(long chatId, int messageId, String html, InlineKeyboardMarkup keyboard) {
    }

    public record Answer(String callbackId, String text) {
    }

    /** An uploaded photo. */
    public record Photo(long chatId, byte[] png, String fileName, String caption) {
    }

    public final List<OutgoingMessage> sent = new ArrayList<>();
    public final List<Edit> edits = new ArrayList<>();
    public final List<Answer> answers = new ArrayList<>();
    public final List<Photo> photos = new ArrayList<>();
    /** Calls other than text messages (copies of an editor's message, say), as made. */
    public final List<Outgoing> calls = new ArrayList<>();
    private final List<Sent> withIds = new ArrayList<>();
    private int nextMessageId = 1000;

    /**
     * Telegram's verdict ({@link TelegramHtmlValidator#checkMessage}), plus the bot's own promise that a message's
     * HTML is at most 4096 UTF-16 units (what the splitter guarantees).
     */
    public static void assertValidHtml(String html) {
        TelegramHtmlValidator.checkMessage(html).ifPresent(refusal -> {
            throw new AssertionError("Telegram would refuse this message (" + refusal + "): " + html);
        });
        if (html.length() > 4096) {
            throw new AssertionError("longer than 4096 UTF-16 units (" + html.length() + "): " + html);
        }
    }

    @Override
    public synchronized SendOutcome perform(Outgoing call) {
        if (call instanceof OutgoingMessage message) {
            return send(message);
        }
        calls.add(call);
        return SendOutcome.Delivered.message(9000 + calls.size());
    }

    @Override
    public synchronized SendOutcome send(OutgoingMessage message) {
        return SendOutcome.Delivered.message(record(message));
    }

    @Override
    public synchronized SendOutcome edit(long chatId, int messageId, String html, InlineKeyboardMarkup keyboard) {
        assertValidHtml(html);
        edits.add(new Edit(chatId, messageId, html, keyboard));
        return SendOutcome.Delivered.message(messageId);
    }

    @Override
    public synchronized void editLater(long chatId, int messageId, String html, InlineKeyboardMarkup keyboard) {
        edit(chatId, messageId, html, keyboard);
    }

    @Override
    public synchronized void editKeyboard(long chatId, int messageId, InlineKeyboardMarkup keyboard) {
        edits.add(new Edit(chatId, messageId, null, keyboard));
    }

    /** A reply row the outbox holds, as the sender would send it. */
    public synchronized void replied(OutgoingMessage message) {
        record(message);
    }

    @Override
    public synchronized void answerCallback(String callbackQueryId, String text) {
        answers.add(new Answer(callbackQueryId, text));
    }

    @Override
    public synchronized SendOutcome sendPhoto(long chatId, byte[] png, String fileName, String captionHtml) {
        if (captionHtml != null && !captionHtml.isEmpty()) { // a photo may go without a caption
            TelegramHtmlValidator.checkCaption(captionHtml).ifPresent(refusal -> {
                throw new AssertionError("Telegram would refuse this caption (" + refusal + "): " + captionHtml);
            });
        }
        photos.add(new Photo(chatId, png, fileName, captionHtml));
        return SendOutcome.Delivered.message(nextMessageId++);
    }

    @Override
    public synchronized void answerCallbackWithUrl(String callbackQueryId, String url) {
        answers.add(new Answer(callbackQueryId, url));
    }

    public synchronized OutgoingMessage last() {
        return sent.get(sent.size() - 1);
    }

    public synchronized List<String> textsTo(long chatId) {
        return sent.stream().filter(m -> m.chatId() == chatId).map(OutgoingMessage::html).toList();
    }

    /** The messages one chat was sent, with their ids, in order. */
    public synchronized List<Sent> to(long chatId) {
        return withIds.stream().filter(s -> s.message().chatId() == chatId).toList();
    }

    public synchronized Edit lastEdit() {
        return edits.get(edits.size() - 1);
    }

    private int record(OutgoingMessage message) {
        assertValidHtml(message.html());
        int id = nextMessageId++;
        sent.add(message);
        withIds.add(new Sent(id, message));
        return id;
    }

    @Override
    public void answerInline(String inlineQueryId, java.util.List<newsbot.telegram.InlineArticle> results,
                             int cacheSeconds, boolean personal) {
        // not recorded here: the inline flow is tested end to end against FakeBotApi
    }

    /** A file sent with sendDocument. */
    public record Document(long chatId, byte[] content, String fileName, String captionHtml) {
    }

    public final List<Document> documents = new ArrayList<>();

    @Override
    public synchronized SendOutcome sendDocument(long chatId, byte[] content, String fileName, String captionHtml) {
        documents.add(new Document(chatId, content, fileName, captionHtml));
        return SendOutcome.Delivered.message(nextMessageId++);
    }
}
