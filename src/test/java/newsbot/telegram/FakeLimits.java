package newsbot.telegram;

/**
 * Telegram's limits as the fake enforces them, kept here rather than read from production code: a fake that
 * used the bot's own constants would agree with any mistake in them (DESIGN §6).
 */
final class FakeLimits {

    /** Message text, after entity parsing; Telegram counts characters, UTF-16 units here are stricter. */
    static final int MAX_MESSAGE = 4096;
    /** Photo caption. */
    static final int MAX_CAPTION = 1024;
    /** A file a bot uploads (sendDocument, sendPhoto takes 10 MB): 50 MB. */
    static final int MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
    /** answerInlineQuery: "No more than 50 results per query are allowed." */
    static final int MAX_INLINE_RESULTS = 50;
    /** An inline result's id: "1-64 bytes". */
    static final int MAX_INLINE_RESULT_ID_BYTES = 64;

    private FakeLimits() {
    }
}
