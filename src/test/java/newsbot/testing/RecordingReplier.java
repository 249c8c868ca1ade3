package newsbot.testing;

import newsbot.delivery.Replier;

import java.util.ArrayList;
import java.util.List;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;
import newsbot.telegram.TelegramHtmlValidator;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * Records what the handlers answered, as Telegram would have accepted it: the calls that live in memory, and the
 * replies that {@link World} reads back from the outbox after each update.
 */
public final class RecordingReplier implements Replier {

    public record Edit(long chatId, int messageId, String html, InlineKeyboardMarkup keyboard) {
    }

    public record Answer(String callbackId, String text) {
    }

    public final List<OutgoingMessage> sent = new ArrayList<>();
    public final List<Edit> edits = new ArrayList<>();
    public final List<Answer> answers = new ArrayList<>();
    private int nextMessageId = 1000;

    /** What Telegram would refuse fails the test at once: too long, unknown tags, broken entities. */
    public static void assertValidHtml(String html) {
        TelegramHtmlValidator.Result parsed = TelegramHtmlValidator.parse(html);
        if (!parsed.valid() || html.length() > 4096 || parsed.plainText().isBlank()) {
            throw new AssertionError("Telegram would refuse this message (" + parsed.error() + "): " + html);
        }
    }

    /** Calls other than text messages (copies of an editor's message, say), as made. */
    public final List<newsbot.telegram.Outgoing> calls = new ArrayList<>();

    @Override
    public synchronized SendOutcome perform(newsbot.telegram.Outgoing call) {
        if (call instanceof OutgoingMessage message) {
            return send(message);
        }
        calls.add(call);
        return SendOutcome.Delivered.message(9000 + calls.size());
    }

    @Override
    public synchronized SendOutcome send(OutgoingMessage message) {
        assertValidHtml(message.html());
        sent.add(message);
        return SendOutcome.Delivered.message(nextMessageId++);
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
        assertValidHtml(message.html());
        sent.add(message);
    }

    @Override
    public synchronized void answerCallback(String callbackQueryId, String text) {
        answers.add(new Answer(callbackQueryId, text));
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

    @Override
    public SendOutcome sendPhoto(long chatId, byte[] png, String fileName, String captionHtml) {
        return new SendOutcome.Transient("photos are not recorded here");
    }
}
