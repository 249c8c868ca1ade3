package newsbot.chat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import newsbot.store.ArticleRow;
import newsbot.store.Articles;
import newsbot.store.FtsQuery;
import newsbot.store.Morphology;
import newsbot.store.MutedPhrases;
import org.jdbi.v3.core.Handle;

/**
 * A new muted phrase mutes the articles already stored that it matches, so the next digest leaves them out too:
 * the search index finds the candidates (it also matches prefixes), and the articles' own forms decide, exactly
 * as {@code MutedPhrases.markArticle} decides for a new article.
 */
final class MutedBackfill implements PhraseList.OnAdded {

    /** Far more than a digest's lookback holds of one phrase; the newest, best matches come first. */
    static final int MAX_CANDIDATES = 5000;

    private final Clock clock;
    private final Articles articles = new Articles();
    private final MutedPhrases mutes = new MutedPhrases();
    private final Morphology morphology = new Morphology();

    MutedBackfill(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void added(Handle h, long chatId, long phraseId, String text, List<List<String>> terms) {
        Optional<String> match = FtsQuery.of(text);
        if (match.isEmpty()) {
            return;
        }
        List<Long> muted = new ArrayList<>();
        for (ArticleRow row : articles.search(h, match.get(), clock.instant(), MAX_CANDIDATES)) {
            if (Morphology.allFound(terms, morphology.articleForms(row.title(), row.summary()))) {
                muted.add(row.id());
            }
        }
        mutes.markArticles(h, chatId, phraseId, muted);
    }
}
