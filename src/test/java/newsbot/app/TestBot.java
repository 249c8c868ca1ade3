package newsbot.app;

import newsbot.testing.TestClock;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import newsbot.config.BotConfig;
import newsbot.config.ConfigLoader;
import newsbot.store.Database;
import newsbot.telegram.FakeBotApi;

/** The whole application started in-process against {@link FakeBotApi}, with a temp database and a test clock. */
final class TestBot implements AutoCloseable {

    static final long ADMIN = 9001;

    final FakeBotApi telegram;
    final Path dir;
    final TestClock clock = new TestClock(Instant.parse("2026-11-28T06:00:00Z"));
    final Map<String, String> properties = new LinkedHashMap<>();
    private Application app;
    private BotConfig config;

    private TestBot(Path dir) {
        this.dir = dir;
        this.telegram = FakeBotApi.start();
        properties.put("telegram.token", telegram.token());
        properties.put("telegram.api-url", telegram.apiUrl());
        properties.put("telegram.admins", Long.toString(ADMIN));
        properties.put("db.path", dir.resolve("bot.db").toString());
        properties.put("category.society", "Общество");
        properties.put("category.society.name.en", "Society");
        properties.put("category.economy", "Экономика");
        properties.put("category.economy.name.en", "Economy");
        properties.put("category.sport", "Спорт");
        properties.put("category.sport.name.en", "Sport");
        properties.put("category.world", "В мире");
        properties.put("category.world.name.en", "World");
        properties.put("feed.main.url", "http://127.0.0.1:9/rss");
        properties.put("delivery.global-per-second", "1000");
        properties.put("delivery.per-chat-per-second", "100");
        properties.put("delivery.group-per-minute", "6000");
        // the tests play one reader issuing many commands in a row; the flood guard has its own tests
        properties.put("chat.flood-limit", "1000");
        // no operators' endpoint on the fixed default port: tests run side by side (OperatorsEndpointTest binds one)
        properties.put("http.port", "0");
    }

    static TestBot create(Path dir) {
        return new TestBot(dir);
    }

    /** Sets one config key before {@link #start()} or {@link #writeConfig}. */
    TestBot set(String key, String value) {
        properties.put(key, value);
        return this;
    }

    /**
     * Serves the economy and sport fixture feeds from {@code feeds} and points the config at them instead of the
     * default unreachable feed.
     */
    TestBot withFixtureFeeds(newsbot.feed.FeedServer feeds) {
        feeds.serveFixture("/economy", "rss-ekonomika.xml");
        feeds.serveFixture("/sport", "rss-sport.xml");
        properties.remove("feed.main.url");
        properties.put("feed.economy.url", feeds.url("/economy"));
        properties.put("feed.economy.category", "economy");
        properties.put("feed.sport.url", feeds.url("/sport"));
        properties.put("feed.sport.category", "sport");
        return this;
    }

    TestBot start() {
        return start(c -> c);
    }

    /** Starts with the loaded configuration changed first (an ephemeral operators' port, say). */
    TestBot start(java.util.function.UnaryOperator<BotConfig> adjust) {
        config = adjust.apply(new ConfigLoader(Map.of()).fromMap(properties));
        if (config.postgres().isEmpty()) {
            newsbot.testing.TestDatabases.seedSqlite(config.dbPath());
        }
        app = Application.start(config, clock, Duration.ofSeconds(1), Application.Schedules.OFF);
        return this;
    }

    void restart() {
        app.close();
        start();
    }

    void stop() {
        app.close();
    }

    Application app() {
        return app;
    }

    BotConfig config() {
        return config;
    }

    /** A private chat's user (Russian client) sends {@code text}; returns the bot's first message after it. */
    newsbot.telegram.FakeMessage says(long chat, String text) {
        int before = telegram.messagesTo(chat).size();
        telegram.userSends(chat, chat, text, "ru");
        return telegram.awaitMessages(chat, before + 1, Duration.ofSeconds(10)).get(before);
    }

    /** The first message to {@code chat} containing {@code text}, waited for. */
    newsbot.telegram.FakeMessage awaitText(long chat, String text) {
        return telegram.awaitMessage(m -> m.chatId() == chat && m.text().contains(text), Duration.ofSeconds(10));
    }

    Database db() {
        return Database.open(dir.resolve("bot.db"));
    }

    Path writeConfig(String name) {
        return newsbot.testing.TestConfig.write(dir.resolve(name), properties);
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
        telegram.close();
    }
}
