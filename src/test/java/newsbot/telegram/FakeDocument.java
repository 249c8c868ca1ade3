package newsbot.telegram;

import java.nio.charset.StandardCharsets;

/** A file the bot uploaded with sendDocument; {@code caption} is the caption as sent (HTML source), or null. */
public record FakeDocument(long chatId, int messageId, byte[] bytes, String fileName, String caption,
                           String parseMode, long sentAtNanos) {

    /** The file's content read as UTF-8 text. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
