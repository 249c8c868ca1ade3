package newsbot.store;

import java.time.Instant;

/**
 * A stored article as {@code /breaking} needs it.
 *
 * @param category its primary category slug, or {@code null}
 * @param breaking whether it was already marked breaking (by its feed, a marker or an earlier push)
 */
public record PushArticle(long id, String title, String url, String summary, String category, Instant publishedAt,
                          boolean breaking) {
}
