package newsbot.ingest;

import java.time.Instant;
import java.util.List;

/**
 * An article as stored, handed to {@link BreakingFanOut}: plain text, not yet escaped for Telegram.
 *
 * @param category   its first category (the one shown), or null when it has none
 * @param categories every category it is indexed under; empty when none, so no reader follows it
 */
public record StoredArticle(long id, String feedId, String title, String summary, String url, String category,
                            List<String> categories, Instant publishedAt) {

    public StoredArticle {
        categories = List.copyOf(categories);
    }
}
