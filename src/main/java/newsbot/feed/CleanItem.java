package newsbot.feed;

import java.time.Instant;
import java.util.List;

/**
 * A feed entry ready to store: plain text (not yet escaped for Telegram) and a safe absolute link.
 *
 * @param title          plain text, never blank; breaking markers removed
 * @param summary        plain text cut to the configured length with "…", possibly empty
 * @param url            an absolute http(s) URL: the item's own link, else the feed's link; null if neither is one
 * @param titleHadMarker whether the title carried a configured breaking marker
 * @param categories     plain-text category names as the feed wrote them
 * @param publishedAt    from {@link RawItem#publishedAt()}
 * @param guid           the raw guid (trimmed), or null
 * @param urlIsFeedLink  true when {@code url} is the feed's link standing in for a missing or unsafe item link,
 *                       so it says nothing about which article this is (dedup must not key on it)
 * @param imageUrl       the lead image as an absolute http(s) URL, or null when the feed named no usable one
 * @param body           the full text cleaned into blocks; empty when the feed carries only a summary
 */
public record CleanItem(String title, String summary, String url, boolean titleHadMarker, List<String> categories,
                        Instant publishedAt, String guid, boolean urlIsFeedLink, String imageUrl, ArticleBody body) {

    public CleanItem {
        categories = categories == null ? List.of() : List.copyOf(categories);
        body = body == null ? ArticleBody.EMPTY : body;
    }

    /** An item with neither lead image nor full text. */
    public CleanItem(String title, String summary, String url, boolean titleHadMarker, List<String> categories,
                     Instant publishedAt, String guid, boolean urlIsFeedLink) {
        this(title, summary, url, titleHadMarker, categories, publishedAt, guid, urlIsFeedLink, null,
                ArticleBody.EMPTY);
    }

    /** An item whose {@code url} is its own link. */
    public CleanItem(String title, String summary, String url, boolean titleHadMarker, List<String> categories,
                     Instant publishedAt, String guid) {
        this(title, summary, url, titleHadMarker, categories, publishedAt, guid, false);
    }
}
