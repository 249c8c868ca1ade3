package newsbot.admin.corrections;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import newsbot.admin.AdminTexts;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * The buttons under a correction's preview and progress message. Callback data is {@code bc:cr:<id>:<action>}:
 * inside the broadcasts' {@code bc:} prefix, which the chat side routes to the editors' tools.
 */
final class CorrectionControls {

    static final String PREFIX = "bc:cr:";

    enum Action { CONFIRM, CANCEL, PAUSE, RESUME }

    /** A parsed press. */
    record Press(long correctionId, Action action) {
    }

    private final AdminTexts texts;

    CorrectionControls(AdminTexts texts) {
        this.texts = texts;
    }

    static String data(long id, Action action) {
        return PREFIX + id + ":" + action.name().toLowerCase(Locale.ROOT);
    }

    static Optional<Press> parse(String data) {
        if (data == null || !data.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = data.substring(PREFIX.length()).split(":", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Press(Long.parseLong(parts[0]), Action.valueOf(parts[1].toUpperCase(Locale.ROOT))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    InlineKeyboardMarkup preview(long id, boolean retraction, String language) {
        InlineKeyboardButton confirm = button(id, Action.CONFIRM,
                texts.get(language, retraction ? "admin.correction.button.retract" : "admin.correction.button.correct"));
        return new InlineKeyboardMarkup(List.of(new InlineKeyboardRow(confirm,
                button(id, Action.CANCEL, texts.get(language, "admin.button.cancel")))));
    }

    InlineKeyboardMarkup running(long id, String language) {
        return new InlineKeyboardMarkup(List.of(new InlineKeyboardRow(
                button(id, Action.PAUSE, texts.get(language, "admin.button.pause")),
                button(id, Action.CANCEL, texts.get(language, "admin.button.cancel")))));
    }

    InlineKeyboardMarkup paused(long id, String language) {
        return new InlineKeyboardMarkup(List.of(new InlineKeyboardRow(
                button(id, Action.RESUME, texts.get(language, "admin.button.resume")),
                button(id, Action.CANCEL, texts.get(language, "admin.button.cancel")))));
    }

    private static InlineKeyboardButton button(long id, Action action, String text) {
        InlineKeyboardButton b = new InlineKeyboardButton(text);
        b.setCallbackData(data(id, action));
        return b;
    }
}
