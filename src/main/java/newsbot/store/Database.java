package newsbot.store;

import java.util.function.Supplier;
import newsbot.store.Dialect;
import newsbot.store.pg.FencedAutocommit;
import newsbot.store.pg.GuardedTransactions;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The database: SQLite by default (opened with safe pragmas) or PostgreSQL for a pair of instances, migrated by
 * Flyway at start-up from the dialect's own location, used through Jdbi handles.
 */
public final class Database implements AutoCloseable {

    /** SQLite's migrations; never renamed: installed databases keep their Flyway checksums. */
    static final String SQLITE_MIGRATIONS = "classpath:db/migration";
    /** PostgreSQL's, one file per SQLite migration of the same version where the SQL must differ. */
    static final String POSTGRESQL_MIGRATIONS = "classpath:db/postgresql";

    private final Jdbi jdbi;
    private final Path file;
    /** A new Jdbi over the same connections and settings, for {@link #guarded}. */
    private final Supplier<Jdbi> configured;
    private final AutoCloseable pool;

    private Database(Supplier<Jdbi> configured, Path file, AutoCloseable pool) {
        this(configured.get(), configured, file, pool);
    }

    private Database(Jdbi jdbi, Supplier<Jdbi> configured, Path file, AutoCloseable pool) {
        this.jdbi = jdbi;
        this.configured = configured;
        this.file = file;
        this.pool = pool;
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
        return new Database(() -> Jdbi.create(dataSource), file, () -> { });
    }

    /**
     * Connects to PostgreSQL (a small pool) and migrates it from {@link #POSTGRESQL_MIGRATIONS}. Any number of
     * instances may do so at once: Flyway serialises them with a lock of its own.
     *
     * @throws StoreException with a one-line reason that never contains the password
     */
    public static Database openPostgres(String url, String user, String password) {
        newsbot.store.pg.PostgresPool pool = newsbot.store.pg.PostgresPool.open(url, user, password);
        try {
            Flyway.configure()
                    .dataSource(pool.dataSource())
                    .locations(POSTGRESQL_MIGRATIONS)
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            pool.close();
            throw new StoreException("cannot migrate database " + newsbot.store.pg.PostgresPool.describe(url) + ": "
                    + firstLine(e.getMessage()), e);
        }
        return new Database(() -> postgresJdbi(pool), null, pool);
    }

    private static Jdbi postgresJdbi(newsbot.store.pg.PostgresPool pool) {
        Jdbi jdbi = Jdbi.create(pool.dataSource());
        jdbi.getConfig(Dialect.Setting.class).set(Dialect.POSTGRESQL);
        // PostgreSQL's text cannot hold U+0000, SQLite's can: a reader's stray NUL becomes U+FFFD, not an error
        jdbi.registerArgument(new org.jdbi.v3.core.argument.AbstractArgumentFactory<String>(java.sql.Types.VARCHAR) {
            @Override
            protected org.jdbi.v3.core.argument.Argument build(String value, org.jdbi.v3.core.config.ConfigRegistry c) {
                String text = value.indexOf('\0') < 0 ? value : value.replace('\0', '\uFFFD');
                return (position, statement, context) -> statement.setString(position, text);
            }
        });
        return jdbi;
    }

    /**
     * The same database whose every transaction first runs {@code guard} on its handle: a pair's active instance
     * fences its writes with the lease there (a guard throws to refuse). That holds for every transaction on any
     * handle of the returned database, also those opened by {@link #openHandle} and {@link #withHandle} and kept
     * for many transactions; a write outside a transaction runs in a transaction of its own, so it is guarded
     * too ({@link FencedAutocommit}). Reads outside a transaction are not guarded.
     */
    public Database guarded(HandleConsumer transactionGuard) {
        Jdbi fenced = configured.get();
        fenced.setTransactionHandler(new GuardedTransactions(fenced.getTransactionHandler(), transactionGuard));
        fenced.getConfig(Handles.class).addListener(new FencedAutocommit());
        return new Database(fenced, configured, file, pool);
    }

    public Dialect dialect() {
        return jdbi.getConfig(Dialect.Setting.class).dialect();
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

    /** The SQLite file; null on PostgreSQL. */
    public Path file() {
        return file;
    }

    /** Closes PostgreSQL's pool; nothing to do for SQLite, which opens a connection per handle. */
    @Override
    public void close() {
        try {
            pool.close();
        } catch (Exception e) {
            throw new StoreException("closing the database failed: " + e.getMessage(), e);
        }
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

    /**
     * Bytes on disk of the database and its write-ahead log, for operators; 0 for a file that is not there. On
     * PostgreSQL, the size of the database as the server counts it.
     */
    public long sizeOnDisk() {
        if (file == null) {
            return withHandle(h -> h.createQuery("SELECT pg_database_size(current_database())")
                    .mapTo(Long.class).one());
        }
        return sizeOf(file) + sizeOf(Path.of(file.toAbsolutePath() + "-wal"));
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    static String firstLine(String message) {
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
