package newsbot.store;

import java.time.Instant;

/**
 * An article to store, already cleaned to plain text.
 *
 * @param dedupKey the key that makes it stored once however many feeds carry it
 * @param category a category slug, or null when it belongs to none (it then only shows in {@code /latest})
 * @param imageUrl the lead image, an absolute http(s) URL, or null when the feed named none
 * @param body     the cleaned full text as {@code feed.ArticleBodyCodec} writes it; empty when the feed has none
 */
public record NewArticle(String feedId, String dedupKey, String url, String title, String summary, String category,
                         Instant publishedAt, Instant fetchedAt, boolean breaking, String imageUrl, String body) {

    public NewArticle {
        body = body == null ? "" : body;
    }

    /** An article whose feed gave neither picture nor full text. */
    public NewArticle(String feedId, String dedupKey, String url, String title, String summary, String category,
                      Instant publishedAt, Instant fetchedAt, boolean breaking) {
        this(feedId, dedupKey, url, title, summary, category, publishedAt, fetchedAt, breaking, null, "");
    }
}
