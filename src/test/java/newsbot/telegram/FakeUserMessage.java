package newsbot.telegram;

import java.util.List;

/**
 * A message a test makes a user send. Build with {@link #of} and the {@code with...} methods.
 *
 * @param languageCode     the user's language_code, or null to omit it
 * @param chatType         "private", "group" or "supergroup"; null: by the sign of the chat id
 * @param username         the user's username, or null
 * @param entities         the message entities; null: a bot_command entity is added when the text starts with '/'
 * @param replyToMessageId the message replied to, or null
 * @param threadId         the forum topic it is written in (message_thread_id, is_topic_message), or null
 */
public record FakeUserMessage(long chatId, long userId, String text, String languageCode, String chatType,
                              String username, List<FakeEntity> entities, Integer replyToMessageId,
                              Integer threadId) {

    public static FakeUserMessage of(long chatId, long userId, String text) {
        return new FakeUserMessage(chatId, userId, text, null, null, null, null, null, null);
    }

    public FakeUserMessage withLanguage(String code) {
        return new FakeUserMessage(chatId, userId, text, code, chatType, username, entities, replyToMessageId, threadId);
    }

    public FakeUserMessage withChatType(String type) {
        return new FakeUserMessage(chatId, userId, text, languageCode, type, username, entities, replyToMessageId, threadId);
    }

    public FakeUserMessage withUsername(String name) {
        return new FakeUserMessage(chatId, userId, text, languageCode, chatType, name, entities, replyToMessageId, threadId);
    }

    public FakeUserMessage withEntities(List<FakeEntity> list) {
        return new FakeUserMessage(chatId, userId, text, languageCode, chatType, username, List.copyOf(list),
                replyToMessageId, threadId);
    }

    public FakeUserMessage replyingTo(int messageId) {
        return new FakeUserMessage(chatId, userId, text, languageCode, chatType, username, entities, messageId, threadId);
    }

    public FakeUserMessage inTopic(int topic) {
        return new FakeUserMessage(chatId, userId, text, languageCode, chatType, username, entities, replyToMessageId,
                topic);
    }
}
