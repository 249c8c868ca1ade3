package newsbot.store;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * {@code migrate-db}'s copy: every table of a SQLite database into an empty PostgreSQL one of the same schema, in
 * one transaction, with the search index rebuilt and the identity sequences continued; then the planner's
 * statistics and both sides' row counts.
 */
public final class SqliteToPostgres {

    /** Parents before children (foreign keys); every table of the schema but the full-text index. */
    static final List<String> TABLES = List.of("subscribers", "subscriptions", "feeds", "articles",
            "article_categories", "article_texts", "article_reads", "deliveries", "delivery_album_messages",
            "broadcasts", "bot_state", "handled_updates", "seen_items", "followed_topics", "topic_forms", "searches",
            "channels", "media_groups", "paid_spending", "corrections", "audit_log", "websub_subscriptions",
            "muted_phrases", "mute_forms", "muted_articles", "approval_requests", "tips", "tip_messages", "tip_blocks");
    /** Tables with identity ids: their sequences continue after the copied ids. */
    static final List<String> IDENTITIES = List.of("articles", "deliveries", "broadcasts", "followed_topics",
            "searches", "corrections", "audit_log", "muted_phrases", "tips");
    private static final int BATCH = 1000;

    private SqliteToPostgres() {
    }

    /** One table's rows in the source and, after the copy, in the target. */
    public record TableCount(String table, long expected, long copied) {
        public boolean matches() {
            return expected == copied;
        }
    }

    /**
     * Copies {@code source} (SQLite, not written meanwhile) into {@code target} (PostgreSQL, migrated).
     *
     * @throws StoreException when a table of the target already has rows; nothing is copied then
     */
    public static List<TableCount> copy(Database source, Database target) {
        List<Long> expected = new ArrayList<>();
        for (String table : TABLES) {
            expected.add(source.withHandle(h -> count(h, table)));
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
                Articles articles = new Articles();
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
        List<TableCount> counts = new ArrayList<>();
        for (int i = 0; i < TABLES.size(); i++) {
            String table = TABLES.get(i);
            counts.add(new TableCount(table, expected.get(i), target.withHandle(h -> count(h, table))));
        }
        return List.copyOf(counts);
    }

    // Table and column names come from the fixed lists above and the target's own catalogue, never from input.
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
