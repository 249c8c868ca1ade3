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
