package newsbot.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for {@code article_texts}: each article's lead image and cleaned full text, and its page's fetch state. */
public final class ArticleTexts {

    /**
     * Stores what the feed gave for a new article: with a full text the page is never needed; without one it is
     * wanted, even when the feed named a picture (the page's text is still missing).
     */
    public void insert(Handle h, long articleId, String imageUrl, String body) {
        PageState state = body.isEmpty() ? PageState.WANTED : PageState.NOT_NEEDED;
        h.createUpdate("INSERT INTO article_texts (article_id, image_url, body, page_state) "
                        + "VALUES (:id, :image, :body, :state) ON CONFLICT (article_id) DO NOTHING")
                .bind("id", articleId)
                .bind("image", imageUrl)
                .bind("body", body)
                .bind("state", state.name())
                .execute();
    }

    public Optional<ArticleText> find(Handle h, long articleId) {
        return h.createQuery("SELECT article_id, image_url, body, page_state, page_attempts, page_retry_at "
                        + "FROM article_texts WHERE article_id = :id")
                .bind("id", articleId)
                .map(ArticleTexts::row)
                .findOne();
    }

    /**
     * Stores what the page gave; a picture the feed named already is kept. Only a row still due changes, so two
     * instances (or two demands) that fetched the same page store it once.
     */
    public boolean pageFetched(Handle h, long articleId, String imageUrl, String body) {
        return h.createUpdate("UPDATE article_texts SET image_url = COALESCE(image_url, :image), body = :body, "
                        + "page_state = :fetched, page_attempts = page_attempts + 1, page_retry_at = NULL "
                        + "WHERE article_id = :id AND page_state IN (:wanted, :failed)")
                .bind("id", articleId)
                .bind("image", imageUrl)
                .bind("body", body)
                .bind("fetched", PageState.FETCHED.name())
                .bind("wanted", PageState.WANTED.name())
                .bind("failed", PageState.FAILED.name())
                .execute() == 1;
    }

    /** The page will never be fetched (it is not on a feed's host): the article keeps what the feed gave. */
    public void pageNeverFetched(Handle h, long articleId) {
        h.createUpdate("UPDATE article_texts SET page_state = :never WHERE article_id = :id")
                .bind("id", articleId)
                .bind("never", PageState.NOT_NEEDED.name())
                .execute();
    }

    /** Records a failed fetch of the page; it may be tried again from {@code retryAt}. */
    public void pageFailed(Handle h, long articleId, Instant retryAt) {
        h.createUpdate("UPDATE article_texts SET page_state = :failed, page_attempts = page_attempts + 1, "
                        + "page_retry_at = :retry WHERE article_id = :id AND page_state IN (:wanted, :failed)")
                .bind("id", articleId)
                .bind("retry", retryAt.toEpochMilli())
                .bind("wanted", PageState.WANTED.name())
                .bind("failed", PageState.FAILED.name())
                .execute();
    }

    private static ArticleText row(ResultSet rs, StatementContext ctx) throws SQLException {
        long retry = rs.getLong("page_retry_at");
        Instant retryAt = rs.wasNull() ? null : Instant.ofEpochMilli(retry);
        return new ArticleText(rs.getLong("article_id"), rs.getString("image_url"), rs.getString("body"),
                PageState.valueOf(rs.getString("page_state")), rs.getInt("page_attempts"), retryAt);
    }
}
