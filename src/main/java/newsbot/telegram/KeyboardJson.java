package newsbot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * An inline keyboard as the Bot API's own JSON, so a reply stored in the outbox keeps its buttons across a
 * restart. The library's objects carry their Jackson mapping; nothing here is hand-written JSON.
 */
public final class KeyboardJson {

    private final ObjectMapper mapper = new ObjectMapper();

    /** {@code null} stays {@code null}. */
    public String write(InlineKeyboardMarkup keyboard) {
        if (keyboard == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(keyboard);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("keyboard cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code null} stays {@code null}; JSON this class did not write is refused. */
    /** One button opening {@code url}, as Bot API JSON. */
    public String linkButton(String label, String url) {
        InlineKeyboardButton button = new InlineKeyboardButton(label);
        button.setUrl(url);
        return write(new InlineKeyboardMarkup(List.of(new InlineKeyboardRow(button))));
    }

    /** One button sending {@code data} back as a callback query (at most 64 bytes), as Bot API JSON. */
    public String callbackButton(String label, String data) {
        return write(new InlineKeyboardMarkup(List.of(new InlineKeyboardRow(
                InlineKeyboardButton.builder().text(label).callbackData(data).build()))));
    }

    public InlineKeyboardMarkup read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readValue(json, InlineKeyboardMarkup.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored keyboard is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
