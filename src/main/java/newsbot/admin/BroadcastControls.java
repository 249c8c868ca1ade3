package newsbot.admin;

import java.util.List;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** The buttons under previews and progress messages; callback data is {@code bc:<id>:<action>}, far below 64 bytes. */
final class BroadcastControls {

    static final String PREFIX = "bc:";

    enum Action { SEND, TEST, CANCEL, PAUSE, RESUME }

    /** A parsed press. */
    record Press(long broadcastId, Action action) {
    }

    private final AdminTexts texts;

    BroadcastControls(AdminTexts texts) {
        this.texts = texts;
    }

    static String data(long id, Action action) {
        return PREFIX + id + ":" + action.name().toLowerCase(java.util.Locale.ROOT);
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
            return Optional.of(new Press(Long.parseLong(parts[0]),
                    Action.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    InlineKeyboardMarkup preview(long id, String language) {
        return new InlineKeyboardMarkup(List.of(
                new InlineKeyboardRow(button(id, Action.SEND, language), button(id, Action.TEST, language)),
                new InlineKeyboardRow(button(id, Action.CANCEL, language))));
    }

    InlineKeyboardMarkup running(long id, String language) {
        return new InlineKeyboardMarkup(List.of(
                new InlineKeyboardRow(button(id, Action.PAUSE, language), button(id, Action.CANCEL, language))));
    }

    InlineKeyboardMarkup paused(long id, String language) {
        return new InlineKeyboardMarkup(List.of(
                new InlineKeyboardRow(button(id, Action.RESUME, language), button(id, Action.CANCEL, language))));
    }

    private InlineKeyboardButton button(long id, Action action, String language) {
        InlineKeyboardButton b = new InlineKeyboardButton(
                texts.get(language, "admin.button." + action.name().toLowerCase(java.util.Locale.ROOT)));
        b.setCallbackData(data(id, action));
        return b;
    }
}
