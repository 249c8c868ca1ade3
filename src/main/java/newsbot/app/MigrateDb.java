package newsbot.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newsbot.config.BotConfig;
import newsbot.store.Articles;
import newsbot.store.Database;
import newsbot.store.StoreException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * {@code migrate-db --to jdbc:postgresql://…}: copies the SQLite database of {@code db.path} into an empty
 * PostgreSQL one, table by table in one transaction, then compares the row counts. The bot may keep running: the
 * copy is read from a consistent snapshot ({@code VACUUM INTO}, as {@code backup} makes), so what it queues
 * after the snapshot is not copied; stop it before the pair starts.
 */
final class MigrateDb {

    /** Parents before children (foreign keys); every table of the schema but the full-text index. */
    static final List<String> TABLES = List.of("subscribers", "subscriptions", "feeds", "articles",
            "article_categories", "deliveries", "broadcasts", "bot_state", "handled_updates", "seen_items",
            "followed_topics", "topic_forms", "searches", "channels", "media_groups", "paid_spending", "corrections");
    /** Tables with identity ids: their sequences continue after the copied ids. */
    static final List<String> IDENTITIES = List.of("articles", "deliveries", "broadcasts", "followed_topics",
            "searches", "corrections");
    private static final int BATCH = 1000;

    private final BotConfig config;
    private final PrintStream out;

    MigrateDb(BotConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    int run(String targetUrl) {
        long started = System.nanoTime();
        Path snapshot;
        try {
            snapshot = Files.createTempFile("newsbot-migrate", ".db");
            Files.delete(snapshot);
        } catch (IOException e) {
            throw new StoreException("cannot create a temp file: " + e.getMessage(), e);
        }
        Database.backup(config.dbPath(), snapshot);
        String user = config.postgres().map(BotConfig.Postgres::user).orElse("newsbot");
        String password = config.postgres().map(BotConfig.Postgres::password).orElse("");
        try (Database target = Database.openPostgres(targetUrl, user, password)) {
            Database source = Database.open(snapshot);
            Map<String, Long> expected = new LinkedHashMap<>();
            for (String table : TABLES) {
                expected.put(table, source.withHandle(h -> count(h, table)));
            }
            target.useTransaction(t -> {
                for (String table : TABLES) {
                    if (count(t, table) != 0) {
                        throw new StoreException("the target database is not empty: " + table + " has rows", null);
                    }
                }
                source.withHandle(s -> {
                    for (String table : TABLES) {
                        copy(s, t, table);
                    }
                    return null;
                });
                Articles articles = new Articles();
                source.withHandle(s -> {
                    s.createQuery("SELECT id, title, summary FROM articles").setFetchSize(BATCH)
                            .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)})
                            .forEach(a -> articles.index(t, (Long) a[0], (String) a[1], (String) a[2]));
                    return null;
                });
                for (String table : IDENTITIES) {
                    t.createQuery("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), "
                            + "COALESCE((SELECT MAX(id) FROM " + table + "), 0) + 1, false)").mapTo(Long.class).one();
                }
            });
            // copied tables have no planner statistics yet: without them PostgreSQL plans the digest's lookups as
            // scans of every alert (84 s instead of 14 s for 100,000 digests in the benchmark), until autovacuum
            target.withHandle(h -> h.execute("ANALYZE"));
            List<String> wrong = new ArrayList<>();
            for (Map.Entry<String, Long> e : expected.entrySet()) {
                long copied = target.withHandle(h -> count(h, e.getKey()));
                out.printf("%-20s %10d rows%s%n", e.getKey(), copied, copied == e.getValue() ? ""
                        : "  (expected " + e.getValue() + ")");
                if (copied != e.getValue()) {
                    wrong.add(e.getKey());
                }
            }
            if (!wrong.isEmpty()) {
                throw new StoreException("row counts differ in " + String.join(", ", wrong), null);
            }
            out.printf("copied %s to %s in %d ms; counts match%n", config.dbPath(),
                    newsbot.store.pg.PostgresPool.describe(targetUrl), (System.nanoTime() - started) / 1_000_000);
            return Main.OK;
        } finally {
            try {
                Files.deleteIfExists(snapshot);
                Files.deleteIfExists(Path.of(snapshot + "-wal"));
                Files.deleteIfExists(Path.of(snapshot + "-shm"));
            } catch (IOException ignored) {
                // a temp file left behind
            }
        }
    }

    private static long count(Handle h, String table) {
        return h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one();
    }

    private static void copy(Handle from, Handle to, String table) {
        List<String> columns = to.createQuery("SELECT column_name FROM information_schema.columns "
                        + "WHERE table_schema = current_schema() AND table_name = :t AND is_generated = 'NEVER' "
                        + "ORDER BY ordinal_position")
                .bind("t", table).mapTo(String.class).list();
        String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> ":" + c).toList()) + ")";
        PreparedBatch[] batch = {to.prepareBatch(insert)};
        from.createQuery("SELECT " + String.join(", ", columns) + " FROM " + table).setFetchSize(BATCH).mapToMap()
                .forEach(row -> {
                    for (String c : columns) {
                        batch[0].bindByType(c, row.get(c), row.get(c) == null ? Object.class : row.get(c).getClass());
                    }
                    batch[0].add();
                    if (batch[0].size() >= BATCH) {
                        batch[0].execute();
                        batch[0] = to.prepareBatch(insert);
                    }
                });
        if (batch[0].size() > 0) {
            batch[0].execute();
        }
    }
}
