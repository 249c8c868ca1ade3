package newsbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Validates a reply_markup as Telegram does and extracts its inline keyboard. */
final class FakeMarkup {

    /** The markup as canonical JSON (null for none) and its inline keyboard rows. */
    record Parsed(String json, List<List<FakeButton>> keyboard) {
        static final Parsed NONE = new Parsed(null, List.of());
    }

    private FakeMarkup() {
    }

    static Parsed parse(JsonNode markup, FakeJson json) {
        if (markup == null || markup.isNull()) {
            return Parsed.NONE;
        }
        if (!markup.isObject()) {
            throw FakeApiError.badRequest("can't parse reply keyboard markup JSON object");
        }
        JsonNode rows = markup.get("inline_keyboard");
        if (rows == null) {
            // A reply keyboard, force_reply or remove_keyboard: kept as JSON only.
            return new Parsed(json.write(markup), List.of());
        }
        if (!rows.isArray()) {
            throw FakeApiError.badRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array");
        }
        List<List<FakeButton>> keyboard = new ArrayList<>();
        for (JsonNode row : rows) {
            List<FakeButton> buttons = new ArrayList<>();
            for (JsonNode button : row) {
                buttons.add(button(button));
            }
            keyboard.add(List.copyOf(buttons));
        }
        if (keyboard.stream().allMatch(List::isEmpty)) {
            return Parsed.NONE;
        }
        return new Parsed(json.write(markup), List.copyOf(keyboard));
    }

    private static FakeButton button(JsonNode button) {
        String text = button.path("text").asText("");
        if (text.isEmpty()) {
            throw FakeApiError.badRequest("text buttons are unallowed in the inline keyboard");
        }
        String data = button.hasNonNull("callback_data") ? button.get("callback_data").asText() : null;
        String url = button.hasNonNull("url") ? button.get("url").asText() : null;
        if (data != null) {
            int bytes = data.getBytes(StandardCharsets.UTF_8).length;
            if (bytes < 1 || bytes > 64) {
                throw FakeApiError.badRequest("BUTTON_DATA_INVALID");
            }
        }
        if (url != null && !(url.startsWith("https://") || url.startsWith("http://") || url.startsWith("tg://"))) {
            throw FakeApiError.badRequest("BUTTON_URL_INVALID");
        }
        if (data == null && url == null && button.size() <= 1) {
            throw FakeApiError.badRequest("text buttons are unallowed in the inline keyboard");
        }
        return new FakeButton(text, data, url);
    }
}
