package newsbot.store;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** The SQLite database: opened with safe pragmas, migrated by Flyway at start-up, used through Jdbi handles. */
public final class Database {

    private final Jdbi jdbi;
    private final Path file;

    private Database(Jdbi jdbi, Path file) {
        this.jdbi = jdbi;
        this.file = file;
    }

    /**
     * Opens (creating if needed) and migrates the database.
     *
     * @throws StoreException with a one-line reason when the file cannot be opened or migrated
     */
    public static Database open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (Exception e) {
            throw new StoreException("cannot create the directory for " + file + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5000);
        // Every transaction takes the write lock up front: a deferred read-then-write fails at once with
        // SQLITE_BUSY_SNAPSHOT when another connection wrote in between.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource dataSource = new StemmingDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot open or migrate database " + file + ": " + firstLine(e.getMessage()), e);
        }
        return new Database(Jdbi.create(dataSource), file);
    }

    public <R> R inTransaction(HandleFunction<R> callback) {
        return jdbi.inTransaction(callback::apply);
    }

    public void useTransaction(HandleConsumer callback) {
        jdbi.useTransaction(callback::accept);
    }

    public <R> R withHandle(HandleFunction<R> callback) {
        return jdbi.withHandle(callback::apply);
    }

    /**
     * A handle on its own connection, kept by a thread that uses the database continuously (the dispatcher):
     * opening a SQLite connection costs a millisecond or two, far more than a statement. The caller closes it.
     */
    public Handle openHandle() {
        return jdbi.open();
    }

    public Path file() {
        return file;
    }

    /**
     * Writes a consistent copy of the live database to {@code target} with {@code VACUUM INTO}: one read
     * transaction, so writers go on meanwhile (WAL) and the copy holds every commit up to its start. The copy is
     * compact and self-contained (no -wal file). Opens its own connection and never migrates, so it is safe while
     * the bot runs, even from a newer jar.
     *
     * @throws StoreException with a one-line reason: no such database, target exists, disk full...
     */
    public static void backup(Path live, Path target) {
        if (!Files.isRegularFile(live)) {
            throw new StoreException("no database at " + live, null);
        }
        if (Files.exists(target)) {
            throw new StoreException("backup target " + target + " exists; choose a new file", null);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(5000);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + live.toAbsolutePath());
        try {
            Jdbi.create(dataSource).useHandle(h -> h.createUpdate("VACUUM INTO :target")
                    .bind("target", target.toAbsolutePath().toString())
                    .execute());
        } catch (RuntimeException e) {
            throw new StoreException("backup of " + live + " to " + target + " failed: "
                    + firstLine(String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage())), e);
        }
    }

    /** Bytes on disk of the database and its write-ahead log, for operators; 0 for a file that is not there. */
    public long sizeOnDisk() {
        return sizeOf(file) + sizeOf(Path.of(file.toAbsolutePath() + "-wal"));
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }

    /** A unit of work on a handle with a result. */
    @FunctionalInterface
    public interface HandleFunction<R> {
        R apply(Handle handle);
    }

    /** A unit of work on a handle without a result. */
    @FunctionalInterface
    public interface HandleConsumer {
        void accept(Handle handle);
    }
}
