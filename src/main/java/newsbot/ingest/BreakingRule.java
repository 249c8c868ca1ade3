package newsbot.ingest;

import newsbot.config.FeedSource;
import newsbot.feed.CleanItem;

/**
 * The one rule that makes a feed item breaking news: it comes from a feed listed in {@code breaking.feeds}, or its
 * title carried a configured marker (the cleaner strips it and says so). An editor's {@code /breaking} marks an
 * article by hand; nothing else decides.
 */
final class BreakingRule {

    private BreakingRule() {
    }

    static boolean isBreaking(FeedSource feed, CleanItem item) {
        // FeedSource.breaking() is set from breaking.feeds when the config is loaded
        return feed.breaking() || item.titleHadMarker();
    }
}
