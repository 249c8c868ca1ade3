package newsbot.store;

import java.time.Instant;

/**
 * An article already stored, as the ingest side needs it when the same item turns up again.
 *
 * @param category the first category it was filed under, or null
 */
public record KnownArticle(long id, String feedId, String url, String title, String summary, String category,
                           Instant publishedAt, boolean breaking) {
}
