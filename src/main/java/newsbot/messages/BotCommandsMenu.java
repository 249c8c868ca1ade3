package newsbot.messages;

import java.util.ArrayList;
import java.util.List;

/** The command menu shown by Telegram's "/" button, per language (setMyCommands). */
public final class BotCommandsMenu {

    /** Every reader command, in menu order: the one list the menu, /help and the command handlers follow. */
    public static final List<String> READER_COMMANDS = List.of("start", "categories", "latest", "top", "digest",
            "search", "follow", "following", "unfollow", "mute", "muted", "unmute", "settings", "schedule", "timezone",
            "breaking", "quiet", "language", "subscribe", "unsubscribe", "pause", "resume", "stop", "mydata", "forget",
            "help");

    private final Texts texts;

    public BotCommandsMenu(Texts texts) {
        this.texts = texts;
    }

    /** One (command, description) pair per menu entry, in menu order. */
    public List<MenuEntry> entries(String language) {
        List<MenuEntry> entries = new ArrayList<>();
        for (String command : READER_COMMANDS) {
            entries.add(new MenuEntry(command, texts.get(language, "cmd." + command)));
        }
        return entries;
    }

    /** A command and its one-line description. */
    public record MenuEntry(String command, String description) {
    }
}
