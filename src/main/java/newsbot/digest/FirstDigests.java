package newsbot.digest;

import newsbot.messages.Texts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import newsbot.config.Category;
import newsbot.delivery.Outbox;
import newsbot.messages.DigestComposer;
import newsbot.store.ArticleRow;
import newsbot.store.Articles;
import newsbot.store.Subscriber;
import newsbot.store.Subscribers;
import org.jdbi.v3.core.Handle;

/**
 * A reader's first digest is never empty: instead of what arrived since they signed up (often nothing yet), it
 * holds the latest articles of their categories from the last 24 hours, at most the usual number per category,
 * headed "what's new today". Shared by {@code /digest} and the scheduler; few readers are new at one time, so
 * each first digest has its own query.
 */
final class FirstDigests {

    static final Duration WINDOW = Duration.ofHours(24);

    private final List<Category> categories;
    private final DigestOptions options;
    private final DigestComposer composer;
    private final DigestWriter writer;
    private final Subscribers subscribers = new Subscribers();
    private final UnseenArticles unseen;

    FirstDigests(Texts texts, List<Category> categories, DigestOptions options, DigestComposer composer) {
        this.unseen = new UnseenArticles(new Articles(), categories, composer, options);
        this.categories = List.copyOf(categories);
        this.options = options;
        this.composer = composer;
        this.writer = new DigestWriter(composer, new DigestLayouts(texts, categories, options, "digest.header.first"),
                options.maxPerCategory());
    }

    /** Of {@code chatIds}, those whose next digest is their first. */
    Set<Long> pending(Handle h, Collection<Long> chatIds) {
        return subscribers.withoutFirstDigest(h, chatIds);
    }

    boolean isPending(Handle h, long chatId) {
        return !pending(h, List.of(chatId)).isEmpty();
    }

    /**
     * The reader's first digest, or empty when their categories had nothing in the last 24 hours. Its ref is the
     * newest article id, as for any digest, and the caller moves the reader's cursor there.
     */
    Optional<Outbox.Message> compose(Handle h, Subscriber reader, List<String> chosen, Instant now) {
        Instant since = now.minus(WINDOW);
        // Fetched and published today: a feed's first fetch also brings last month's articles.
        DigestPool pool = unseen.publishedPool(h, since);
        return writer.compose(fromStart(reader), chosen, pool, unseen.pushed(h, List.of(reader.chatId()), 0)
                .get(reader.chatId()));
    }

    /** Records that these readers had their first digest. */
    void done(Handle h, Collection<Long> chatIds, Instant at) {
        subscribers.markFirstDigest(h, chatIds, at);
    }

    /** The reader as if nothing had been shown to them yet: the pool's window alone decides. */
    private static Subscriber fromStart(Subscriber r) {
        return new Subscriber(r.chatId(), r.userId(), r.chatType(), r.language(), r.zone(), r.digestTimes(),
                r.breakingOn(), r.quietFrom(), r.quietTo(), r.status(), 0, r.lastDigestAt(), r.createdAt(),
                r.updatedAt());
    }
}
