package newsbot.admin;

import newsbot.testing.TestConfig;

import newsbot.testing.TestClock;

import newsbot.delivery.PaidLane;
import newsbot.delivery.SendFence;
import newsbot.delivery.Replier;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import newsbot.messages.Texts;
import newsbot.config.BotConfig;
import newsbot.config.Category;
import newsbot.config.FeedSource;
import newsbot.delivery.DeliveryCounters;
import newsbot.delivery.Dispatcher;
import newsbot.delivery.DispatcherDriver;
import newsbot.delivery.Outbox;
import newsbot.delivery.RateLimiter;
import newsbot.delivery.RetryPolicy;
import newsbot.store.Database;

import newsbot.store.SubscriberStatus;
import newsbot.store.Subscribers;
import newsbot.store.Subscriptions;
import newsbot.telegram.MessageSender;
import org.jdbi.v3.core.Handle;

/** A real SQLite database, config, virtual time and the delivery engine, for the editors' tools' tests. */
public final class AdminWorld {

    public static final long ADMIN = 1000;
    public static final long OTHER_ADMIN = 1001;
    public static final ZoneId ZONE = ZoneId.of("Asia/Bishkek");

    public static final java.time.Instant START = java.time.Instant.parse("2026-11-28T10:00:00Z");
    public final TestClock time = new TestClock(START);
    public final BotConfig config;
    public final Database db;
    public final Texts texts = new Texts();
    public final Subscribers subscribers = new Subscribers();
    public final Subscriptions subscriptions = new Subscriptions();
    public final Outbox outbox = new Outbox(time);
    public final DeliveryCounters counters = new DeliveryCounters();
    public final RateLimiter limiter;

    public AdminWorld(Path dir) {
        this(dir, Map.of());
    }

    /** A world whose configuration has {@code keys} on top of this world's (paid broadcasts, say). */
    public AdminWorld(Path dir, Map<String, String> keys) {
        this(dir, keys, java.util.function.UnaryOperator.identity());
    }

    /** A world whose configuration, {@code keys} on top, is then changed by {@code adjust}: editors and approval. */
    public AdminWorld(Path dir, Map<String, String> keys, java.util.function.UnaryOperator<BotConfig> adjust) {
        this.config = adjust.apply(keys(dir.resolve("bot.db"), URI.create("https://api.telegram.org")).set(keys).load());
        this.db = newsbot.testing.TestDatabases.open(config.dbPath());
        this.limiter = new RateLimiter(config.delivery(), time, counters);
    }

    public static BotConfig config(Path dbPath, URI apiUrl) {
        return keys(dbPath, apiUrl).load();
    }

    /** Three categories, three feeds, two admins and Telegram's limits with four attempts. */
    private static TestConfig.Keys keys(Path dbPath, URI apiUrl) {
        return TestConfig.keys().dbPath(dbPath).set("telegram.api-url", apiUrl.toString()).admins(ADMIN, OTHER_ADMIN)
                .category(new Category("economy", "Экономика", "Economy", List.of()))
                .category(new Category("sport", "Спорт", "Sport", List.of()))
                .category(new Category("world", "В мире", "World", List.of()))
                .feed(new FeedSource("main", "https://example.org/rss", null, false))
                .feed(new FeedSource("sport", "https://example.org/sport.rss", "sport", false))
                .feed(new FeedSource("world", "https://example.org/world.rss", "world", false))
                .set("feed.poll-interval", "PT5M")
                .set("breaking.markers", "СРОЧНО")
                .set("digest.timezone", ZONE.getId()).set("digest.times", "08:00")
                .limits(30, 1, 20, 4, 1);
    }

    /** The editors' tools over this world, answering admins through {@code out}; small batches show batching. */
    public Admin admin(Replier out, int batchSize) {
        return new Admin(config, db, outbox, counters, out, texts::get, time, batchSize);
    }

    /** A reader with a status, language and categories. */
    public void reader(long chatId, SubscriberStatus status, String language, String... categories) {
        readers(chatId, chatId, status, language, categories);
    }

    /** Readers {@code from..to} alike, in one transaction. */
    public void readers(long from, long to, SubscriberStatus status, String language, String... categories) {
        db.useTransaction(h -> {
            for (long chatId = from; chatId <= to; chatId++) {
                subscribers.insertIfAbsent(h, chatId, chatId, "private", language, ZONE, List.of(LocalTime.of(8, 0)),
                        0, time.instant());
                subscribers.setStatus(h, chatId, status, time.instant());
                for (String c : categories) {
                    subscriptions.add(h, chatId, c);
                }
            }
        });
    }

    /** Backdates a reader: created at {@code created}, last changed at {@code updated}. */
    public void backdate(long chatId, java.time.Instant created, java.time.Instant updated) {
        db.useTransaction(h -> h.createUpdate("UPDATE subscribers SET created_at = :c, updated_at = :u WHERE chat_id = :id")
                .bind("c", created.toEpochMilli()).bind("u", updated.toEpochMilli()).bind("id", chatId).execute());
    }

    /** A stored article filed under {@code category} and, as if also seen in other feeds, {@code alsoIn}. */
    public long article(String feedId, String title, String url, String category, java.time.Instant fetchedAt,
                        String... alsoIn) {
        return db.inTransaction(h -> {
            long id = h.createUpdate("INSERT INTO articles (feed_id, dedup_key, url, title, summary, category, "
                            + "published_at, fetched_at) VALUES (:feed, :key, :url, :title, 'Summary of ' || :title, "
                            + ":cat, :at, :at)")
                    .bind("feed", feedId).bind("key", url).bind("url", url).bind("title", title).bind("cat", category)
                    .bind("at", fetchedAt.toEpochMilli())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            newsbot.testing.TestDatabases.indexOnPostgres(h, id);
            for (String c : alsoIn) {
                h.createUpdate("INSERT INTO article_categories (article_id, category) VALUES (:id, :cat)")
                        .bind("id", id).bind("cat", c).execute();
            }
            if (category != null) {
                h.createUpdate("INSERT INTO article_categories (article_id, category) VALUES (:id, :cat)")
                        .bind("id", id).bind("cat", category).execute();
            }
            return id;
        });
    }

    /** A feed's health row as the poller keeps it; {@code null} instants for "never". */
    public void feed(String id, java.time.Instant lastSuccess, java.time.Instant lastAttempt, int failures,
                     String lastError) {
        db.useTransaction(h -> h.createUpdate("INSERT INTO feeds (feed_id, url, last_success_at, last_attempt_at, "
                        + "failures, last_error) VALUES (:id, :url, :ok, :tried, :failures, :error)")
                .bind("id", id).bind("url", "https://example.org/" + id)
                .bind("ok", lastSuccess == null ? null : lastSuccess.toEpochMilli())
                .bind("tried", lastAttempt == null ? null : lastAttempt.toEpochMilli())
                .bind("failures", failures).bind("error", lastError).execute());
    }

    /** A dispatcher over this world's outbox with its own limiter, as after a restart. */
    public Dispatcher dispatcher(MessageSender sender) {
        return dispatcher(sender, new RateLimiter(config.delivery(), time));
    }

    /** A dispatcher sharing {@code limiter} with the replies, as in the app. */
    public Dispatcher dispatcher(MessageSender sender, RateLimiter limiter) {
        return new Dispatcher(db, subscribers, outbox, sender, limiter,
                new RetryPolicy(4, new SplittableRandom(7)), counters, time, newsbot.delivery.InFlightLimit.pinned(1),
                Dispatcher.DEFAULT_MAX_AGES, new PaidLane(config.delivery().paid(), time), SendFence.NONE);
    }

    /** Steps the dispatcher over virtual time until no row is due, or {@code maxSteps}. */
    public void drain(Dispatcher d, int maxSteps) {
        DispatcherDriver.run(d, time, () -> dueNow() == 0, maxSteps);
    }

    /** Steps the dispatcher {@code steps} times. */
    public void step(Dispatcher d, int steps) {
        DispatcherDriver.run(d, time, () -> false, steps);
    }

    public int dueNow() {
        return db.withHandle(h -> outbox.dueCount(h, time.instant()));
    }

    /** (chat, state) of every BROADCAST row of a broadcast, in chat order. */
    public List<Map.Entry<Long, String>> broadcastRows(long id) {
        return db.withHandle(h -> rows(h, "BROADCAST", id));
    }

    public List<Map.Entry<Long, String>> rows(Handle h, String kind, long ref) {
        return new ArrayList<>(h.createQuery("SELECT chat_id, state FROM deliveries WHERE kind = :k AND ref_id = :r "
                        + "ORDER BY chat_id")
                .bind("k", kind)
                .bind("r", ref)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list());
    }

    public String state(long broadcastId) {
        return db.withHandle(h -> h.createQuery("SELECT state FROM broadcasts WHERE id = :id").bind("id", broadcastId)
                .mapTo(String.class).one());
    }
}
