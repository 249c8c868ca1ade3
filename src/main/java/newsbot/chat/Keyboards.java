package newsbot.chat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import newsbot.config.Category;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** Inline keyboards the bot shows; callback data always fits Telegram's 64 bytes (slugs are at most 32). */
final class Keyboards {

    static final String TOGGLE_PREFIX = "cat:";
    private static final String CHECK = "✅ ";

    private final List<Category> categories;

    Keyboards(List<Category> categories) {
        this.categories = List.copyOf(categories);
    }

    /** One button per category, two per row, in the configured order; chosen ones carry a check mark. */
    InlineKeyboardMarkup categories(Collection<String> chosen, String language) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        InlineKeyboardRow row = new InlineKeyboardRow();
        for (Category c : categories) {
            String label = (chosen.contains(c.slug()) ? CHECK : "") + c.displayName(language);
            row.add(button(label, TOGGLE_PREFIX + c.slug()));
            if (row.size() == 2) {
                rows.add(row);
                row = new InlineKeyboardRow();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return new InlineKeyboardMarkup(rows);
    }

    public static InlineKeyboardButton button(String label, String callbackData) {
        InlineKeyboardButton button = new InlineKeyboardButton(label);
        button.setCallbackData(callbackData);
        return button;
    }

    public static InlineKeyboardMarkup of(List<InlineKeyboardRow> rows) {
        return new InlineKeyboardMarkup(rows);
    }
}
