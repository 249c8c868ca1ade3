package newsbot.store;

import newsbot.html.Html;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for the {@code feeds} table: one row per configured feed, with its validators, schedule and health. */
public final class Feeds {

    private static final String COLUMNS = "feed_id, url, etag, last_modified, next_fetch_at, last_attempt_at, "
            + "last_success_at, last_status, items_seen, failures, last_error, initialized";
    // Longer errors are cut: the column feeds a one-line report.
    private static final int MAX_ERROR_CHARS = 500;

    /**
     * Inserts a configured feed, or points an existing row at a new URL. A new URL starts afresh: no validators,
     * no failures, due at once, and not initialized (its current items must not be pushed as news).
     * Returns true when a row was inserted or changed.
     */
    public boolean sync(Handle h, String feedId, String url) {
        return h.createUpdate("INSERT INTO feeds (feed_id, url, next_fetch_at) VALUES (:id, :url, 0) "
                        + "ON CONFLICT (feed_id) DO UPDATE SET url = excluded.url, etag = NULL, last_modified = NULL, "
                        + "next_fetch_at = 0, failures = 0, last_error = NULL, initialized = 0 "
                        + "WHERE feeds.url <> excluded.url")
                .bind("id", feedId)
                .bind("url", url)
                .execute() == 1;
    }

    public Optional<FeedState> find(Handle h, String feedId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM feeds WHERE feed_id = :id")
                .bind("id", feedId)
                .map(Feeds::map)
                .findOne();
    }

    /** Every row, configured or not, by id: the health report. */
    public List<FeedState> all(Handle h) {
        return h.createQuery("SELECT " + COLUMNS + " FROM feeds ORDER BY feed_id").map(Feeds::map).list();
    }

    /** Rows whose next fetch is due at {@code now}, the longest-waiting first. */
    public List<FeedState> due(Handle h, Instant now) {
        return h.createQuery("SELECT " + COLUMNS + " FROM feeds WHERE next_fetch_at <= :now ORDER BY next_fetch_at, feed_id")
                .bind("now", now.toEpochMilli())
                .map(Feeds::map)
                .list();
    }

    /** Brings a feed's next poll forward to {@code at}, never back (a push the site sent). */
    public void dueBy(Handle h, String feedId, Instant at) {
        h.createUpdate("UPDATE feeds SET next_fetch_at = :at WHERE feed_id = :id AND next_fetch_at > :at")
                .bind("at", at.toEpochMilli())
                .bind("id", feedId)
                .execute();
    }

    /** A 304: the feed is healthy and unchanged; validators and items seen stay as they are. */
    public void recordNotModified(Handle h, String feedId, int status, Instant at, Instant nextFetchAt) {
        h.createUpdate("UPDATE feeds SET last_attempt_at = :at, last_success_at = :at, last_status = :status, "
                        + "failures = 0, last_error = NULL, next_fetch_at = :next WHERE feed_id = :id")
                .bind("at", at.toEpochMilli())
                .bind("status", status)
                .bind("next", nextFetchAt.toEpochMilli())
                .bind("id", feedId)
                .execute();
    }

    /** A parsed and stored document: new validators, healthy, initialized. */
    public void recordFetched(Handle h, String feedId, int status, String etag, String lastModified, int itemsSeen,
                              Instant at, Instant nextFetchAt) {
        h.createUpdate("UPDATE feeds SET etag = :etag, last_modified = :lastModified, last_attempt_at = :at, "
                        + "last_success_at = :at, last_status = :status, items_seen = :items, failures = 0, "
                        + "last_error = NULL, initialized = 1, next_fetch_at = :next WHERE feed_id = :id")
                .bind("etag", etag)
                .bind("lastModified", lastModified)
                .bind("at", at.toEpochMilli())
                .bind("status", status)
                .bind("items", itemsSeen)
                .bind("next", nextFetchAt.toEpochMilli())
                .bind("id", feedId)
                .execute();
    }

    /** A failed attempt: one more consecutive failure; validators are kept for the next try. */
    public void recordFailure(Handle h, String feedId, Integer status, String error, Instant at, Instant nextFetchAt) {
        String line = Html.shorten(error, MAX_ERROR_CHARS);
        h.createUpdate("UPDATE feeds SET last_attempt_at = :at, last_status = :status, failures = failures + 1, "
                        + "last_error = :error, next_fetch_at = :next WHERE feed_id = :id")
                .bind("at", at.toEpochMilli())
                .bind("status", status)
                .bind("error", line)
                .bind("next", nextFetchAt.toEpochMilli())
                .bind("id", feedId)
                .execute();
    }

    private static FeedState map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new FeedState(
                rs.getString("feed_id"),
                rs.getString("url"),
                rs.getString("etag"),
                rs.getString("last_modified"),
                Instant.ofEpochMilli(rs.getLong("next_fetch_at")),
                instantOrNull(rs, "last_attempt_at"),
                instantOrNull(rs, "last_success_at"),
                intOrNull(rs, "last_status"),
                rs.getInt("items_seen"),
                rs.getInt("failures"),
                rs.getString("last_error"),
                rs.getInt("initialized") == 1);
    }

    private static Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
