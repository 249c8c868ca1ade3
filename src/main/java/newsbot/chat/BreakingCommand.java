package newsbot.chat;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /breaking on|off for readers. An admin's /breaking &lt;article id or link&gt; goes to {@code adminPush}
 * when one is wired, so both share the command name as the issues ask.
 */
final class BreakingCommand implements CommandHandler {

    private static final Logger LOG = LoggerFactory.getLogger(BreakingCommand.class);

    private final Readers readers;
    private final CommandHandler adminPush;
    private final java.util.function.LongPredicate isAdmin;

    BreakingCommand(Readers readers, CommandHandler adminPush, java.util.function.LongPredicate isAdmin) {
        this.readers = readers;
        this.adminPush = adminPush;
        this.isAdmin = isAdmin;
    }

    /** Whether the argument switches alerts on or off (rather than naming an article to push). */
    static boolean isSwitch(String args) {
        String arg = args.toLowerCase(Locale.ROOT);
        return isOn(arg) || isOff(arg);
    }

    private static boolean isOn(String arg) {
        return arg.equals("on") || arg.equals("вкл") || arg.equals("да");
    }

    private static boolean isOff(String arg) {
        return arg.equals("off") || arg.equals("выкл") || arg.equals("нет");
    }

    @Override
    public void handle(Conversation c) {
        String arg = c.args().toLowerCase(Locale.ROOT);
        boolean on = isOn(arg);
        boolean off = isOff(arg);
        if (!on && !off) {
            Long user = c.incoming().userId();
            if (!arg.isEmpty() && adminPush != null && user != null && isAdmin.test(user)) {
                if (!c.incoming().isPrivate()) {
                    c.replyWith("admin.private.only"); // an editor's tool: nothing of it is posted in a group
                    return;
                }
                adminPush.handle(c);
                return;
            }
            if (!arg.isEmpty() && adminPush != null) {
                LOG.warn("admin /breaking push refused for user {} in chat {}", user, c.chatId());
            }
            c.replyWith("breaking.usage", c.text(c.reader().breakingOn() ? "settings.on" : "settings.off"));
            return;
        }
        readers.setBreakingOn(c.chatId(), on);
        c.replyWith(on ? "breaking.set.on" : "breaking.set.off");
    }
}
