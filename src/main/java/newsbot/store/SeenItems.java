package newsbot.store;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * The {@code seen_items} table: the dedup keys of every item stored, kept longer than the articles, so an item a
 * feed still carries after its article was pruned does not come back as new.
 */
public final class SeenItems {

    /**
     * Records a sighting of {@code key}; returns true when the key was never seen (or long forgotten). A key seen
     * before gets its time refreshed, so it is kept for as long as its feed keeps carrying the item.
     */
    public boolean firstSighting(Handle h, String key, Instant now) {
        int refreshed = h.createUpdate("UPDATE seen_items SET seen_at = :now WHERE dedup_key = :key")
                .bind("now", now.toEpochMilli())
                .bind("key", key)
                .execute();
        if (refreshed == 1) {
            return false;
        }
        h.createUpdate("INSERT INTO seen_items (dedup_key, seen_at) VALUES (:key, :now)")
                .bind("key", key)
                .bind("now", now.toEpochMilli())
                .execute();
        return true;
    }

    /** Deletes at most {@code limit} keys last seen before {@code cutoff}, oldest first; returns how many. */
    public int deleteSeenBefore(Handle h, Instant cutoff, int limit) {
        return h.createUpdate("DELETE FROM seen_items WHERE dedup_key IN (SELECT dedup_key FROM seen_items "
                        + "WHERE seen_at < :cutoff ORDER BY seen_at LIMIT :limit)")
                .bind("cutoff", cutoff.toEpochMilli())
                .bind("limit", limit)
                .execute();
    }

    /** Deletes at most {@code limit} of the oldest keys beyond the newest {@code keep}; returns how many. */
    public int deleteBeyond(Handle h, int keep, int limit) {
        long beyond = Math.max(0, Math.min(limit, count(h) - keep));
        if (beyond == 0) {
            return 0;
        }
        return h.createUpdate("DELETE FROM seen_items WHERE dedup_key IN (SELECT dedup_key FROM seen_items "
                        + "ORDER BY seen_at LIMIT :beyond)")
                .bind("beyond", beyond)
                .execute();
    }

    public long count(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM seen_items").mapTo(Long.class).one();
    }
}
