package newsbot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Builds the Telegram-shaped JSON objects the fake answers with and puts into updates. */
final class FakeJson {

    static final String BOT_USERNAME = "fake_newsbot";

    final ObjectMapper mapper = new ObjectMapper();
    private final long botId;

    FakeJson(long botId) {
        this.botId = botId;
    }

    ObjectNode ok(JsonNode result) {
        ObjectNode answer = mapper.createObjectNode();
        answer.put("ok", true);
        answer.set("result", result);
        return answer;
    }

    ObjectNode error(FakeApiError error) {
        ObjectNode answer = mapper.createObjectNode();
        answer.put("ok", false);
        answer.put("error_code", error.code);
        answer.put("description", error.description);
        if (error.retryAfter != null || error.migrateToChatId != null) {
            ObjectNode parameters = answer.putObject("parameters");
            if (error.retryAfter != null) {
                parameters.put("retry_after", error.retryAfter);
            }
            if (error.migrateToChatId != null) {
                parameters.put("migrate_to_chat_id", error.migrateToChatId);
            }
        }
        return answer;
    }

    ObjectNode botUser() {
        ObjectNode user = mapper.createObjectNode();
        user.put("id", botId);
        user.put("is_bot", true);
        user.put("first_name", "Fake News Bot");
        user.put("username", BOT_USERNAME);
        return user;
    }

    ObjectNode me() {
        ObjectNode me = botUser();
        me.put("can_join_groups", true);
        me.put("can_read_all_group_messages", false);
        me.put("supports_inline_queries", false);
        return me;
    }

    ObjectNode user(long userId, String username, String languageCode) {
        ObjectNode user = mapper.createObjectNode();
        user.put("id", userId);
        user.put("is_bot", false);
        user.put("first_name", "User" + userId);
        if (username != null) {
            user.put("username", username);
        }
        if (languageCode != null) {
            user.put("language_code", languageCode);
        }
        return user;
    }

    ObjectNode chat(long chatId, String type, String username) {
        ObjectNode chat = mapper.createObjectNode();
        chat.put("id", chatId);
        chat.put("type", type);
        if (type.equals("private")) {
            chat.put("first_name", "User" + chatId);
            if (username != null) {
                chat.put("username", username);
            }
        } else {
            chat.put("title", "Chat " + chatId);
        }
        return chat;
    }

    /** The Message object for one of the bot's messages: the text as a reader sees it, entities omitted. */
    ObjectNode botMessage(FakeMessage message, String chatType) {
        return botMessage(message, chatType, null);
    }

    /**
     * The Message object for one of the bot's messages. {@code content} holds what the record does not: the media
     * field(s) (photo, video, poll…) and copied entities or caption_entities; null for a plain text message.
     */
    ObjectNode botMessage(FakeMessage message, String chatType, ObjectNode content) {
        ObjectNode node = messageHeader(message.chatId(), message.messageId(), chatType);
        if (message.threadId() != null) {
            node.put("message_thread_id", message.threadId());
            node.put("is_topic_message", true);
        }
        if (message.isText()) {
            node.put("text", message.plainText());
        } else if (message.isMedia() && !message.plainText().isEmpty()) {
            node.put("caption", message.plainText());
        }
        if (content != null) {
            node.setAll(content.deepCopy());
        }
        if (message.mediaGroupId() != null) {
            node.put("media_group_id", message.mediaGroupId());
        }
        if (message.edits() > 0) {
            node.put("edit_date", nowSeconds());
        }
        if (message.replyMarkupJson() != null) {
            node.set("reply_markup", parse(message.replyMarkupJson()));
        }
        return node;
    }

    /** The media field(s) of a message of this kind, as Telegram sends them (file ids made up, stable). */
    ObjectNode media(String kind, long chatId, int messageId) {
        ObjectNode fields = mapper.createObjectNode();
        String id = kind + "-" + chatId + "-" + messageId;
        String unique = "u" + kind + chatId + "_" + messageId;
        switch (kind) {
            case "photo" -> {
                ArrayNode sizes = fields.putArray("photo");
                sizes.addObject().put("file_id", id + "-s").put("file_unique_id", unique + "s")
                        .put("width", 90).put("height", 67).put("file_size", 1_200);
                sizes.addObject().put("file_id", id).put("file_unique_id", unique)
                        .put("width", 800).put("height", 600).put("file_size", 48_000);
            }
            case "video" -> fields.putObject("video").put("file_id", id).put("file_unique_id", unique)
                    .put("width", 1280).put("height", 720).put("duration", 12).put("mime_type", "video/mp4")
                    .put("file_size", 1_500_000);
            case "document" -> fields.putObject("document").put("file_id", id).put("file_unique_id", unique)
                    .put("file_name", "document-" + messageId + ".pdf").put("mime_type", "application/pdf")
                    .put("file_size", 20_000);
            case "audio" -> fields.putObject("audio").put("file_id", id).put("file_unique_id", unique)
                    .put("duration", 180).put("performer", "Performer").put("title", "Track " + messageId)
                    .put("mime_type", "audio/mpeg").put("file_size", 3_000_000);
            case "animation" -> {
                fields.putObject("animation").put("file_id", id).put("file_unique_id", unique)
                        .put("width", 320).put("height", 240).put("duration", 3)
                        .put("file_name", "animation.mp4").put("mime_type", "video/mp4").put("file_size", 90_000);
                // For backward compatibility Telegram sets document too when animation is set.
                fields.putObject("document").put("file_id", id).put("file_unique_id", unique)
                        .put("file_name", "animation.mp4").put("mime_type", "video/mp4").put("file_size", 90_000);
            }
            case "voice" -> fields.putObject("voice").put("file_id", id).put("file_unique_id", unique)
                    .put("duration", 4).put("mime_type", "audio/ogg").put("file_size", 8_000);
            default -> throw new IllegalArgumentException("not a media kind: " + kind);
        }
        return fields;
    }

    /**
     * A Poll object; {@code correctOptionId} is shown (null: omitted, as Telegram omits it where the bot may not
     * know it). Both the classic correct_option_id and the list form are written.
     */
    ObjectNode poll(String pollId, String question, List<String> options, Integer correctOptionId,
                    boolean showCorrectOption) {
        ObjectNode poll = mapper.createObjectNode();
        poll.put("id", pollId);
        poll.put("question", question);
        ArrayNode array = poll.putArray("options");
        for (String option : options) {
            array.addObject().put("text", option).put("voter_count", 0);
        }
        poll.put("total_voter_count", 0);
        poll.put("is_closed", false);
        poll.put("is_anonymous", true);
        poll.put("type", correctOptionId == null ? "regular" : "quiz");
        poll.put("allows_multiple_answers", false);
        if (correctOptionId != null && showCorrectOption) {
            poll.put("correct_option_id", correctOptionId);
            poll.putArray("correct_option_ids").add(correctOptionId);
        }
        return poll;
    }

    ArrayNode entities(List<FakeEntity> entities) {
        ArrayNode array = mapper.createArrayNode();
        for (FakeEntity e : entities) {
            ObjectNode entity = array.addObject().put("type", e.type()).put("offset", e.offset())
                    .put("length", e.length());
            if (e.url() != null) {
                entity.put("url", e.url());
            }
        }
        return array;
    }

    ObjectNode messageHeader(long chatId, int messageId, String chatType) {
        ObjectNode node = mapper.createObjectNode();
        node.put("message_id", messageId);
        node.set("from", botUser());
        node.set("chat", chat(chatId, chatType, null));
        node.put("date", nowSeconds());
        return node;
    }

    JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }
}
