package newsbot.ingest;

import org.jdbi.v3.core.Handle;

/** What happens to a newly stored article (breaking or not), inside the transaction that stored it. */
@FunctionalInterface
public interface BreakingFanOut {

    /**
     * Called once per article that became breaking news in this transaction (never for a feed's first fetch).
     * Work done on {@code h} commits or rolls back with the article; an exception rolls both back and the feed is
     * retried later.
     */
    void onBreaking(Handle h, StoredArticle article);

    /**
     * Called once per newly stored article that is fresh enough to push (never for a feed's first fetch), after
     * {@link #onBreaking} if it is breaking too: followed-topic alerts. Same transaction rules as {@link #onBreaking}.
     */
    default void onNew(Handle h, StoredArticle article) {
    }

    /** Stores breaking articles without pushing them anywhere. */
    static BreakingFanOut none() {
        return (h, article) -> { };
    }
}
