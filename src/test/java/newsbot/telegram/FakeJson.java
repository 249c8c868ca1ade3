package newsbot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
        ObjectNode node = messageHeader(message.chatId(), message.messageId(), chatType);
        node.put("text", message.plainText());
        if (message.edits() > 0) {
            node.put("edit_date", nowSeconds());
        }
        if (message.replyMarkupJson() != null) {
            node.set("reply_markup", parse(message.replyMarkupJson()));
        }
        return node;
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
