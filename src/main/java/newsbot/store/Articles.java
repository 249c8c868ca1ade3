package newsbot.store;

import newsbot.store.Dialect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for the {@code articles} table, its category index and its full-text index. */
public final class Articles {

    // ------------------------------------------------------------------------------------------------------------
    // Writes and lookups for ingest (FeedPoller) and pruning. Kept together so the read queries merge cleanly.
    // ------------------------------------------------------------------------------------------------------------

    private static final String KNOWN = "id, feed_id, url, title, summary, category, published_at, breaking";

    private static final Morphology MORPHOLOGY = new Morphology();

    /** Stores the article unless its dedup key is known; returns the new id, or empty when it was known. */
    public java.util.Optional<Long> insertIfNew(Handle h, NewArticle a) {
        java.util.Optional<Long> id = insert(h, a);
        if (id.isPresent() && Dialect.of(h) == Dialect.POSTGRESQL) {
            index(h, id.get(), a.title(), a.summary());
        }
        return id;
    }

    /**
     * Writes the article's stemmed title and summary to PostgreSQL's full-text table, as SQLite's triggers do
     * with {@code newsbot_stems} (migration V5): the same forms, so search finds and ranks alike on both.
     */
    public void index(Handle h, long articleId, String title, String summary) {
        h.createUpdate("INSERT INTO articles_fts (id, title, summary) VALUES (:id, :title, :summary) "
                        + "ON CONFLICT (id) DO UPDATE SET title = excluded.title, summary = excluded.summary")
                .bind("id", articleId)
                .bind("title", FtsQuery.fold(MORPHOLOGY.indexForm(title)))
                .bind("summary", FtsQuery.fold(MORPHOLOGY.indexForm(summary)))
                .execute();
    }

    private java.util.Optional<Long> insert(Handle h, NewArticle a) {
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

    /** The feed and link of an article, for fetching its page; empty when it is gone. */
    public java.util.Optional<ArticleLink> findLink(Handle h, long id) {
        return h.createQuery("SELECT id, feed_id, url FROM articles WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new ArticleLink(rs.getLong("id"), rs.getString("feed_id"), rs.getString("url")))
                .findOne();
    }

    /** An article an editor names by id, for {@code /breaking <id>}. */
    public java.util.Optional<PushArticle> findForPush(Handle h, long id) {
        return h.createQuery("SELECT " + PUSH_COLUMNS + " FROM articles WHERE id = :id")
                .bind("id", id)
                .map(Articles::pushArticle)
                .findOne();
    }

    /** The newest article with exactly this link, for {@code /breaking <link>}. */
    public java.util.Optional<PushArticle> findForPushByUrl(Handle h, String url) {
        return h.createQuery("SELECT " + PUSH_COLUMNS + " FROM articles WHERE url = :url ORDER BY id DESC LIMIT 1")
                .bind("url", url)
                .map(Articles::pushArticle)
                .findOne();
    }

    private static final String PUSH_COLUMNS = "id, title, url, summary, category, published_at, breaking";

    private static PushArticle pushArticle(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new PushArticle(rs.getLong("id"), rs.getString("title"), rs.getString("url"), rs.getString("summary"),
                rs.getString("category"), java.time.Instant.ofEpochMilli(rs.getLong("published_at")),
                rs.getInt("breaking") == 1);
    }

    /** Marks a stored article as breaking; true when it was not before. */
    /** Remembers when the article first went out as breaking; later pushes keep the first time. */
    public void markBreakingPushed(Handle h, long articleId, java.time.Instant at) {
        h.createUpdate("UPDATE articles SET breaking_pushed_at = :at WHERE id = :id AND breaking_pushed_at IS NULL")
                .bind("at", at.toEpochMilli())
                .bind("id", articleId)
                .execute();
    }

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

    // ------------------------------------------------------------------------------------------------------------
    // Reads for digests, /latest and /search. Kept together so that the ingest side's writes merge cleanly.
    // ------------------------------------------------------------------------------------------------------------

    private static final String ROW = "a.id, a.title, a.url, a.summary, a.published_at";
    /** Articles filed under no category still show in lists, under their first indexed category if any. */
    private static final String ANY_CATEGORY = "COALESCE(a.category, (SELECT MIN(c.category) FROM article_categories c "
            + "WHERE c.article_id = a.id), '')";

    /**
     * Every article with an id in {@code (afterId, upToId]} fetched at or after {@code since}, once per category it
     * is indexed under: the candidates of one scheduler tick, loaded once for all readers.
     */
    public List<ArticleRow> indexedBetween(Handle h, long afterId, long upToId, Instant since) {
        return h.createQuery("SELECT " + ROW + ", ac.category FROM article_categories ac "
                        + "JOIN articles a ON a.id = ac.article_id "
                        + "WHERE ac.article_id > :after AND ac.article_id <= :upTo AND a.fetched_at >= :since")
                .bind("after", afterId)
                .bind("upTo", upToId)
                .bind("since", since.toEpochMilli())
                .setFetchSize(1000)
                .map(Articles::mapIndexed)
                .list();
    }


    /** The newest {@code limit} articles, of one category or (when {@code category} is null) of all. */
    public List<ArticleRow> latest(Handle h, String category, int limit) {
        if (category == null) {
            return h.createQuery("SELECT " + ROW + ", " + ANY_CATEGORY + " AS category FROM articles a "
                            + "ORDER BY a.published_at DESC, a.id DESC LIMIT :limit")
                    .bind("limit", limit)
                    .map(Articles::mapIndexed)
                    .list();
        }
        return h.createQuery("SELECT " + ROW + ", ac.category FROM article_categories ac "
                        + "JOIN articles a ON a.id = ac.article_id WHERE ac.category = :category "
                        + "ORDER BY a.published_at DESC, a.id DESC LIMIT :limit")
                .bind("category", category)
                .bind("limit", limit)
                .map(Articles::mapIndexed)
                .list();
    }

    /**
     * Full-text search: {@code match} must come from {@link FtsQuery#of}. Ranked by bm25 (a title hit weighs three
     * times a summary hit) scaled down with age, so that of two equally good matches the newer comes first and a
     * week-old article needs a twice better match to beat today's.
     */
    public List<ArticleRow> search(Handle h, String match, Instant now, int limit) {
        return search(h, match, now, limit, 0);
    }

    /** {@link #search(Handle, String, Instant, int)} from the {@code offset}-th result on: a page further. */
    public List<ArticleRow> search(Handle h, String match, Instant now, int limit, int offset) {
        if (Dialect.of(h) == Dialect.POSTGRESQL) {
            return searchPostgres(h, match, now, limit, offset);
        }
        // Ranked on ids and scores alone; titles, summaries and categories are read for the page's rows only,
        // not carried through the sort of every match.
        return h.createQuery("WITH ranked AS (SELECT a.id AS id, bm25(articles_fts, 3.0, 1.0) "
                        + "/ (1.0 + MAX(0, :now - a.published_at) / :halfLife) AS score "
                        + "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                        + "WHERE articles_fts MATCH :match ORDER BY score, a.id DESC LIMIT :limit OFFSET :offset) "
                        + "SELECT " + ROW + ", " + ANY_CATEGORY + " AS category "
                        + "FROM ranked r JOIN articles a ON a.id = r.id ORDER BY r.score, a.id DESC")
                .bind("match", match)
                .bind("now", now.toEpochMilli())
                .bind("halfLife", 7 * 86_400_000.0)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(Articles::mapIndexed)
                .list();
    }

    /**
     * PostgreSQL's search over the same stemmed forms: ts_rank with a title form weighing three times a summary
     * form (bm25's 3.0 and 1.0), higher first, scaled down with age as on SQLite.
     */
    private List<ArticleRow> searchPostgres(Handle h, String match, Instant now, int limit, int offset) {
        return h.createQuery("WITH ranked AS (SELECT a.id AS id, "
                        + "ts_rank('{0.333333, 0.333333, 0.333333, 1.0}', f.document, CAST(:match AS tsquery)) "
                        + "/ (1.0 + GREATEST(0, :now - a.published_at) / :halfLife) AS score "
                        + "FROM articles_fts f JOIN articles a ON a.id = f.id "
                        + "WHERE f.document @@ CAST(:match AS tsquery) ORDER BY score DESC, a.id DESC "
                        + "LIMIT :limit OFFSET :offset) "
                        + "SELECT " + ROW + ", " + ANY_CATEGORY + " AS category "
                        + "FROM ranked r JOIN articles a ON a.id = r.id ORDER BY r.score DESC, a.id DESC")
                .bind("match", FtsQuery.toTsQuery(match))
                .bind("now", now.toEpochMilli())
                .bind("halfLife", 7 * 86_400_000.0)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(Articles::mapIndexed)
                .list();
    }

    private static ArticleRow mapIndexed(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ArticleRow(rs.getLong("id"), rs.getString("category"), rs.getString("title"), rs.getString("url"),
                rs.getString("summary"), Instant.ofEpochMilli(rs.getLong("published_at")));
    }
}
