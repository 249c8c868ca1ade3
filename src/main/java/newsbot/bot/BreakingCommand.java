package newsbot.bot;

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

    @Override
    public void handle(Conversation c) {
        String arg = c.args().toLowerCase(Locale.ROOT);
        boolean on = arg.equals("on") || arg.equals("вкл") || arg.equals("да");
        boolean off = arg.equals("off") || arg.equals("выкл") || arg.equals("нет");
        if (!on && !off) {
            Long user = c.incoming().userId();
            if (!arg.isEmpty() && adminPush != null && user != null && isAdmin.test(user)) {
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
