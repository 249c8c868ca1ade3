package newsbot.admin;

import newsbot.delivery.Replier;
import newsbot.testing.RecordingReplier;

import java.util.ArrayList;
import java.util.List;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * Records what the editors' tools sent to admins, refusing at once what Telegram would refuse (too long, unknown
 * tags, broken entities), as strictly as the fake Bot API.
 */
public final class RecordingMessages implements Replier {

    /** A message as sent, with the id it got. */
    public record Sent(int messageId, OutgoingMessage message) {
    }

    /** An edit of an earlier message. */
    public record Edit(long chatId, int messageId, String html, InlineKeyboardMarkup keyboard) {
    }

    /** An uploaded photo. */
    public record Photo(long chatId, byte[] png, String fileName, String caption) {
    }

    public final List<Sent> sent = new ArrayList<>();
    public final List<Edit> edits = new ArrayList<>();
    public final List<Photo> photos = new ArrayList<>();
    private int nextId = 500;

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
        RecordingReplier.assertValidHtml(message.html());
        int id = nextId++;
        sent.add(new Sent(id, message));
        return SendOutcome.Delivered.message(id);
    }

    @Override
    public synchronized SendOutcome edit(long chatId, int messageId, String html, InlineKeyboardMarkup keyboard) {
        RecordingReplier.assertValidHtml(html);
        edits.add(new Edit(chatId, messageId, html, keyboard));
        return SendOutcome.Delivered.message(messageId);
    }

    @Override
    public synchronized SendOutcome sendPhoto(long chatId, byte[] png, String fileName, String captionHtml) {
        photos.add(new Photo(chatId, png, fileName, captionHtml));
        return SendOutcome.Delivered.message(nextId++);
    }

    /** Callback answers, as given. */
    public final List<String> answers = new ArrayList<>();

    @Override
    public synchronized void editLater(long chatId, int messageId, String html, InlineKeyboardMarkup keyboard) {
        edit(chatId, messageId, html, keyboard);
    }

    @Override
    public synchronized void editKeyboard(long chatId, int messageId, InlineKeyboardMarkup keyboard) {
        edits.add(new Edit(chatId, messageId, null, keyboard));
    }

    @Override
    public synchronized void answerCallback(String callbackQueryId, String text) {
        answers.add(text);
    }

    @Override
    public synchronized void answerCallbackWithUrl(String callbackQueryId, String url) {
        answers.add(url);
    }

    public synchronized List<Sent> to(long chatId) {
        return sent.stream().filter(s -> s.message().chatId() == chatId).toList();
    }

    public synchronized Sent last() {
        return sent.get(sent.size() - 1);
    }

    public synchronized Edit lastEdit() {
        return edits.get(edits.size() - 1);
    }
}
