package newsbot.store.pg;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import javax.sql.DataSource;
import newsbot.store.StoreException;

/**
 * Connections to PostgreSQL, pooled: each one is a server process, far too costly to open per handle as SQLite's
 * are. Failing fast matters more than waiting: a pair's active instance that loses the database must notice
 * within seconds, so connecting, reading and idling inside a transaction all have bounds.
 */
public final class PostgresPool implements AutoCloseable {

    /** Handler threads, the sender, the jobs, the lease and the operators' endpoint, with room to spare. */
    static final int MAX_CONNECTIONS = 16;
    static final long CONNECT_TIMEOUT_MILLIS = 3_000;
    /** A statement on a dead link gives up after this; the longest real statement takes a fraction of it. */
    static final int SOCKET_TIMEOUT_SECONDS = 30;
    /**
     * The server ends a session that sits inside a transaction this long: a hung instance then stops holding the
     * locks that a standby's takeover waits for.
     */
    static final int IDLE_IN_TRANSACTION_MILLIS = 5_000;

    private final HikariDataSource dataSource;

    private PostgresPool(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Opens the pool and one connection, so a wrong URL or password stops start-up at once.
     *
     * @throws StoreException with a one-line reason naming the URL without its parameters (they may hold secrets)
     */
    public static PostgresPool open(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("newsbot-db");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        config.setValidationTimeout(2_000);
        config.setKeepaliveTime(60_000);
        config.addDataSourceProperty("connectTimeout", Long.toString(CONNECT_TIMEOUT_MILLIS / 1000));
        config.addDataSourceProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("ApplicationName", "newsbot");
        config.addDataSourceProperty("options", "-c idle_in_transaction_session_timeout=" + IDLE_IN_TRANSACTION_MILLIS);
        try {
            return new PostgresPool(new HikariDataSource(config));
        } catch (HikariPool.PoolInitializationException | IllegalArgumentException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new StoreException("cannot connect to " + describe(url) + ": " + firstLine(cause.getMessage()), e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The URL up to its parameters: {@code ?password=...} must not reach a log. */
    public static String describe(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
