package newsbot.bot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsbot.config.Category;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.Outbox;
import newsbot.digest.DigestComposer;
import newsbot.digest.DigestPlanner;
import newsbot.store.ArticleRow;
import newsbot.store.Articles;
import newsbot.store.Database;
import newsbot.store.Subscriber;
import newsbot.store.SubscriberStatus;
import newsbot.store.Subscribers;
import newsbot.store.Subscriptions;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Digests for everyone due (the scheduler's pass) and for one reader on request ({@code /digest}). */
final class Digests {

    private static final Logger LOG = LoggerFactory.getLogger(Digests.class);

    /** What {@code /digest} did. */
    enum Outcome { SENT, NOTHING_NEW, NO_CATEGORIES }

    private final Database db;
    private final List<Category> categories;
    private final DigestOptions options;
    private final Subscribers subscribers = new Subscribers();
    private final Subscriptions subscriptions = new Subscriptions();
    private final Articles articles = new Articles();
    private final DigestComposer composer = new DigestComposer();
    private final DigestPlanner planner = new DigestPlanner();
    private final Outbox outbox;
    private final DigestWriter writer;

    Digests(Database db, Outbox outbox, Texts texts, List<Category> categories, DigestOptions options) {
        this.db = db;
        this.categories = List.copyOf(categories);
        this.options = options;
        this.outbox = outbox;
        this.writer = new DigestWriter(composer, new DigestLayouts(texts, categories, options),
                options.maxPerCategory());
    }

    /**
     * One pass over all active readers: those due at {@code now} get their digest. Readers are read a page at a
     * time outside any transaction (most minutes nobody is due, and the write lock stays free); each page's due
     * readers are then handled in one transaction, which skips a reader changed in between.
     */
    DigestScheduler.TickResult runDue(Instant now) {
        return db.withHandle(h -> {
            long after = Long.MIN_VALUE;
            DigestPool pool = null;
            int due = 0;
            int sent = 0;
            while (true) {
                List<Subscriber> page = subscribers.pageWithStatus(h, SubscriberStatus.ACTIVE, after,
                        options.batchSize());
                if (page.isEmpty()) {
                    break;
                }
                after = page.get(page.size() - 1).chatId();
                List<Subscriber> dueReaders = new ArrayList<>();
                for (Subscriber s : page) {
                    if (planner.isDue(ReaderSchedules.of(s), now)) {
                        dueReaders.add(s);
                    }
                }
                if (dueReaders.isEmpty()) {
                    continue;
                }
                if (pool == null) {
                    // Loaded once, for the first page with someone due: most minutes nobody is.
                    pool = loadPool(h, now);
                }
                DigestPool candidates = pool;
                due += dueReaders.size();
                sent += h.inTransaction(tx -> writeDue(tx, dueReaders, candidates, now));
            }
            return new DigestScheduler.TickResult(due, sent);
        });
    }

    /** The digest now for one reader, counted as delivered: their next scheduled one starts after it. */
    Outcome now(long chatId, Instant now) {
        return db.inTransaction(h -> {
            Subscriber reader = subscribers.find(h, chatId).orElseThrow();
            List<String> chosen = subscriptions.categoriesOf(h, chatId);
            if (chosen.isEmpty()) {
                return Outcome.NO_CATEGORIES;
            }
            long upTo = articles.maxId(h);
            List<ArticleRow> rows = articles.unseenBy(h, chatId, chosen, reader.digestCursor(), upTo,
                    now.minus(options.lookback()));
            DigestPool pool = new DigestPool(rows, upTo, categories, composer, options);
            Optional<Outbox.Message> digest = writer.compose(reader, chosen, pool, null);
            if (digest.isEmpty()) {
                return Outcome.NOTHING_NEW;
            }
            Outbox.Message m = digest.get();
            outbox.enqueue(h, chatId, DeliveryKind.DIGEST, m.refId(), m.html(), false, false, now);
            subscribers.advanceDigest(h, chatId, m.refId(), now);
            return Outcome.SENT;
        });
    }

    private DigestPool loadPool(Handle h, Instant now) {
        long upTo = articles.maxId(h);
        List<ArticleRow> rows = articles.indexedBetween(h, 0, upTo, now.minus(options.lookback()));
        return new DigestPool(rows, upTo, categories, composer, options);
    }

    private int writeDue(Handle tx, List<Subscriber> readers, DigestPool pool, Instant now) {
        List<Long> ids = new ArrayList<>(readers.size());
        long oldestCursor = Long.MAX_VALUE;
        for (Subscriber s : readers) {
            ids.add(s.chatId());
            oldestCursor = Math.min(oldestCursor, s.digestCursor());
        }
        Map<Long, List<String>> chosen = subscriptions.categoriesOf(tx, ids);
        Map<Long, long[]> pushed = articles.pushedAsBreaking(tx, ids, oldestCursor);
        List<Outbox.Message> digests = new ArrayList<>(readers.size());
        List<Subscribers.DigestAdvance> advances = new ArrayList<>(readers.size());
        for (Subscriber reader : readers) {
            Outbox.Message digest = null;
            try {
                digest = writer.compose(reader, chosen.getOrDefault(reader.chatId(), List.of()), pool,
                        pushed.get(reader.chatId())).orElse(null);
            } catch (IllegalArgumentException | IllegalStateException e) {
                // A composer bound broken by some article must not hold back the rest of the batch every minute.
                LOG.error("digest for chat {} could not be composed; skipped until its next slot", reader.chatId(), e);
            }
            digests.add(digest);
            // With nothing new the slot still counts as done, but the cursor stays: a category chosen later
            // still brings its articles.
            advances.add(new Subscribers.DigestAdvance(reader, digest == null ? reader.digestCursor() : digest.refId()));
        }
        // Advance first: only readers unchanged since the page was read get the digest composed for them.
        boolean[] applied = subscribers.advanceDigestsIfUnchanged(tx, advances, now);
        List<Outbox.Message> toSend = new ArrayList<>(digests.size());
        for (int i = 0; i < digests.size(); i++) {
            if (applied[i] && digests.get(i) != null) {
                toSend.add(digests.get(i));
            }
        }
        // One prepared batch: per-row statements would cost more than composing the digests.
        outbox.enqueueEach(tx, DeliveryKind.DIGEST, toSend, false, false, now);
        return toSend.size();
    }
}
