package newsbot.telegram;

import java.util.List;
import java.util.Optional;

/**
 * A message the bot sent, as the fake holds it: {@code text} is what the bot sent (HTML source when
 * {@code parseMode} is HTML), {@code plainText} what a reader sees. After editMessageText the fake's current view
 * of the message ({@link FakeBotApi#current}) carries the new text and an incremented {@code edits}.
 *
 * @param replyMarkupJson the reply_markup as JSON, or null
 * @param keyboard        the inline keyboard rows, empty when there is none
 * @param sentAtNanos     when the fake accepted it, on the fake's nano clock
 */
public record FakeMessage(long chatId, int messageId, String text, String plainText, String parseMode,
                          boolean disableNotification, boolean linkPreviewDisabled, String replyMarkupJson,
                          List<List<FakeButton>> keyboard, long sentAtNanos, int edits) {

    public List<FakeButton> buttons() {
        return keyboard.stream().flatMap(List::stream).toList();
    }

    public Optional<FakeButton> button(String buttonText) {
        return buttons().stream().filter(b -> b.text().equals(buttonText)).findFirst();
    }

    FakeMessage edited(String newText, String newPlainText, String newParseMode, boolean newPreviewDisabled,
                       String newMarkupJson, List<List<FakeButton>> newKeyboard) {
        return new FakeMessage(chatId, messageId, newText, newPlainText, newParseMode, disableNotification,
                newPreviewDisabled, newMarkupJson, newKeyboard, sentAtNanos, edits + 1);
    }
}
