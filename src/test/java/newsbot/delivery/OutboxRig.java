package newsbot.delivery;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import newsbot.config.BotConfig;
import newsbot.store.Database;
import newsbot.store.Subscribers;
import org.jdbi.v3.core.Handle;

/**
 * What the delivery rigs share, on virtual time ({@link Fixture}) or real time ({@link EndToEnd}): the outbox on a
 * real SQLite file, its readers, the limits and their counters, and the test's own reads of the table.
 */
abstract class OutboxRig {

    final Database db;
    final OutboxTable deliveries = new OutboxTable();
    final Subscribers subscribers = new Subscribers();
    final Outbox outbox;
    final BotConfig.Delivery limits;
    final DeliveryCounters counters = new DeliveryCounters();
    final RateLimiter limiter;
    private final DeliveryTime clock;
    /** For the test's own reads: one connection, since opening one per check would dominate the run time. */
    private Handle reader;

    OutboxRig(Path file, DeliveryTime clock, BotConfig.Delivery limits) {
        this.db = newsbot.testing.TestDatabases.open(file);
        this.clock = clock;
        this.limits = limits;
        this.outbox = new Outbox(clock);
        this.limiter = new RateLimiter(limits, clock, counters);
    }

    /** A reader: a private chat for a positive id, a group for a negative one. */
    void subscriber(long chatId) {
        db.useTransaction(h -> subscribers.insertIfAbsent(h, chatId, chatId > 0 ? chatId : null,
                chatId > 0 ? "private" : "group", "ru", ZoneId.of("UTC"), List.of(), 0, clock.now()));
    }

    void enqueue(long chatId, DeliveryKind kind, long ref, String html) {
        db.useTransaction(h -> outbox.enqueue(h, chatId, kind, ref, html, Manner.PLAIN, clock.now()));
    }

    void enqueueAll(Collection<Long> chats, DeliveryKind kind, long ref, String html) {
        db.useTransaction(h -> outbox.enqueueAll(h, chats, kind, ref, html, Manner.PLAIN, clock.now()));
    }

    synchronized int pending() {
        return deliveries.pendingCount(reader());
    }

    /** Every row, in the order it was enqueued. */
    synchronized List<Delivery> all() {
        return rows(reader().createQuery("SELECT id FROM deliveries ORDER BY id").mapTo(Long.class).list());
    }

    synchronized List<Delivery> rowsOf(long chatId) {
        return rows(reader().createQuery("SELECT id FROM deliveries WHERE chat_id = :c ORDER BY id").bind("c", chatId)
                .mapTo(Long.class).list());
    }

    private List<Delivery> rows(List<Long> ids) {
        return ids.stream().map(id -> deliveries.find(reader(), id).orElseThrow()).toList();
    }

    synchronized Handle reader() {
        if (reader == null) {
            reader = db.openHandle();
        }
        return reader;
    }

    synchronized void closeReader() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
