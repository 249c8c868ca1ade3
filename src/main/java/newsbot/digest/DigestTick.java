package newsbot.digest;

import newsbot.schedule.ReaderSchedules;

import newsbot.schedule.DigestPlanner;

import newsbot.messages.Texts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import newsbot.config.Category;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.Manner;
import newsbot.delivery.Outbox;
import newsbot.messages.DigestComposer;
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

/**
 * One scheduler pass over all active readers. Readers are read a page at a time outside any transaction (most
 * minutes nobody is due, and the write lock stays free); a page's due readers get their digests composed on the
 * calling thread, then written on {@code writes} in one transaction that advances their cursors and enqueues the
 * digests, while the next page is composed. A reader changed between the read and the write (a {@code /digest},
 * a {@code /pause}) is left alone: their change wins.
 */
final class DigestTick {

    private static final Logger LOG = LoggerFactory.getLogger(DigestTick.class);

    private final Database db;
    private final Outbox outbox;
    private final List<Category> categories;
    private final DigestOptions options;
    private final Executor writes;
    private final DigestComposer composer = new DigestComposer();
    private final DigestPlanner planner = new DigestPlanner();
    private final Subscribers subscribers = new Subscribers();
    private final Subscriptions subscriptions = new Subscriptions();
    private final UnseenArticles unseen;
    private final DigestWriter writer;
    private final FirstDigests firsts;

    /** @param writes runs each page's write transaction; at most one at a time is handed to it */
    DigestTick(Database db, Outbox outbox, Texts texts, List<Category> categories, DigestOptions options,
               Executor writes, DigestComposer items) {
        this.unseen = new UnseenArticles(new Articles(), categories, items, options);
        this.db = db;
        this.outbox = outbox;
        this.categories = List.copyOf(categories);
        this.options = options;
        this.writes = writes;
        this.writer = new DigestWriter(composer, new DigestLayouts(texts, categories, options),
                options.maxPerCategory());
        this.firsts = new FirstDigests(texts, categories, options, items);
    }

    DigestScheduler.TickResult run(Instant now) {
        // Two connections for the whole pass: one reads pages on this thread, one writes on the writes executor
        // (one write at a time, each after the previous one completed), instead of opening one per page. Opened
        // apart: a withHandle nested in another on the same thread is given the outer handle by Jdbi, and then
        // the writer's commits ended the reader's open PostgreSQL cursor ("portal does not exist").
        try (Handle h = db.openHandle(); Handle w = db.openHandle()) {
            return pass(h, w, now);
        }
    }

    private DigestScheduler.TickResult pass(Handle h, Handle w, Instant now) {
        long after = Long.MIN_VALUE;
        DigestPool pool = null;
        int due = 0;
        int sent = 0;
        CompletableFuture<Integer> writing = null;
        try {
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
                due += dueReaders.size();
                Batch batch = compose(h, dueReaders, pool, now);
                // One write in flight at most: composed pages never pile up in memory.
                sent += await(writing);
                writing = null;
                writing = CompletableFuture.supplyAsync(() -> w.inTransaction(tx -> write(tx, batch, now)), writes);
            }
            sent += await(writing);
            writing = null;
            return new DigestScheduler.TickResult(due, sent);
        } finally {
            if (writing != null) {
                // Failing on this side: the write handle must not close under a write still running.
                writing.exceptionally(e -> 0).join();
            }
        }
    }

    private DigestPool loadPool(Handle h, Instant now) {
        return unseen.pool(h, now);
    }

    /** Each due reader's digest (null when nothing is new) and new cursor, read and composed outside the write lock. */
    private Batch compose(Handle h, List<Subscriber> readers, DigestPool pool, Instant now) {
        List<Long> ids = new ArrayList<>(readers.size());
        long oldestCursor = Long.MAX_VALUE;
        for (Subscriber s : readers) {
            ids.add(s.chatId());
            oldestCursor = Math.min(oldestCursor, s.digestCursor());
        }
        Map<Long, List<String>> chosen = subscriptions.categoriesOf(h, ids);
        // Breaking pushes of articles up to the pool's end were committed with the articles, before this tick.
        Map<Long, long[]> pushed = unseen.pushed(h, ids, oldestCursor);
        java.util.Set<Long> first = firsts.pending(h, ids);
        List<Long> firstDone = new ArrayList<>();
        List<Outbox.Message> digests = new ArrayList<>(readers.size());
        List<Subscribers.DigestAdvance> advances = new ArrayList<>(readers.size());
        for (Subscriber reader : readers) {
            Outbox.Message digest = null;
            try {
                List<String> categories = chosen.getOrDefault(reader.chatId(), List.of());
                if (first.contains(reader.chatId())) {
                    digest = firsts.compose(h, reader, categories, now).orElse(null);
                    if (digest != null) {
                        firstDone.add(reader.chatId());
                    }
                } else {
                    digest = writer.compose(reader, categories, pool, pushed.get(reader.chatId())).orElse(null);
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                // A composer bound broken by some article must not hold back the rest of the page every minute.
                LOG.error("digest for chat {} could not be composed; skipped until its next slot", reader.chatId(), e);
            }
            digests.add(digest);
            // With nothing new the slot still counts as done, but the cursor stays: a category chosen later
            // still brings its articles.
            advances.add(new Subscribers.DigestAdvance(reader, digest == null ? reader.digestCursor() : digest.refId()));
        }
        return new Batch(advances, digests, firstDone);
    }

    private int write(Handle tx, Batch batch, Instant now) {
        // Advance first: only readers unchanged since their page was read get what was composed for them.
        boolean[] applied = subscribers.advanceDigestsIfUnchanged(tx, batch.advances(), now);
        List<Outbox.Message> toSend = new ArrayList<>(batch.digests().size());
        for (int i = 0; i < applied.length; i++) {
            if (applied[i] && batch.digests().get(i) != null) {
                toSend.add(batch.digests().get(i));
            }
        }
        // One prepared batch: a statement per row would cost more than composing the digests.
        outbox.enqueueEach(tx, DeliveryKind.DIGEST, toSend, Manner.PLAIN, now);
        List<Long> firstSent = new ArrayList<>();
        for (int i = 0; i < applied.length; i++) {
            long chat = batch.advances().get(i).reader().chatId();
            if (applied[i] && batch.firstDone().contains(chat)) {
                firstSent.add(chat);
            }
        }
        firsts.done(tx, firstSent, now);
        return toSend.size();
    }

    private static int await(CompletableFuture<Integer> writing) {
        if (writing == null) {
            return 0;
        }
        try {
            return writing.join();
        } catch (CompletionException e) {
            // The write's own exception (an SQL failure), so the tick fails with what went wrong.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * A composed page: per reader, the cursor to advance to and the digest to enqueue (null for none), and the
     * readers whose digest is their first.
     */
    private record Batch(List<Subscribers.DigestAdvance> advances, List<Outbox.Message> digests,
                         List<Long> firstDone) {
    }
}
