package newsbot.telegram;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A fake Bot API with a hand-driven clock, and a real client and gateway pointed at it. */
final class GatewayFixture implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(5);

    final AtomicLong clock = new AtomicLong(1_000_000_000L);
    final FakeBotApi telegram = FakeBotApi.start(FakeBotApi.DEFAULT_TOKEN, clock::get);
    final TelegramClientFactory factory = new TelegramClientFactory(telegram.token(),
            BotApiUrl.parse(telegram.apiUrl()),
            new TelegramClientFactory.Timeouts(Duration.ofSeconds(2), Duration.ofMillis(800), Duration.ofSeconds(2)));
    final TelegramGateway gateway = new TelegramGateway(factory.telegramClient());

    void advance(Duration duration) {
        clock.addAndGet(duration.toNanos());
    }

    @Override
    public void close() {
        factory.close();
        telegram.close();
    }
}
