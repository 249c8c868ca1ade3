package newsbot.telegram;

import java.util.List;
import java.util.Optional;

/**
 * A message the bot sent, as the fake holds it: {@code text} is what the bot sent (HTML source when
 * {@code parseMode} is HTML), {@code plainText} what a reader sees. After editMessageText or editMessageCaption
 * the fake's current view of the message ({@link FakeBotApi#current}) carries the new text and an incremented
 * {@code edits}.
 *
 * <p>For a media message (kind other than "text" and "poll") {@code text} and {@code plainText} hold the
 * caption, source and visible ("" when there is none), so helpers that read the text keep working; {@code caption}
 * is the caption source or null. For a poll they hold the question. A copy (copyMessage, copyMessages) whose
 * caption was kept holds the original's visible caption or text with {@code parseMode} null: Telegram copies
 * entities, not markup.
 *
 * @param replyMarkupJson the reply_markup as JSON, or null
 * @param keyboard        the inline keyboard rows, empty when there is none
 * @param sentAtNanos     when the fake accepted it, on the fake's nano clock
 * @param kind            "text", {@link #RICH}, "photo", "video", "document", "audio", "animation", "voice" or "poll"
 * @param caption         a media message's caption as sent (HTML source when {@code parseMode} is HTML), or null
 * @param copiedFrom      the message it is a copy of, or null when it was not made by copyMessage(s)
 * @param mediaGroupId    the album it belongs to (media_group_id), or null
 * @param paid            sent with allow_paid_broadcast=true (and paid for)
 * @param threadId        the message_thread_id it was sent with, or null
 */
public record FakeMessage(long chatId, int messageId, String text, String plainText, String parseMode,
                          boolean disableNotification, boolean linkPreviewDisabled, String replyMarkupJson,
                          List<List<FakeButton>> keyboard, long sentAtNanos, int edits, String kind,
                          String caption, Ref copiedFrom, String mediaGroupId, boolean paid, Integer threadId) {

    /** The kind of a rich message (sendRichMessage): {@code text} holds its rich_message JSON. */
    public static final String RICH = "rich";

    /** A message by chat and message id. */
    public record Ref(long chatId, int messageId) {
    }

    /** A text message, not a copy, not paid, outside topics: the shape the fake had before media. */
    public FakeMessage(long chatId, int messageId, String text, String plainText, String parseMode,
                       boolean disableNotification, boolean linkPreviewDisabled, String replyMarkupJson,
                       List<List<FakeButton>> keyboard, long sentAtNanos, int edits) {
        this(chatId, messageId, text, plainText, parseMode, disableNotification, linkPreviewDisabled,
                replyMarkupJson, keyboard, sentAtNanos, edits, "text", null, null, null, false, null);
    }

    public List<FakeButton> buttons() {
        return keyboard.stream().flatMap(List::stream).toList();
    }

    public Optional<FakeButton> button(String buttonText) {
        return buttons().stream().filter(b -> b.text().equals(buttonText)).findFirst();
    }

    public boolean isText() {
        return "text".equals(kind);
    }

    /** Has a caption slot: photo, video, document, audio, animation, voice. */
    public boolean isMedia() {
        return !isText() && !"poll".equals(kind) && !isRich();
    }

    public boolean isRich() {
        return RICH.equals(kind);
    }

    public boolean isCopy() {
        return copiedFrom != null;
    }

    FakeMessage edited(String newText, String newPlainText, String newParseMode, boolean newPreviewDisabled,
                       String newMarkupJson, List<List<FakeButton>> newKeyboard) {
        return new FakeMessage(chatId, messageId, newText, newPlainText, newParseMode, disableNotification,
                newPreviewDisabled, newMarkupJson, newKeyboard, sentAtNanos, edits + 1, kind, caption, copiedFrom,
                mediaGroupId, paid, threadId);
    }

    FakeMessage captionEdited(String newCaption, String newPlainCaption, String newParseMode, String newMarkupJson,
                              List<List<FakeButton>> newKeyboard) {
        boolean none = newCaption == null || newCaption.isEmpty();
        return new FakeMessage(chatId, messageId, none ? "" : newCaption, none ? "" : newPlainCaption,
                newParseMode, disableNotification, linkPreviewDisabled, newMarkupJson, newKeyboard, sentAtNanos,
                edits + 1, kind, none ? null : newCaption, copiedFrom, mediaGroupId, paid, threadId);
    }

    FakeMessage withSentAtNanos(long nanos) {
        return new FakeMessage(chatId, messageId, text, plainText, parseMode, disableNotification,
                linkPreviewDisabled, replyMarkupJson, keyboard, nanos, edits, kind, caption, copiedFrom,
                mediaGroupId, paid, threadId);
    }
}
