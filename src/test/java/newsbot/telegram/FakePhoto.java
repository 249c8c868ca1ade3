package newsbot.telegram;

/** A photo the bot uploaded with sendPhoto; {@code caption} is the caption as sent (HTML source), or null. */
public record FakePhoto(long chatId, int messageId, byte[] bytes, String fileName, String caption,
                        String parseMode, long sentAtNanos) {
}
