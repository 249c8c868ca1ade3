package newsbot.ingest;

import newsbot.testing.TestConfig;

import newsbot.testing.TestClock;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import newsbot.config.BotConfig;
import newsbot.config.Category;
import newsbot.config.FeedSource;
import newsbot.feed.FeedFetcher;
import newsbot.feed.FeedServer;
import newsbot.feed.FetchLimits;
import newsbot.store.Database;
import newsbot.store.FeedState;
import newsbot.store.Feeds;

/** A feed server, a real SQLite file, a hand-moved clock and a recording fan-out, for poller tests. */
final class IngestFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");
    static final Duration INTERVAL = Duration.ofMinutes(1);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    static final Duration RETENTION = Duration.ofDays(30);
    static final long MAX_BYTES = 1L << 20;
    static final String RSS = "application/rss+xml; charset=utf-8";
    static final List<Category> CATEGORIES = List.of(
            new Category("society", "Общество", "Society", List.of("Образование", "Здоровье")),
            new Category("economy", "Экономика", "Economy", List.of("Бизнес", "Финансы")),
            new Category("politics", "Политика", "Politics", List.of("Власть")),
            new Category("incidents", "Происшествия", "Incidents", List.of("Криминал")),
            new Category("sport", "Спорт", "Sport", List.of("Sports")),
            new Category("world", "В мире", "World", List.of("Мир")));

    final FeedServer server;
    final TestClock clock = new TestClock(NOW);
    final Database db;
    final List<StoredArticle> fanned = new CopyOnWriteArrayList<>();
    private FeedPoller poller;

    IngestFixture(Path dir) throws IOException {
        server = FeedServer.start();
        db = newsbot.testing.TestDatabases.open(dir.resolve("ingest.db"));
    }

    static FeedSource feed(String id, String url, String category) {
        return new FeedSource(id, url, category, false);
    }

    static BotConfig config(Path db, List<FeedSource> feeds, Set<String> breakingFeeds) {
        TestConfig.Keys keys = TestConfig.keys().categories(CATEGORIES).feeds(feeds)
                .set("feed.poll-interval", INTERVAL.toString())
                .set("feed.max-bytes", Long.toString(MAX_BYTES))
                .set("feed.max-backoff", MAX_BACKOFF.toString())
                .set("articles.retention", RETENTION.toString())
                .set("digest.times", "08:00")
                .limits(30, 1, 20, 8, 1);
        breakingFeeds.forEach(keys::breakingFeed);
        if (db != null) { // on PostgreSQL the database has no file; the poller never reads this key
            keys.dbPath(db);
        }
        return keys.load();
    }

    BotConfig config(List<FeedSource> feeds, Set<String> breakingFeeds) {
        return config(db.file(), feeds, breakingFeeds);
    }

    /** Short timeouts so that a slow server costs the test one second. */
    static FeedFetcher fetcher() {
        return FeedFetcher.create(new FetchLimits(Duration.ofSeconds(1), Duration.ofSeconds(1), 3, MAX_BYTES,
                "newsbot-test/1.0"));
    }

    /** A poller without jitter, recording breaking articles in {@link #fanned}. */
    FeedPoller poller(BotConfig config) {
        return poller(config, (h, article) -> fanned.add(article));
    }

    FeedPoller poller(BotConfig config, BreakingFanOut fanOut) {
        if (poller != null) {
            poller.close();
        }
        poller = new FeedPoller(config, db, fetcher(), fanOut, clock, () -> 0L);
        return poller;
    }

    FeedState state(String feedId) {
        return db.withHandle(h -> new Feeds().find(h, feedId)).orElseThrow();
    }

    /** Articles whose stemmed full-text entry holds {@code form}, on either backend. */
    long ftsCount(String form) {
        return count(db.dialect() == newsbot.store.Dialect.POSTGRESQL
                ? "SELECT COUNT(*) FROM articles_fts WHERE document @@ CAST('" + form + "' AS tsquery)"
                : "SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH '" + form + "'");
    }

    long count(String sql) {
        return db.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    List<Map<String, Object>> rows(String sql) {
        return db.withHandle(h -> h.createQuery(sql).mapToMap().list());
    }

    /** The article with this title: its columns by name. */
    Map<String, Object> article(String title) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM articles WHERE title = :t").bind("t", title)
                .mapToMap().one());
    }

    List<String> categoriesOf(String title) {
        return db.withHandle(h -> h.createQuery("SELECT c.category FROM article_categories c JOIN articles a "
                + "ON a.id = c.article_id WHERE a.title = :t ORDER BY c.category").bind("t", title)
                .mapTo(String.class).list());
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.close();
        }
        server.close();
    }
}
