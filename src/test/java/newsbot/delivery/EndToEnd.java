package newsbot.delivery;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;
import newsbot.config.BotConfig;
import newsbot.store.Database;

import newsbot.delivery.Delivery;
import newsbot.store.Subscribers;
import newsbot.telegram.BotApiUrl;
import newsbot.telegram.FakeBotApi;
import newsbot.telegram.TelegramClientFactory;
import newsbot.telegram.TelegramGateway;
import org.jdbi.v3.core.Handle;

/**
 * The whole sending path on real time: outbox in SQLite, dispatcher, rate limiter, the real telegrambots client
 * and gateway, and {@link FakeBotApi} on loopback.
 */
final class EndToEnd implements AutoCloseable {

    final DeliveryTime time = DeliveryTime.system();
    final FakeBotApi telegram = FakeBotApi.start();
    final TelegramClientFactory factory;
    final TelegramGateway gateway;
    final Database db;
    final OutboxTable deliveries = new OutboxTable();
    final Subscribers subscribers = new Subscribers();
    final Outbox outbox = new Outbox(time);
    final BotConfig.Delivery limits;
    final RateLimiter limiter;
    final DeliveryCounters counters = new DeliveryCounters();
    private final RetryPolicy retry;
    private final int maxInFlight;
    private Dispatcher dispatcher;
    private Handle reader;

    /** Retries back off from 50 ms (capped at 400 ms) so fault tests stay quick; production uses 2 s / 10 min. */
    EndToEnd(Path dbFile, BotConfig.Delivery limits) {
        this(dbFile, limits, 1);
    }

    EndToEnd(Path dbFile, BotConfig.Delivery limits, int maxInFlight) {
        this.limits = limits;
        this.maxInFlight = maxInFlight;
        this.factory = new TelegramClientFactory(telegram.token(), BotApiUrl.parse(telegram.apiUrl()),
                new TelegramClientFactory.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)));
        this.gateway = new TelegramGateway(factory.telegramClient());
        this.db = newsbot.testing.TestDatabases.open(dbFile);
        this.limiter = new RateLimiter(limits, time, counters);
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

    void subscriber(long chatId) {
        db.useTransaction(h -> subscribers.insertIfAbsent(h, chatId, chatId > 0 ? chatId : null,
                chatId > 0 ? "private" : "group", "ru", ZoneId.of("UTC"), List.of(), 0, time.now()));
    }

    void enqueue(long chatId, DeliveryKind kind, long ref, String html) {
        db.useTransaction(h -> outbox.enqueue(h, chatId, kind, ref, html, Manner.PLAIN, time.now()));
    }

    void enqueueAll(Collection<Long> chats, DeliveryKind kind, long ref, String html) {
        db.useTransaction(h -> outbox.enqueueAll(h, chats, kind, ref, html, Manner.PLAIN, time.now()));
    }

    synchronized int pending() {
        return deliveries.pendingCount(reader());
    }

    synchronized List<Delivery> rowsOf(long chatId) {
        return reader().createQuery("SELECT id FROM deliveries WHERE chat_id = :c ORDER BY id").bind("c", chatId)
                .mapTo(Long.class).list().stream().map(id -> deliveries.find(reader(), id).orElseThrow()).toList();
    }

    /** Polls the table (the dispatcher works on its own thread) until nothing is pending. */
    void awaitNothingPending(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(pending() + " deliveries still pending after " + timeout);
            }
            Thread.sleep(20);
        }
    }

    private Handle reader() {
        if (reader == null) {
            reader = db.openHandle();
        }
        return reader;
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the test ends anyway; JUnit sees the flag
        }
        if (reader != null) {
            reader.close();
        }
        factory.close();
        telegram.close();
    }
}
