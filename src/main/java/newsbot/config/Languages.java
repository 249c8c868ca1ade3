package newsbot.config;

import java.util.List;
import java.util.Locale;

/**
 * The languages the bot speaks, in one list: the bundles, the command menus, {@code /language}, broadcasts'
 * {@code lang=} and the command line all read it. Adding a language is one bundle and one entry here.
 */
public final class Languages {

    /** The default first: a reader whose Telegram language is none of these reads the bot in it. */
    public static final List<String> ALL = List.of("ru", "en", "ky");
    public static final String DEFAULT = ALL.get(0);

    private Languages() {
    }

    public static boolean isSupported(String language) {
        return language != null && ALL.contains(language);
    }

    /**
     * The bot's language for a Telegram {@code language_code} ("en", "en-US", "ky"): the one it starts with,
     * else the default.
     */
    public static String forTelegram(String languageCode) {
        if (languageCode == null) {
            return DEFAULT;
        }
        String code = languageCode.toLowerCase(Locale.ROOT);
        for (String language : ALL) {
            if (code.equals(language) || code.startsWith(language + "-") || code.startsWith(language + "_")) {
                return language;
            }
        }
        return DEFAULT;
    }

    /** The supported language named by {@code value} or the default; for stored rows written by older versions. */
    public static String orDefault(String value) {
        return isSupported(value) ? value : DEFAULT;
    }
}
