package newsbot.delivery;

import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import newsbot.config.BotConfig;
import newsbot.telegram.BotApiUrl;
import newsbot.telegram.FakeBotApi;
import newsbot.telegram.TelegramClientFactory;
import newsbot.telegram.TelegramGateway;
import newsbot.testing.Await;

/**
 * The whole sending path on real time: outbox in SQLite, dispatcher, rate limiter, the real telegrambots client
 * and gateway, and {@link FakeBotApi} on loopback.
 */
final class EndToEnd extends OutboxRig implements AutoCloseable {

    final DeliveryTime time;
    final FakeBotApi telegram = FakeBotApi.start();
    final TelegramClientFactory factory;
    final TelegramGateway gateway;
    private final RetryPolicy retry;
    private final int maxInFlight;
    private Dispatcher dispatcher;

    /** Retries back off from 50 ms (capped at 400 ms) so fault tests stay quick; production uses 2 s / 10 min. */
    EndToEnd(Path dbFile, BotConfig.Delivery limits) {
        this(dbFile, limits, 1);
    }

    EndToEnd(Path dbFile, BotConfig.Delivery limits, int maxInFlight) {
        this(dbFile, limits, maxInFlight, DeliveryTime.system());
    }

    private EndToEnd(Path dbFile, BotConfig.Delivery limits, int maxInFlight, DeliveryTime time) {
        super(dbFile, time, limits);
        this.time = time;
        this.maxInFlight = maxInFlight;
        this.factory = new TelegramClientFactory(telegram.token(), BotApiUrl.parse(telegram.apiUrl()),
                new TelegramClientFactory.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)));
        this.gateway = new TelegramGateway(factory.telegramClient());
        this.retry = new RetryPolicy(limits.maxAttempts(), Duration.ofMillis(50), Duration.ofMillis(400),
                new SplittableRandom(3));
    }

    Dispatcher newDispatcher() {
        return new Dispatcher(db, subscribers, outbox, limiter.stamping(gateway), limiter, retry, counters, time,
                maxInFlight);
    }

    void start() {
        dispatcher = newDispatcher();
        dispatcher.start();
    }

    void stop() throws InterruptedException {
        if (dispatcher != null) {
            dispatcher.stop(Duration.ofSeconds(10));
            dispatcher = null;
        }
    }

    /** Polls the table (the dispatcher works on its own thread) until nothing is pending. */
    void awaitNothingPending(Duration timeout) throws InterruptedException {
        Await.until(() -> pending() == 0, timeout, () -> pending() + " deliveries still pending after " + timeout);
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the test ends anyway; JUnit sees the flag
        }
        closeReader();
        factory.close();
        telegram.close();
    }
}
