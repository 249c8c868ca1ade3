package newsbot.messages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import newsbot.config.Languages;

/**
 * Every user-facing text, from one {@code messages_<language>} bundle per entry of {@link Languages#ALL}; the
 * default language's bundle answers for a key another bundle lacks (a test makes sure none does).
 */
public final class Texts {

    public static final String BUNDLE = "newsbot.messages.messages";

    private final Map<String, ResourceBundle> bundles = new LinkedHashMap<>();

    public Texts() {
        ResourceBundle.Control control = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        for (String language : Languages.ALL) {
            bundles.put(language, ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language), control));
        }
    }

    /** Every language the bot speaks, the default first. */
    public List<String> languages() {
        return Languages.ALL;
    }

    public String defaultLanguage() {
        return Languages.DEFAULT;
    }

    /** The bot's language for a Telegram {@code language_code}; the default for anything not supported. */
    public static String languageFor(String telegramLanguageCode) {
        return Languages.forTelegram(telegramLanguageCode);
    }

    public static boolean isSupported(String language) {
        return Languages.isSupported(language);
    }

    /** The text for {@code key} in {@code language}, with {@code args} filled in by {@link String#format}. */
    public String get(String language, String key, Object... args) {
        ResourceBundle fallback = bundles.get(Languages.DEFAULT);
        ResourceBundle bundle = bundles.getOrDefault(language, fallback);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = fallback.getString(key);
        }
        return args.length == 0 ? pattern : String.format(Locale.ROOT, pattern, args);
    }
}
