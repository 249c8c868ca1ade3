package newsbot.store;

import java.time.Instant;

/**
 * An article as the read queries return it: for digests one row per category the article is indexed under.
 *
 * @param category a category slug; empty for an article filed under none (it only shows in {@code /latest})
 * @param summary  plain text, possibly empty
 */
public record ArticleRow(long id, String category, String title, String url, String summary, Instant publishedAt) {
}
