package newsbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * getMe read field by field: the library refuses a whole answer that lacks a field it insists on ({@code is_bot}),
 * and a bot that cannot learn its own name cannot tell commands meant for it in groups.
 */
final class LenientGetMe extends GetMe {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public User deserializeResponse(String answer) throws TelegramApiRequestException {
        JsonNode root;
        try {
            root = JSON.readTree(answer);
        } catch (java.io.IOException e) {
            throw new TelegramApiRequestException("Unable to deserialize response", e);
        }
        JsonNode result = root.path("result");
        if (!root.path("ok").asBoolean(false) || !result.isObject()) {
            return super.deserializeResponse(answer); // the library's own error, with Telegram's code and text
        }
        User user = new User(result.path("id").asLong(), result.path("first_name").asText(""),
                result.path("is_bot").asBoolean(true));
        user.setUserName(result.hasNonNull("username") ? result.get("username").asText() : null);
        user.setSupportInlineQueries(result.path("supports_inline_queries").asBoolean(false));
        return user;
    }
}
