package newsbot.admin;

/** The admins' texts from the bot's bundles ({@code Texts::get}); values are Telegram HTML with format arguments. */
@FunctionalInterface
public interface AdminTexts {

    String get(String language, String key, Object... args);
}
