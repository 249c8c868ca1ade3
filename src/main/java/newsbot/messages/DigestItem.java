package newsbot.messages;

import java.time.Instant;
import java.util.Objects;

/**
 * One article as the composer sees it. Title and summary are untrusted plain text (escaped on output);
 * the URL becomes a link only if it is http(s).
 *
 * @param url      may be empty; a null is taken as empty
 * @param summary  may be empty; a null is taken as empty
 * @param category the category slug
 */
public record DigestItem(long articleId, String title, String url, String summary, String category,
                         Instant publishedAt) {

    public DigestItem {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(publishedAt, "publishedAt");
        url = url == null ? "" : url;
        summary = summary == null ? "" : summary;
    }
}
