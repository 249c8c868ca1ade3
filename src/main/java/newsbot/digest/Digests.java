package newsbot.digest;

import newsbot.messages.Texts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import newsbot.config.Category;
import org.jdbi.v3.core.Handle;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.Manner;
import newsbot.delivery.Outbox;
import newsbot.messages.DigestComposer;
import newsbot.store.ArticleRow;
import newsbot.store.Articles;
import newsbot.store.Database;
import newsbot.store.Subscriber;
import newsbot.store.Subscribers;
import newsbot.store.Subscriptions;

/** The digest for one reader on request ({@code /digest}), counted as delivered like a scheduled one. */
public final class Digests {

    /** What {@code /digest} did. */
    public enum Outcome { SENT, NOTHING_NEW, NO_CATEGORIES }

    private final Database db;
    private final List<Category> categories;
    private final DigestOptions options;
    private final Subscribers subscribers = new Subscribers();
    private final Subscriptions subscriptions = new Subscriptions();
    private final Articles articles = new Articles();
    private final DigestComposer composer;
    private final Outbox outbox;
    private final DigestWriter writer;
    private final FirstDigests firsts;
    private final UnseenArticles unseen;

    public Digests(Database db, Outbox outbox, Texts texts, List<Category> categories, DigestOptions options) {
        this(db, outbox, texts, categories, options, new DigestComposer());
    }

    /** @param composer renders each article, with its read-in-Telegram link when it knows the bot's name */
    public Digests(Database db, Outbox outbox, Texts texts, List<Category> categories, DigestOptions options,
                   DigestComposer composer) {
        this.composer = composer;
        this.db = db;
        this.categories = List.copyOf(categories);
        this.options = options;
        this.outbox = outbox;
        this.writer = new DigestWriter(composer, new DigestLayouts(texts, categories, options),
                options.maxPerCategory());
        this.unseen = new UnseenArticles(articles, categories, composer, options);
        this.firsts = new FirstDigests(texts, categories, options, composer);
    }

    /** The digest now for one reader, counted as delivered: their next scheduled one starts after it. */
    public Outcome now(long chatId, Instant now) {
        return db.inTransaction(h -> {
            if (subscriptions.categoriesOf(h, chatId).isEmpty()) {
                return Outcome.NO_CATEGORIES;
            }
            boolean first = firsts.isPending(h, chatId);
            Optional<Outbox.Message> digest = compose(h, chatId, now);
            if (digest.isEmpty()) {
                return Outcome.NOTHING_NEW;
            }
            Outbox.Message m = digest.get();
            outbox.enqueue(h, chatId, DeliveryKind.DIGEST, m.refId(), m.html(), Manner.PLAIN, now);
            subscribers.advanceDigest(h, chatId, m.refId(), now);
            if (first) {
                firsts.done(h, List.of(chatId), now);
            }
            return Outcome.SENT;
        });
    }

    /** Whether the reader's next digest is their first ("what's new today"). */
    public boolean firstPending(Handle h, long chatId) {
        return firsts.isPending(h, chatId);
    }

    /** What the reader's next digest would hold now, without recording anything. */
    Optional<Outbox.Message> compose(Handle h, long chatId, Instant now) {
        Subscriber reader = subscribers.find(h, chatId).orElseThrow();
        List<String> chosen = subscriptions.categoriesOf(h, chatId);
        if (firsts.isPending(h, chatId)) {
            return firsts.compose(h, reader, chosen, now);
        }
        DigestPool pool = unseen.pool(h, reader.digestCursor(), now.minus(options.lookback()));
        return writer.compose(reader, chosen, pool,
                unseen.pushed(h, List.of(chatId), reader.digestCursor()).get(chatId));
    }
}
