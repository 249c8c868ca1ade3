package newsbot.bot;

/**
 * A pressed inline button.
 *
 * @param messageId the message carrying the button, or 0 when Telegram no longer shows it to us
 */
record Callback(String id, long chatId, long userId, String chatType, String languageCode, int messageId,
                String data) {

    /** The part of the data after {@code prefix}. */
    String payload(String prefix) {
        return data.substring(prefix.length());
    }
}
