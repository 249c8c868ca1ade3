package newsbot.chat;

import newsbot.telegram.OutgoingMessage;

/**
 * A pressed inline button.
 *
 * @param messageId the message carrying the button, or 0 when Telegram no longer shows it to us
 * @param scope     the update of the press, which a message sent in answer is committed with
 */
public record Callback(String id, long chatId, long userId, String chatType, String languageCode, int messageId,
                String data, UpdateScope scope) {

    /** The part of the data after {@code prefix}. */
    public String payload(String prefix) {
        return data.substring(prefix.length());
    }

    /** Answers the press with a message of its own, queued with the update like a command's reply. */
    public void reply(OutgoingMessage message) {
        scope.reply(message);
    }
}
