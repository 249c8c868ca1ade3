package newsbot.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL behind an editor's {@code /breaking <article>}: find the article, mark it, list who gets it. */
public final class ArticlePush {

    private static final String COLUMNS = "id, title, url, summary, category, published_at, breaking";

    public Optional<PushArticle> findById(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM articles WHERE id = :id")
                .bind("id", id)
                .map(ArticlePush::map)
                .findOne();
    }

    /** The newest article with exactly this link. */
    public Optional<PushArticle> findByUrl(Handle h, String url) {
        return h.createQuery("SELECT " + COLUMNS + " FROM articles WHERE url = :url ORDER BY id DESC LIMIT 1")
                .bind("url", url)
                .map(ArticlePush::map)
                .findOne();
    }

    /** Marks the article breaking; true when it was not yet. */
    public boolean markBreaking(Handle h, long id) {
        return h.createUpdate("UPDATE articles SET breaking = 1 WHERE id = :id AND breaking = 0")
                .bind("id", id)
                .execute() == 1;
    }

    /** Every category the article is filed under: its own and those of other feeds that carried it. */
    public List<String> categoriesOf(Handle h, long id) {
        return h.createQuery("SELECT category FROM article_categories WHERE article_id = :id "
                        + "UNION SELECT category FROM articles WHERE id = :id AND category IS NOT NULL ORDER BY 1")
                .bind("id", id)
                .mapTo(String.class)
                .list();
    }

    /** Active readers with breaking news on who follow any of the article's categories, in chat order. */
    public void forEachBreakingReader(Handle h, long articleId, Consumer<PushReader> each) {
        h.createQuery("SELECT r.chat_id, r.language, r.time_zone, r.quiet_from, r.quiet_to FROM subscribers r "
                        + "WHERE r.status = 'ACTIVE' AND r.breaking_on = 1 AND EXISTS (SELECT 1 FROM subscriptions s "
                        + "WHERE s.chat_id = r.chat_id AND s.category IN (SELECT category FROM article_categories "
                        + "WHERE article_id = :id UNION SELECT category FROM articles WHERE id = :id)) "
                        + "ORDER BY r.chat_id")
                .bind("id", articleId)
                .setFetchSize(1000)
                .map((rs, ctx) -> new PushReader(rs.getLong(1), rs.getString(2), ZoneId.of(rs.getString(3)),
                        time(rs.getString(4)), time(rs.getString(5))))
                .useStream(stream -> stream.forEach(each));
    }

    private static LocalTime time(String text) {
        return text == null ? null : LocalTime.parse(text);
    }

    private static PushArticle map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new PushArticle(rs.getLong("id"), rs.getString("title"), rs.getString("url"), rs.getString("summary"),
                rs.getString("category"), Instant.ofEpochMilli(rs.getLong("published_at")),
                rs.getInt("breaking") == 1);
    }
}
