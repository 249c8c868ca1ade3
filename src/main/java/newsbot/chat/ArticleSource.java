package newsbot.chat;

import java.util.Optional;
import newsbot.messages.ArticleComposer;

/**
 * An article as a reader is shown it when they ask to read it in Telegram: its text and picture, fetched from its
 * page once if the feed had only a summary. Implemented in {@code app} by {@code ingest.ArticlePages}, which
 * {@code chat} may not know.
 */
public interface ArticleSource {

    /** Nothing readable: every article is gone (for bots built without pages). */
    ArticleSource NONE = articleId -> Optional.empty();

    /**
     * @return the article, or empty when it is gone
     * @throws InterruptedException when the thread is interrupted while its page is fetched
     */
    Optional<ArticleComposer.Article> article(long articleId) throws InterruptedException;
}
