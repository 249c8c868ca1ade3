package newsbot.bot;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Every user-facing text, from the {@code messages_ru} and {@code messages_en} bundles; Russian is the default. */
public final class Texts {

    public static final String RU = "ru";
    public static final String EN = "en";

    private final Map<String, ResourceBundle> bundles;

    public Texts() {
        ResourceBundle.Control control = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        this.bundles = Map.of(
                RU, ResourceBundle.getBundle("newsbot.bot.messages", Locale.forLanguageTag(RU), control),
                EN, ResourceBundle.getBundle("newsbot.bot.messages", Locale.forLanguageTag(EN), control));
    }

    /** The bot's language for a Telegram {@code language_code}: English for "en…", Russian for everything else. */
    public static String languageFor(String telegramLanguageCode) {
        return telegramLanguageCode != null && telegramLanguageCode.toLowerCase(Locale.ROOT).startsWith(EN) ? EN : RU;
    }

    public static boolean isSupported(String language) {
        return RU.equals(language) || EN.equals(language);
    }

    /** The text for {@code key} in {@code language}, with {@code args} filled in by {@link String#format}. */
    public String get(String language, String key, Object... args) {
        ResourceBundle bundle = bundles.getOrDefault(language, bundles.get(RU));
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = bundles.get(RU).getString(key);
        }
        return args.length == 0 ? pattern : String.format(Locale.ROOT, pattern, args);
    }
}
