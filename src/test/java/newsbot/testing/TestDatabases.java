package newsbot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import newsbot.store.Database;

/**
 * Opens a test's database: SQLite at {@code file}, as always, unless the test's directory was marked with
 * {@link #usePostgres}; then a PostgreSQL database of its own on {@link PostgresServer}, the same one each time
 * the same file is opened again (a restarted bot finds its data). This is how a repository test runs on both
 * backends: its PostgreSQL subclass marks the directory and inherits every test.
 */
public final class TestDatabases {

    private static final String MARK = "postgresql";

    private TestDatabases() {
    }

    /** From now on, databases opened in {@code dir} are PostgreSQL databases. */
    public static void usePostgres(Path dir) {
        try {
            Files.createDirectories(dir.resolve(MARK));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean onPostgres(Path dir) {
        return Files.isDirectory(dir.resolve(MARK));
    }

    public static Database open(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (!onPostgres(dir)) {
            seedSqlite(file);
            return Database.open(file);
        }
        return PostgresServer.shared().open(postgresUrl(file));
    }

    /**
     * Puts a migrated empty SQLite database at {@code file} unless one is there: a copy of one migrated once per
     * test JVM. Migrating every test's new file from scratch cost about 85 ms of CPU each, a tenth of the suite's;
     * opening the copy only validates the migrations. The migrations themselves are tested from scratch where
     * that is the point ({@code DatabaseTest}, {@code MigrateDbTest}).
     */
    public static void seedSqlite(Path file) {
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.copy(SqliteTemplate.FILE, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class SqliteTemplate {
        static final Path FILE = create();

        private static Path create() {
            try {
                Path dir = Files.createTempDirectory("newsbot-template");
                dir.toFile().deleteOnExit();
                Path migrated = dir.resolve("migrated.db");
                Database.open(migrated);
                Path template = dir.resolve("template.db");
                Database.backup(migrated, template); // one self-contained file, without a -wal beside it
                for (Path p : new Path[] {migrated, Path.of(migrated + "-wal"), Path.of(migrated + "-shm"), template}) {
                    p.toFile().deleteOnExit();
                }
                return template;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Indexes an article a test inserted with its own SQL for search, on PostgreSQL where no trigger does (the
     * production path, {@code Articles.insertIfNew}, does it itself); nothing to do on SQLite.
     */
    public static void indexOnPostgres(org.jdbi.v3.core.Handle h, long articleId) {
        if (newsbot.store.Dialect.of(h) != newsbot.store.Dialect.POSTGRESQL) {
            return;
        }
        java.util.Map<String, Object> row = h.createQuery("SELECT title, summary FROM articles WHERE id = :id")
                .bind("id", articleId).mapToMap().one();
        new newsbot.store.Articles().index(h, articleId, (String) row.get("title"), (String) row.get("summary"));
    }

    /** The JDBC URL standing for {@code file} in a directory marked for PostgreSQL, made on first use. */
    public static synchronized String postgresUrl(Path file) {
        Path link = file.toAbsolutePath().getParent().resolve(MARK).resolve(file.getFileName().toString());
        try {
            if (Files.exists(link)) {
                return Files.readString(link, StandardCharsets.UTF_8);
            }
            String url = PostgresServer.shared().newDatabaseUrl();
            Files.writeString(link, url, StandardCharsets.UTF_8);
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
