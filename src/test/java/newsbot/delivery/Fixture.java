package newsbot.delivery;

import newsbot.testing.TestConfig;

import newsbot.testing.TestClock;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import newsbot.config.BotConfig;
import newsbot.store.Database;

import newsbot.delivery.Delivery;
import newsbot.store.Subscribers;
import newsbot.telegram.MessageSender;
import org.jdbi.v3.core.Handle;

/** The delivery engine on a real SQLite file, a virtual clock and a given sender, stepped by the test. */
final class Fixture {

    static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    final TestClock time = new TestClock(START);
    final Database db;
    final OutboxTable deliveries = new OutboxTable();
    final Subscribers subscribers = new Subscribers();
    final Outbox outbox;
    final RateLimiter limiter;
    final DeliveryCounters counters = new DeliveryCounters();
    final BotConfig.Delivery limits;
    /** For the test's own reads: one connection, since opening one per check would dominate the run time. */
    private Handle reader;

    Fixture(Path file, BotConfig.Delivery limits) {
        this.db = newsbot.testing.TestDatabases.open(file);
        this.limits = limits;
        this.outbox = new Outbox(time);
        this.limiter = new RateLimiter(limits, time, counters);
    }

    Fixture(Path file) {
        this(file, TestConfig.limits(30, 1, 20, 4, 1));
    }

    Dispatcher dispatcher(MessageSender sender) {
        return dispatcher(sender, limiter);
    }

    /** A dispatcher with its own limiter state, as after a restart. */
    Dispatcher dispatcher(MessageSender sender, RateLimiter limiter) {
        return new Dispatcher(db, subscribers, outbox, sender, limiter,
                new RetryPolicy(limits.maxAttempts(), new SplittableRandom(42)), counters, time);
    }

    /** One call at a time on the stepping thread, rows of these kinds dropped once older than their age. */
    Dispatcher dispatcher(MessageSender sender, java.util.Map<DeliveryKind, java.time.Duration> maxAges) {
        return new Dispatcher(db, subscribers, outbox, sender, limiter,
                new RetryPolicy(limits.maxAttempts(), new SplittableRandom(42)), counters, time,
                InFlightLimit.pinned(1), maxAges);
    }

    void subscriber(long chatId) {
        db.useTransaction(h -> subscribers.insertIfAbsent(h, chatId, chatId > 0 ? chatId : null,
                chatId > 0 ? "private" : "group", "ru", ZoneId.of("UTC"), List.of(), 0, time.now()));
    }

    void enqueue(long chatId, DeliveryKind kind, long ref, String html) {
        db.useTransaction(h -> outbox.enqueue(h, chatId, kind, ref, html, Manner.PLAIN, time.now()));
    }

    /** Steps the dispatcher, moving virtual time over its waits, until {@code done} or {@code maxSteps}. */
    int run(Dispatcher dispatcher, BooleanSupplier done, int maxSteps) {
        int steps = 0;
        while (!done.getAsBoolean() && steps < maxSteps) {
            time.advance(dispatcher.step());
            steps++;
        }
        return steps;
    }

    int pending() {
        return deliveries.pendingCount(reader());
    }

    List<Delivery> all() {
        Handle h = reader();
        return h.createQuery("SELECT id FROM deliveries ORDER BY id").mapTo(Long.class).list()
                .stream().map(id -> deliveries.find(h, id).orElseThrow()).toList();
    }

    Handle reader() {
        if (reader == null) {
            reader = db.openHandle();
        }
        return reader;
    }

    Instant now() {
        return time.now();
    }
}
