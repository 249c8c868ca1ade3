package newsbot.store;

import java.time.Instant;
import java.util.Optional;

/**
 * An article's lead image and full text as stored.
 *
 * @param imageUrl an absolute http(s) URL, or null when neither the feed nor the page named one
 * @param body     the full text as {@code feed.ArticleBodyCodec} wrote it; empty when there is none (yet)
 * @param retryAt  for {@link PageState#FAILED}, when the page may be fetched again; null otherwise
 */
public record ArticleText(long articleId, String imageUrl, String body, PageState pageState, int pageAttempts,
                          Instant retryAt) {

    /** Whether the page should be fetched now: wanted and never tried, or failed and due again. */
    public boolean pageDue(Instant now) {
        return pageState == PageState.WANTED
                || pageState == PageState.FAILED && retryAt != null && !retryAt.isAfter(now);
    }

    public Optional<String> image() {
        return Optional.ofNullable(imageUrl);
    }
}
