package newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import newsbot.telegram.BotApiUrl;
import newsbot.telegram.FakeBotApi;
import newsbot.telegram.TelegramClientFactory;
import newsbot.telegram.TelegramGateway;
import org.junit.jupiter.api.Test;

/** Started while Telegram does not answer, the bot keeps trying and starts polling once it does. */
class TelegramConnectorTest {

    @Test
    void keepsTryingWhileTelegramIsDownAndConnectsOnceItAnswers() throws Exception {
        try (FakeBotApi telegram = FakeBotApi.start();
             TelegramClientFactory factory = new TelegramClientFactory(telegram.token(),
                     BotApiUrl.parse(telegram.apiUrl()), new TelegramClientFactory.Timeouts(Duration.ofSeconds(1),
                     Duration.ofSeconds(2), Duration.ofSeconds(1)))) {
            telegram.failNext("deleteWebhook", 4, 502); // Telegram's answer while it is down
            AtomicInteger connects = new AtomicInteger();
            TelegramConnector connector = new TelegramConnector(new TelegramGateway(factory.telegramClient()),
                    connects::incrementAndGet, Duration.ofMillis(10), Duration.ofMillis(40));
            connector.start();
            assertThat(connector.awaitConnected(Duration.ofSeconds(10))).isTrue();
            assertThat(telegram.requestCount("deleteWebhook")).isEqualTo(5);
            assertThat(connects).hasValue(1);
            connector.stop();
        }
    }

    @Test
    void aFailingStartOfPollingIsTriedAgain() throws Exception {
        try (FakeBotApi telegram = FakeBotApi.start();
             TelegramClientFactory factory = new TelegramClientFactory(telegram.token(),
                     BotApiUrl.parse(telegram.apiUrl()))) {
            AtomicInteger tries = new AtomicInteger();
            TelegramConnector connector = new TelegramConnector(new TelegramGateway(factory.telegramClient()), () -> {
                if (tries.incrementAndGet() < 3) {
                    throw new IllegalStateException("Unable to delete Webhook");
                }
            }, Duration.ofMillis(10), Duration.ofMillis(40));
            connector.start();
            assertThat(connector.awaitConnected(Duration.ofSeconds(10))).isTrue();
            assertThat(tries).hasValue(3);
            connector.stop();
        }
    }

    @Test
    void stopEndsTheTriesWhileTelegramNeverAnswers() throws Exception {
        try (TelegramClientFactory factory = new TelegramClientFactory(FakeBotApi.DEFAULT_TOKEN,
                BotApiUrl.parse("http://127.0.0.1:9"), new TelegramClientFactory.Timeouts(Duration.ofMillis(500),
                Duration.ofSeconds(1), Duration.ofSeconds(1)))) {
            AtomicInteger connects = new AtomicInteger();
            TelegramConnector connector = new TelegramConnector(new TelegramGateway(factory.telegramClient()),
                    connects::incrementAndGet, Duration.ofMillis(10), Duration.ofMillis(20));
            connector.start();
            assertThat(connector.awaitConnected(Duration.ofMillis(300))).isFalse();
            connector.stop();
            assertThat(connects).hasValue(0);
        }
    }
}
