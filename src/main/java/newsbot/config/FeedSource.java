package newsbot.config;

/**
 * A configured feed.
 *
 * @param category slug every item of this feed is filed under, or {@code null} to use the items' own categories
 */
public record FeedSource(String id, String url, String category, boolean breaking) {
}
