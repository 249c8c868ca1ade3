package newsbot.bot;

import java.time.Duration;
import java.util.Optional;
import newsbot.config.BotConfig;
import newsbot.telegram.BotApiUrl;
import newsbot.telegram.TelegramClientFactory;
import newsbot.telegram.TelegramGateway;

/**
 * getChatMember through a gateway of its own, built on the first group question (a bot that is in no group never
 * opens it). Its HTTP threads are daemons, so it never holds the JVM up. Used where the wiring does not hand the
 * shared gateway to {@link Bot}.
 */
final class LazyChatMembers implements Bot.ChatMembers {

    private static final TelegramClientFactory.Timeouts TIMEOUTS =
            new TelegramClientFactory.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(1));

    private final BotConfig config;
    private TelegramGateway gateway;

    LazyChatMembers(BotConfig config) {
        this.config = config;
    }

    @Override
    public Optional<String> status(long chatId, long userId) {
        return gateway().chatMemberStatus(chatId, userId);
    }

    private synchronized TelegramGateway gateway() {
        if (gateway == null) {
            TelegramClientFactory factory = new TelegramClientFactory(config.telegram().token(),
                    BotApiUrl.parse(config.telegram().apiUrl().toString()), TIMEOUTS);
            gateway = new TelegramGateway(factory.telegramClient());
        }
        return gateway;
    }
}
