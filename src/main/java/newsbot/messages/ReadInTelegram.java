package newsbot.messages;

import java.util.OptionalLong;

/**
 * "Read in Telegram": the button under an alert ({@code rd:<article id>}) and the deep link in a digest
 * ({@code https://t.me/<bot>?start=r<article id>}, which also works from a forwarded copy). Both name the article
 * only: nothing about the reader travels in them.
 */
public final class ReadInTelegram {

    /** The callback data's prefix. */
    public static final String PREFIX = "rd:";
    /** The /start parameter's prefix. */
    public static final String START_PREFIX = "r";
    /** The button's label in the bundles. */
    public static final String LABEL_KEY = "article.read.button";

    private ReadInTelegram() {
    }

    public static String callbackData(long articleId) {
        return PREFIX + articleId;
    }

    public static String deepLink(String botUsername, long articleId) {
        return "https://t.me/" + botUsername + "?start=" + START_PREFIX + articleId;
    }

    /** The article id a /start parameter names, or empty when it names none (a category's slug). */
    public static OptionalLong fromStart(String parameter) {
        return parse(parameter, START_PREFIX);
    }

    /** The article id callback data names, or empty. */
    public static OptionalLong fromCallback(String data) {
        return parse(data, PREFIX);
    }

    private static OptionalLong parse(String s, String prefix) {
        if (!s.startsWith(prefix) || s.length() == prefix.length() || s.length() > prefix.length() + 18) {
            return OptionalLong.empty();
        }
        String digits = s.substring(prefix.length());
        return digits.chars().allMatch(c -> c >= '0' && c <= '9') ? OptionalLong.of(Long.parseLong(digits))
                : OptionalLong.empty();
    }
}
