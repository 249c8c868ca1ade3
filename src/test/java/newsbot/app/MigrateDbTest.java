package newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import newsbot.store.Articles;
import newsbot.store.Database;

import newsbot.store.FtsQuery;
import newsbot.store.NewArticle;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.DeliveryTime;
import newsbot.delivery.Manner;
import newsbot.delivery.Outbox;
import newsbot.testing.PostgresServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate-db}: a SQLite database copied into an empty PostgreSQL one, counts checked, search alike. */
@Tag("postgresql")
class MigrateDbTest {

    private static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");

    @TempDir
    Path dir;

    @Test
    void copiesEverythingIntoAnEmptyPostgresAndRefusesAFullOne() throws Exception {
        Path file = dir.resolve("bot.db");
        Database sqlite = Database.open(file);
        sqlite.useTransaction(h -> {
            h.execute("INSERT INTO subscribers (chat_id, language, time_zone, digest_times, created_at, updated_at) "
                    + "VALUES (5000000001, 'ru', 'Asia/Bishkek', '08:00', 1, 1)");
            h.execute("INSERT INTO subscriptions (chat_id, category) VALUES (5000000001, 'news')");
            new Articles().insertIfNew(h, new NewArticle("f", "k1", "https://x.example/1", "Выборы в Кенеш",
                    "ЦИК", "news", NOW, NOW, false));
            new Outbox(DeliveryTime.system()).enqueue(h, 5000000001L, DeliveryKind.DIGEST, 1, "Дайджест", Manner.PLAIN,
                    NOW);
            h.execute("INSERT INTO bot_state (key, value) VALUES ('last_update_id', '42')");
        });
        Path config = dir.resolve("bot.properties");
        Files.writeString(config, "category.news=Новости\nfeed.main.url=http://127.0.0.1:9/rss\ndb.path=" + file
                + "\ndb.user=" + PostgresServer.USER + "\n", StandardCharsets.UTF_8);
        String url = PostgresServer.shared().newEmptyDatabaseUrl();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main main = new Main(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        int code = main.run(new String[] {"migrate-db", "--config", config.toString(), "--to", url});

        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("counts match");
        try (Database pg = Database.openPostgres(url, PostgresServer.USER, "")) {
            String offset = pg.withHandle(h -> h.createQuery("SELECT value FROM bot_state").mapTo(String.class).one());
            assertThat(offset).isEqualTo("42");
            java.util.List<newsbot.store.ArticleRow> found =
                    pg.withHandle(h -> new Articles().search(h, FtsQuery.of("выборах").orElseThrow(), NOW, 5));
            assertThat(found).hasSize(1);
            // new rows continue after the copied ids
            long next = pg.inTransaction(h -> new Articles().insertIfNew(h, new NewArticle("f", "k2",
                    "https://x.example/2", "Другое", "", null, NOW, NOW, false)).orElseThrow());
            assertThat(next).isGreaterThan(1);
        }
        int again = main.run(new String[] {"migrate-db", "--config", config.toString(), "--to", url});
        assertThat(again).isEqualTo(Main.BAD_SETUP);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not empty");
    }

    /** The target's user is db.user and its password NEWSBOT_DB_PASSWORD, as README says, from a SQLite config. */
    @Test
    void connectsAsDbUserWithThePasswordFromTheEnvironment() throws Exception {
        Path file = dir.resolve("bot.db");
        Database.open(file).useTransaction(h -> h.execute("INSERT INTO bot_state (key, value) VALUES "
                + "('last_update_id', '7')"));
        Path config = dir.resolve("bot.properties");
        Files.writeString(config, "category.news=Новости\nfeed.main.url=http://127.0.0.1:9/rss\ndb.path=" + file
                + "\ndb.user=migrator\n", StandardCharsets.UTF_8);
        String url = PostgresServer.shared().newEmptyDatabaseUrlOwnedBy("migrator", "pa+ss word");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        String[] args = {"migrate-db", "--config", config.toString(), "--to", url};

        assertThat(new Main(Map.of("NEWSBOT_DB_PASSWORD", "wrong"), out, errors).run(args)).isEqualTo(Main.BAD_SETUP);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("database error: ").contains("migrator")
                .doesNotContain("wrong");

        err.reset();
        assertThat(new Main(Map.of("NEWSBOT_DB_PASSWORD", "pa+ss word"), out, errors).run(args)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        try (Database pg = Database.openPostgres(url, "migrator", "pa+ss word")) {
            String owner = pg.withHandle(h -> h.createQuery("SELECT tableowner FROM pg_tables WHERE tablename = "
                    + "'bot_state'").mapTo(String.class).one());
            assertThat(owner).isEqualTo("migrator");
            String offset = pg.withHandle(h -> h.createQuery("SELECT value FROM bot_state").mapTo(String.class).one());
            assertThat(offset).isEqualTo("7");
        }
    }
}
