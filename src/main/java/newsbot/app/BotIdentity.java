package newsbot.app;

import newsbot.telegram.TelegramGateway;

/** The bot's @username, asked from Telegram at start-up and again later if Telegram could not answer then. */
final class BotIdentity {

    private final TelegramGateway gateway;
    private volatile String username;

    BotIdentity(TelegramGateway gateway) {
        this.gateway = gateway;
    }

    void refresh() {
        gateway.botUsername().ifPresent(name -> username = name);
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
