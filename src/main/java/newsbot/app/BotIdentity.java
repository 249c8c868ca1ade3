package newsbot.app;

import newsbot.telegram.TelegramGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The bot's @username, asked from Telegram at start-up and again later if Telegram could not answer then. */
final class BotIdentity {

    private static final Logger LOG = LoggerFactory.getLogger(BotIdentity.class);

    private final TelegramGateway gateway;
    private volatile String username;

    BotIdentity(TelegramGateway gateway) {
        this.gateway = gateway;
    }

    void refresh() {
        gateway.botSelf().ifPresent(self -> {
            if (username == null && !self.inlineQueries()) {
                // said once, when the bot first learns who it is: typing @bot in a chat shows nothing until then
                LOG.info("inline mode is off for @{}: enable it in @BotFather with /setinline to let users search "
                        + "articles from any chat", self.username());
            }
            username = self.username();
        });
    }

    /** The username, or an empty string while unknown (then only unaddressed commands are recognised in groups). */
    String username() {
        if (username == null) {
            refresh();
        }
        return username == null ? "" : username;
    }

    /** The username as last known, without asking Telegram: '' while unknown (for work done per article). */
    String knownUsername() {
        String known = username;
        return known == null ? "" : known;
    }
}
