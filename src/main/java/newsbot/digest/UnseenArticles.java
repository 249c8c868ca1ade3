package newsbot.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import newsbot.messages.DigestComposer;
import newsbot.config.Category;
import newsbot.store.ArticleRow;
import newsbot.delivery.AlertsSent;
import newsbot.store.Articles;
import org.jdbi.v3.core.Handle;

/**
 * The one rule for what a reader has not seen: articles of their categories above their cursor, fetched within
 * the lookback, and not already pushed to them as breaking news (or a topic alert). The scheduled tick loads the
 * candidates once for a page of readers; {@code /digest} and the first digest load them for one reader; all pick
 * through the same {@link DigestPool}.
 */
final class UnseenArticles {

    private final Articles articles;
    private final AlertsSent alertsSent = new AlertsSent();
    private final List<Category> categories;
    private final DigestComposer composer;
    private final DigestOptions options;

    UnseenArticles(Articles articles, List<Category> categories, DigestComposer composer, DigestOptions options) {
        this.articles = articles;
        this.categories = List.copyOf(categories);
        this.composer = composer;
        this.options = options;
    }

    /** The candidates above {@code afterId} fetched since {@code since}, with the newest article id as the end. */
    DigestPool pool(Handle h, long afterId, Instant since) {
        long upTo = articles.maxId(h);
        return new DigestPool(articles.indexedBetween(h, afterId, upTo, since), upTo, categories, composer, options);
    }

    /** As {@link #pool(Handle, long, Instant)}, of articles also published since {@code since}: "today's" news. */
    DigestPool publishedPool(Handle h, Instant since) {
        long upTo = articles.maxId(h);
        List<ArticleRow> rows = articles.indexedBetween(h, 0, upTo, since).stream()
                .filter(row -> !row.publishedAt().isBefore(since))
                .toList();
        return new DigestPool(rows, upTo, categories, composer, options);
    }

    /** The pool of one scheduler tick: everything within the lookback, for every reader of the page. */
    DigestPool pool(Handle h, Instant now) {
        return pool(h, 0, now.minus(options.lookback()));
    }

    /** Per reader, what was pushed to them above {@code afterId}: left out of their digest. */
    Map<Long, long[]> pushed(Handle h, Collection<Long> chatIds, long afterId) {
        return alertsSent.pushedAsBreaking(h, chatIds, afterId);
    }

    Duration lookback() {
        return options.lookback();
    }
}
