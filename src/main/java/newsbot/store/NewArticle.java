package newsbot.store;

import java.time.Instant;

/**
 * An article to store, already cleaned to plain text.
 *
 * @param dedupKey the key that makes it stored once however many feeds carry it
 * @param category a category slug, or null when it belongs to none (it then only shows in {@code /latest})
 */
public record NewArticle(String feedId, String dedupKey, String url, String title, String summary, String category,
                         Instant publishedAt, Instant fetchedAt, boolean breaking) {
}
