package newsbot.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import newsbot.config.BotConfig;
import newsbot.store.Database;
import newsbot.store.SqliteToPostgres;
import newsbot.store.StoreException;

/**
 * {@code migrate-db --to jdbc:postgresql://…}: copies the SQLite database of {@code db.path} into an empty
 * PostgreSQL one ({@link SqliteToPostgres}), then prints and compares the row counts. The target is the config's
 * {@code db.url}, which {@code --to} sets, reached as {@code db.user} with {@code db.password}
 * ({@code NEWSBOT_DB_PASSWORD}). The bot may keep running: the copy is read from a consistent snapshot
 * ({@code VACUUM INTO}, as {@code backup} makes), so what it queues after the snapshot is not copied; stop it
 * before the pair starts.
 */
final class MigrateDb {

    private final BotConfig config;
    private final PrintStream out;

    MigrateDb(BotConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    int run() {
        long started = System.nanoTime();
        BotConfig.Postgres target = config.postgres().orElseThrow(
                () -> new IllegalStateException("migrate-db needs --to, which sets db.url"));
        Path snapshot;
        try {
            snapshot = Files.createTempFile("newsbot-migrate", ".db");
            Files.delete(snapshot);
        } catch (IOException e) {
            throw new StoreException("cannot create a temp file: " + e.getMessage(), e);
        }
        Database.backup(config.dbPath(), snapshot);
        try (Database pg = Database.openPostgres(target.url(), target.user(), target.password())) {
            List<SqliteToPostgres.TableCount> counts = SqliteToPostgres.copy(Database.open(snapshot), pg);
            List<String> wrong = counts.stream().filter(c -> !c.matches()).map(SqliteToPostgres.TableCount::table)
                    .toList();
            for (SqliteToPostgres.TableCount c : counts) {
                out.printf("%-20s %10d rows%s%n", c.table(), c.copied(), c.matches() ? ""
                        : "  (expected " + c.expected() + ")");
            }
            if (!wrong.isEmpty()) {
                throw new StoreException("row counts differ in " + String.join(", ", wrong), null);
            }
            out.printf("copied %s to %s in %d ms; counts match%n", config.dbPath(),
                    newsbot.store.pg.PostgresPool.describe(target.url()), (System.nanoTime() - started) / 1_000_000);
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
}
