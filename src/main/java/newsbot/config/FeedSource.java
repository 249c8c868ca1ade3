package newsbot.config;

import java.util.Optional;

/**
 * A configured feed.
 *
 * @param category        slug every item of this feed is filed under, or {@code null} to use the items' own
 *                        categories
 * @param articleSelector a CSS selector for the article's text on this feed's pages, for sites Readability gets
 *                        wrong; empty for none
 */
public record FeedSource(String id, String url, String category, boolean breaking, String articleSelector) {

    public FeedSource {
        articleSelector = articleSelector == null ? "" : articleSelector.strip();
    }

    /** A feed whose pages are read with Readability. */
    public FeedSource(String id, String url, String category, boolean breaking) {
        this(id, url, category, breaking, "");
    }

    public Optional<String> selector() {
        return articleSelector.isEmpty() ? Optional.empty() : Optional.of(articleSelector);
    }
}
