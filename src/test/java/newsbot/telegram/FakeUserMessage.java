package newsbot.telegram;

import java.util.List;

/**
 * A message a test makes a user send. Build with {@link #of} (text), the media factories ({@link #photo},
 * {@link #video}, {@link #document}, {@link #audio}, {@link #animation}, {@link #voice}), {@link #poll},
 * {@link #quiz} or {@link #newMember} (a service message), then the {@code with...} methods.
 *
 * <p>{@code text} is the text of a text message, the caption of a media message (null: none) or the question of a
 * poll; {@code entities} are its entities, caption_entities for media. The update carries what Telegram sends:
 * photo as PhotoSize array, the media objects with file_id and file_unique_id, caption, caption_entities,
 * media_group_id, the Poll object.
 *
 * @param languageCode     the user's language_code, or null to omit it
 * @param chatType         "private", "group" or "supergroup"; null: by the sign of the chat id
 * @param username         the user's username, or null
 * @param entities         the message (or caption) entities; null: for a text, a bot_command entity is added when
 *                         it starts with '/'
 * @param replyToMessageId the message replied to, or null
 * @param threadId         the forum topic it is written in (message_thread_id, is_topic_message), or null
 * @param kind             "text", "photo", "video", "document", "audio", "animation", "voice", "poll" or "service"
 * @param mediaGroupId     the album (media_group_id) of a photo or video, or null
 * @param pollOptions      a poll's options, empty for other kinds
 * @param correctOptionId  a quiz's correct option, null for a regular poll and other kinds. As Telegram does, the
 *                         update shows it to the bot only in a private chat: a quiz from a group cannot be copied
 */
public record FakeUserMessage(long chatId, long userId, String text, String languageCode, String chatType,
                              String username, List<FakeEntity> entities, Integer replyToMessageId,
                              Integer threadId, String kind, String mediaGroupId, List<String> pollOptions,
                              Integer correctOptionId) {

    /** The kinds a user's message can have. */
    public static final List<String> KINDS = List.of("text", "photo", "video", "document", "audio", "animation",
            "voice", "poll", "service");

    public FakeUserMessage {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown kind " + kind);
        }
        pollOptions = pollOptions == null ? List.of() : List.copyOf(pollOptions);
    }

    /** A text message (the shape before media). */
    public FakeUserMessage(long chatId, long userId, String text, String languageCode, String chatType,
                           String username, List<FakeEntity> entities, Integer replyToMessageId, Integer threadId) {
        this(chatId, userId, text, languageCode, chatType, username, entities, replyToMessageId, threadId, "text",
                null, List.of(), null);
    }

    public static FakeUserMessage of(long chatId, long userId, String text) {
        return new FakeUserMessage(chatId, userId, text, null, null, null, null, null, null);
    }

    /** A photo; {@code caption} may be null. */
    public static FakeUserMessage photo(long chatId, long userId, String caption) {
        return media("photo", chatId, userId, caption);
    }

    public static FakeUserMessage video(long chatId, long userId, String caption) {
        return media("video", chatId, userId, caption);
    }

    public static FakeUserMessage document(long chatId, long userId, String caption) {
        return media("document", chatId, userId, caption);
    }

    public static FakeUserMessage audio(long chatId, long userId, String caption) {
        return media("audio", chatId, userId, caption);
    }

    /** A GIF or silent video; like Telegram the update also carries it as {@code document}. */
    public static FakeUserMessage animation(long chatId, long userId, String caption) {
        return media("animation", chatId, userId, caption);
    }

    public static FakeUserMessage voice(long chatId, long userId, String caption) {
        return media("voice", chatId, userId, caption);
    }

    /** A regular, anonymous, open poll. */
    public static FakeUserMessage poll(long chatId, long userId, String question, String... options) {
        return new FakeUserMessage(chatId, userId, question, null, null, null, null, null, null, "poll", null,
                List.of(options), null);
    }

    /** A quiz; {@code correctOptionId} is 0-based. */
    public static FakeUserMessage quiz(long chatId, long userId, String question, int correctOptionId,
                                       String... options) {
        if (correctOptionId < 0 || correctOptionId >= options.length) {
            throw new IllegalArgumentException("correct option " + correctOptionId + " of " + options.length);
        }
        return new FakeUserMessage(chatId, userId, question, null, null, null, null, null, null, "poll", null,
                List.of(options), correctOptionId);
    }

    /** A service message: the user joined the group (new_chat_members). Service messages can't be copied. */
    public static FakeUserMessage newMember(long chatId, long userId) {
        return new FakeUserMessage(chatId, userId, null, null, null, null, null, null, null, "service", null,
                List.of(), null);
    }

    private static FakeUserMessage media(String kind, long chatId, long userId, String caption) {
        return new FakeUserMessage(chatId, userId, caption, null, null, null, null, null, null, kind, null,
                List.of(), null);
    }

    public boolean isMedia() {
        return !kind.equals("text") && !kind.equals("poll") && !kind.equals("service");
    }

    public FakeUserMessage withLanguage(String code) {
        return new FakeUserMessage(chatId, userId, text, code, chatType, username, entities, replyToMessageId,
                threadId, kind, mediaGroupId, pollOptions, correctOptionId);
    }

    public FakeUserMessage withChatType(String type) {
        return new FakeUserMessage(chatId, userId, text, languageCode, type, username, entities, replyToMessageId,
                threadId, kind, mediaGroupId, pollOptions, correctOptionId);
    }

    public FakeUserMessage withUsername(String name) {
        return new FakeUserMessage(chatId, userId, text, languageCode, chatType, name, entities, replyToMessageId,
                threadId, kind, mediaGroupId, pollOptions, correctOptionId);
    }

    public FakeUserMessage withEntities(List<FakeEntity> list) {
        return new FakeUserMessage(chatId, userId, text, languageCode, chatType, username, List.copyOf(list),
                replyToMessageId, threadId, kind, mediaGroupId, pollOptions, correctOptionId);
    }

    /** The caption_entities of a media message (the same slot as {@link #withEntities}). */
    public FakeUserMessage withCaptionEntities(List<FakeEntity> list) {
        if (!isMedia()) {
            throw new IllegalStateException("a " + kind + " message has no caption");
        }
        return withEntities(list);
    }

    /** Puts a photo or video into an album: every message of it carries this media_group_id. */
    public FakeUserMessage withMediaGroup(String id) {
        if (!kind.equals("photo") && !kind.equals("video") && !kind.equals("document") && !kind.equals("audio")) {
            throw new IllegalStateException("a " + kind + " message can't be part of an album");
        }
        return new FakeUserMessage(chatId, userId, text, languageCode, chatType, username, entities,
                replyToMessageId, threadId, kind, id, pollOptions, correctOptionId);
    }

    public FakeUserMessage replyingTo(int messageId) {
        return new FakeUserMessage(chatId, userId, text, languageCode, chatType, username, entities, messageId,
                threadId, kind, mediaGroupId, pollOptions, correctOptionId);
    }

    public FakeUserMessage inTopic(int topic) {
        return new FakeUserMessage(chatId, userId, text, languageCode, chatType, username, entities,
                replyToMessageId, topic, kind, mediaGroupId, pollOptions, correctOptionId);
    }
}
