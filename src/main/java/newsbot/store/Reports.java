package newsbot.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** Read-only aggregates across tables for the editors' {@code /stats} and {@code /feeds}. */
public final class Reports {

    public int articlesFetchedSince(Handle h, Instant since) {
        return h.createQuery("SELECT COUNT(*) FROM articles WHERE fetched_at >= :since")
                .bind("since", since.toEpochMilli())
                .mapTo(Integer.class)
                .one();
    }

    /**
     * Readers that were active at each instant, approximated without a status history: a reader counts from its
     * creation on, and until its last change if it is not ACTIVE now (that change is taken as the one that made it
     * inactive). One scan of the table for all instants.
     */
    public List<Integer> activeReadersAt(Handle h, List<Instant> instants) {
        if (instants.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < instants.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("COALESCE(SUM(CASE WHEN created_at <= :t").append(i)
                    .append(" AND (status = 'ACTIVE' OR updated_at > :t").append(i).append(") THEN 1 ELSE 0 END), 0)");
        }
        Query query = h.createQuery(sql.append(" FROM subscribers").toString());
        for (int i = 0; i < instants.size(); i++) {
            query.bind("t" + i, instants.get(i).toEpochMilli());
        }
        return query.map((rs, ctx) -> {
            List<Integer> counts = new ArrayList<>(instants.size());
            for (int i = 1; i <= instants.size(); i++) {
                counts.add(rs.getInt(i));
            }
            return counts;
        }).one();
    }


    /** Every feed the poller has a row for, with its articles fetched since {@code since}. */
    public List<FeedHealthRow> feedHealth(Handle h, Instant since) {
        return h.createQuery("SELECT f.feed_id, f.url, f.last_success_at, f.last_attempt_at, f.failures, f.last_error, "
                        + "(SELECT COUNT(*) FROM articles a WHERE a.feed_id = f.feed_id AND a.fetched_at >= :since) "
                        + "FROM feeds f ORDER BY f.feed_id")
                .bind("since", since.toEpochMilli())
                .map((rs, ctx) -> {
                    long success = rs.getLong(3);
                    Instant lastSuccess = rs.wasNull() ? null : Instant.ofEpochMilli(success);
                    long attempt = rs.getLong(4);
                    Instant lastAttempt = rs.wasNull() ? null : Instant.ofEpochMilli(attempt);
                    return new FeedHealthRow(rs.getString(1), rs.getString(2), lastSuccess, lastAttempt, rs.getInt(5),
                            rs.getString(6), rs.getInt(7));
                })
                .list();
    }
}
