package newsbot.store;

import org.jdbi.v3.core.Handle;

/** SQL for the {@code articles} table, its category index and its full-text index. */
public final class Articles {

    // ------------------------------------------------------------------------------------------------------------
    // Writes and lookups for ingest (FeedPoller) and pruning. Kept together so the read queries merge cleanly.
    // ------------------------------------------------------------------------------------------------------------

    private static final String KNOWN = "id, feed_id, url, title, summary, category, published_at, breaking";

    /** Stores the article unless its dedup key is known; returns the new id, or empty when it was known. */
    public java.util.Optional<Long> insertIfNew(Handle h, NewArticle a) {
        // RETURNING yields no row when ON CONFLICT skipped the insert: one statement says "new" and gives the id.
        return h.createQuery("INSERT INTO articles (feed_id, dedup_key, url, title, summary, category, published_at, "
                        + "fetched_at, breaking) VALUES (:feed, :key, :url, :title, :summary, :category, :published, "
                        + ":fetched, :breaking) ON CONFLICT (dedup_key) DO NOTHING RETURNING id")
                .bind("feed", a.feedId())
                .bind("key", a.dedupKey())
                .bind("url", a.url())
                .bind("title", a.title())
                .bind("summary", a.summary())
                .bind("category", a.category())
                .bind("published", a.publishedAt().toEpochMilli())
                .bind("fetched", a.fetchedAt().toEpochMilli())
                .bind("breaking", a.breaking() ? 1 : 0)
                .mapTo(Long.class)
                .findOne();
    }

    public java.util.Optional<KnownArticle> findByKey(Handle h, String dedupKey) {
        return h.createQuery("SELECT " + KNOWN + " FROM articles WHERE dedup_key = :key")
                .bind("key", dedupKey)
                .map((rs, ctx) -> new KnownArticle(rs.getLong("id"), rs.getString("feed_id"), rs.getString("url"),
                        rs.getString("title"), rs.getString("summary"), rs.getString("category"),
                        java.time.Instant.ofEpochMilli(rs.getLong("published_at")), rs.getInt("breaking") == 1))
                .findOne();
    }

    /** Indexes the article under {@code category}; an article carried by two feeds is indexed under both. */
    public boolean addCategory(Handle h, long articleId, String category) {
        return h.createUpdate("INSERT INTO article_categories (article_id, category) VALUES (:id, :category) "
                        + "ON CONFLICT DO NOTHING")
                .bind("id", articleId)
                .bind("category", category)
                .execute() == 1;
    }

    /** Files an article that has no category yet under {@code category}; a first category is never replaced. */
    public void fileIfUnfiled(Handle h, long articleId, String category) {
        h.createUpdate("UPDATE articles SET category = :category WHERE id = :id AND category IS NULL")
                .bind("id", articleId)
                .bind("category", category)
                .execute();
    }

    /** Every category the article is indexed under, alphabetically. */
    public java.util.List<String> categoriesOf(Handle h, long articleId) {
        return h.createQuery("SELECT category FROM article_categories WHERE article_id = :id ORDER BY category")
                .bind("id", articleId)
                .mapTo(String.class)
                .list();
    }

    /** Marks a stored article as breaking; true when it was not before. */
    public boolean markBreaking(Handle h, long articleId) {
        return h.createUpdate("UPDATE articles SET breaking = 1 WHERE id = :id AND breaking = 0")
                .bind("id", articleId)
                .execute() == 1;
    }

    /**
     * Deletes at most {@code limit} articles fetched before {@code cutoff}, oldest first; their category index rows
     * go by ON DELETE CASCADE and their full-text entries by trigger. Returns how many were deleted.
     */
    public int deleteFetchedBefore(Handle h, java.time.Instant cutoff, int limit) {
        return h.createUpdate("DELETE FROM articles WHERE id IN "
                        + "(SELECT id FROM articles WHERE fetched_at < :cutoff ORDER BY fetched_at LIMIT :limit)")
                .bind("cutoff", cutoff.toEpochMilli())
                .bind("limit", limit)
                .execute();
    }

    // ------------------------------------------------------------------------------------------------------------

    /** The highest article id so far: a new reader's digest starts after it. */
    public long maxId(Handle h) {
        return h.createQuery("SELECT COALESCE(MAX(id), 0) FROM articles").mapTo(Long.class).one();
    }
}
