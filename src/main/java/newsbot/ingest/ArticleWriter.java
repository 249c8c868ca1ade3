package newsbot.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import newsbot.store.ArticleTexts;
import newsbot.store.Articles;
import newsbot.store.Morphology;
import newsbot.store.MutedPhrases;
import newsbot.store.SeenItems;
import newsbot.store.KnownArticle;
import newsbot.store.NewArticle;
import org.jdbi.v3.core.Handle;

/** Stores a document's articles once each, indexes their categories and hands new ones to the fan-out. */
final class ArticleWriter {

    /**
     * A breaking item older than this is stored as breaking but pushed to no one: after an outage a feed may
     * return hours of items at once, and yesterday's alert is no longer news.
     */
    static final Duration PUSH_MAX_AGE = Duration.ofHours(6);

    private final Articles articles = new Articles();
    private final ArticleTexts texts = new ArticleTexts();
    private final SeenItems seen = new SeenItems();
    private final MutedPhrases mutes = new MutedPhrases();
    private final Morphology morphology = new Morphology();
    private final BreakingFanOut fanOut;

    ArticleWriter(BreakingFanOut fanOut) {
        this.fanOut = fanOut;
    }

    /**
     * Writes {@code batch} on {@code h}, inside the caller's transaction; returns how many articles were new.
     *
     * @param push false for a feed's first fetch: nothing it holds is pushed
     */
    int write(Handle h, List<NewArticle> batch, boolean push, Instant now) {
        Instant freshSince = now.minus(PUSH_MAX_AGE);
        int added = 0;
        for (NewArticle a : batch) {
            Optional<KnownArticle> known = articles.findByKey(h, a.dedupKey());
            if (known.isPresent()) {
                seenAgain(h, known.get(), a, push, freshSince);
                continue;
            }
            if (!seen.firstSighting(h, a.dedupKey(), now)) {
                continue; // its article was pruned, but the item was stored once: it is not news again
            }
            Optional<Long> id = articles.insertIfNew(h, a);
            if (id.isEmpty()) {
                continue; // cannot happen inside one write transaction, but "known" is the safe reading
            }
            added++;
            // who muted it, decided before any path (alerts now, digests later) may send it
            mutes.markArticle(h, id.get(), morphology.articleForms(a.title(), a.summary()));
            texts.insert(h, id.get(), a.imageUrl(), a.body());
            List<String> categories = List.of();
            if (a.category() != null) {
                articles.addCategory(h, id.get(), a.category());
                categories = List.of(a.category());
            }
            if (push && !a.publishedAt().isBefore(freshSince)) {
                StoredArticle stored = new StoredArticle(id.get(), a.feedId(), a.title(), a.summary(), a.url(),
                        a.category(), categories, a.publishedAt());
                if (a.breaking()) {
                    fanOut.onBreaking(h, stored);
                }
                // after the breaking fan-out: its rows are what makes a topic alert of the same article a no-op
                fanOut.onNew(h, stored);
            }
        }
        return added;
    }

    /**
     * The same article in another feed (or again in this one): index it under this feed's category too, and if
     * only this feed says it is breaking (a breaking feed repeating a category feed's item), it becomes breaking.
     */
    private void seenAgain(Handle h, KnownArticle known, NewArticle a, boolean push, Instant freshSince) {
        String category = known.category();
        // Same category as stored: indexed already, which saves two statements per item of a re-fetched feed.
        if (a.category() != null && !a.category().equals(known.category())) {
            articles.addCategory(h, known.id(), a.category());
            if (known.category() == null) {
                articles.fileIfUnfiled(h, known.id(), a.category());
                category = a.category();
            }
        }
        if (a.breaking() && !known.breaking() && articles.markBreaking(h, known.id()) && push
                && !known.publishedAt().isBefore(freshSince)) {
            fanOut.onBreaking(h, new StoredArticle(known.id(), known.feedId(), known.title(), known.summary(),
                    known.url(), category, articles.categoriesOf(h, known.id()), known.publishedAt()));
        }
    }
}
