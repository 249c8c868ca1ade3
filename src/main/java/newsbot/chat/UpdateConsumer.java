package newsbot.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import newsbot.store.BotState;
import newsbot.store.Database;
import newsbot.store.Fenced;
import newsbot.store.HandledUpdates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Handles each batch from long polling: the updates of different chats at once on the handler threads, those of
 * one chat in order. Each update commits its effects, replies and handled mark together ({@link UpdateScope});
 * the stored offset moves past the batch only once all of it is handled, so a crash never loses an update, and
 * the handled marks keep a replayed batch from applying any update twice. Handlers never wait for Telegram, so a
 * batch takes milliseconds. An update the database refused to store ({@link UpdateNotStored}) holds the offset
 * back and is tried again, after a pause, with the next batch. Nothing is allowed to escape {@link #consume}.
 */
public final class UpdateConsumer implements LongPollingUpdateConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateConsumer.class);
    private static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query", "my_chat_member",
            "inline_query");

    private final UpdateRouter router;
    private final Database db;
    private final BotState state;
    private final HandledUpdates handled;
    private final ExecutorService lanes;
    private final int pollTimeoutSeconds;
    private final AtomicLong lastHandled;
    /** Updates after the stored offset already handled: those of a batch a crash interrupted. */
    private final Set<Long> handledAfterOffset = new ConcurrentSkipListSet<>();
    private final LongAdder updatesHandled = new LongAdder();
    private static final long NONE_HELD = Long.MAX_VALUE;
    static final Duration FIRST_RETRY = Duration.ofMillis(500);
    static final Duration MAX_RETRY = Duration.ofSeconds(30);
    /** The first update this instance was fenced from (a pair's standby); polling never confirms past it. */
    private final AtomicLong heldBack = new AtomicLong(NONE_HELD);
    /** The first update of the last batch the database refused to store; the next poll starts there. */
    private final AtomicLong retryFrom = new AtomicLong(NONE_HELD);
    /**
     * The updates the database refused to store, and those of their chats after them: the library passes on no
     * update twice in a session, so they are kept here and handled with the next batch.
     */
    private final Map<Integer, Update> refused = new TreeMap<>();
    /** The pause before asking for a refused update again; doubles while the database keeps refusing. */
    private Duration nextRetry = FIRST_RETRY;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;

    /** @param lanes the handler threads; a chat's updates run on one of them in order */
    public UpdateConsumer(UpdateRouter router, Database db, BotState state, HandledUpdates handled,
                          ExecutorService lanes, int pollTimeoutSeconds) {
        this.router = router;
        this.db = db;
        this.state = state;
        this.handled = handled;
        this.lanes = lanes;
        this.pollTimeoutSeconds = pollTimeoutSeconds;
        long stored = db.withHandle(h -> state.get(h, BotState.LAST_UPDATE_ID)).map(Long::parseLong).orElse(0L);
        this.lastHandled = new AtomicLong(stored);
        handledAfterOffset.addAll(db.withHandle(h -> handled.after(h, stored)));
    }

    /** The getUpdates request for the next poll: it starts after the last update we handled, not just received. */
    public GetUpdates nextRequest(Integer lastReceived) {
        long held = Math.min(heldBack.get(), retryFrom.get());
        // past an update this instance was fenced from, or could not store, Telegram would forget it
        long from = held != NONE_HELD ? held
                : Math.max(lastReceived == null ? 0 : lastReceived, lastHandled.get()) + 1;
        return GetUpdates.builder()
                .offset((int) from)
                .limit(100)
                .timeout(pollTimeoutSeconds)
                .allowedUpdates(ALLOWED_UPDATES)
                .build();
    }

    @Override
    public void consume(List<Update> updates) {
        try {
            consumeBatch(updates);
            pauseWhileRefused();
        } catch (Throwable e) {
            // an exception leaving consume() would stop long polling for good, silently
            LOG.error("a batch of {} updates could not be handled: {}", updates.size(), e.toString());
        }
    }

    /** After a batch the database refused to store: wait before the next poll asks for it again. */
    private void pauseWhileRefused() throws InterruptedException {
        long from = retryFrom.get();
        if (from == NONE_HELD) {
            nextRetry = FIRST_RETRY;
            return;
        }
        LOG.warn("update {} could not be stored: the database refuses writes; asking for it again in {} ms", from,
                nextRetry.toMillis());
        stopped.await(nextRetry.toMillis(), TimeUnit.MILLISECONDS);
        nextRetry = nextRetry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : nextRetry.multipliedBy(2);
    }

    private void consumeBatch(List<Update> updates) throws InterruptedException {
        retryFrom.set(NONE_HELD);
        List<Update> ordered;
        synchronized (refused) {
            for (Update update : updates) {
                refused.putIfAbsent(update.getUpdateId(), update);
            }
            ordered = new ArrayList<>(refused.values());
            refused.clear();
        }
        long batchEnd = lastHandled.get();
        Map<Long, List<Update>> byChat = new LinkedHashMap<>();
        for (Update update : ordered) {
            long id = update.getUpdateId();
            batchEnd = Math.max(batchEnd, id);
            if (id <= lastHandled.get() || handledAfterOffset.contains(id)) {
                continue;
            }
            byChat.computeIfAbsent(UpdateRouter.chatOf(update), k -> new ArrayList<>()).add(update);
        }
        List<Future<?>> running = new ArrayList<>(byChat.size());
        for (List<Update> chatUpdates : byChat.values()) {
            running.add(lanes.submit(() -> handleInOrder(chatUpdates)));
        }
        boolean complete = true;
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                complete = false;
                if (!(e.getCause() instanceof Fenced) && !(e.getCause() instanceof UpdateNotStored)) {
                    LOG.error("a chat's updates could not be handled: {}", e.getCause().toString());
                }
            }
        }
        if (stopping || !complete) {
            return; // not past this batch: the next start gets it again and skips what is marked handled
        }
        storeOffset(batchEnd);
    }

    private void handleInOrder(List<Update> chatUpdates) {
        for (int i = 0; i < chatUpdates.size(); i++) {
            Update update = chatUpdates.get(i);
            if (stopping || Thread.currentThread().isInterrupted()) {
                return; // not marked handled: the next start picks these updates up again
            }
            boolean handledHere;
            try {
                handledHere = router.route(update);
            } catch (Fenced e) {
                if (heldBack.getAndAccumulate(update.getUpdateId(), Math::min) == NONE_HELD) {
                    LOG.warn("update {} and those after it are left to the active instance: {}",
                            update.getUpdateId(), e.getMessage());
                }
                throw e;
            } catch (UpdateNotStored e) {
                // this chat's later updates wait for it, in order; other chats go on
                retryFrom.accumulateAndGet(update.getUpdateId(), Math::min);
                synchronized (refused) {
                    for (Update kept : chatUpdates.subList(i, chatUpdates.size())) {
                        refused.put(kept.getUpdateId(), kept);
                    }
                }
                throw e;
            }
            if (handledHere) {
                handledAfterOffset.add((long) update.getUpdateId());
                updatesHandled.increment();
            }
        }
    }

    private void storeOffset(long batchEnd) {
        if (batchEnd <= lastHandled.get()) {
            return;
        }
        try {
            db.useTransaction(h -> {
                state.put(h, BotState.LAST_UPDATE_ID, Long.toString(batchEnd));
                handled.forgetUpTo(h, batchEnd);
            });
        } catch (RuntimeException e) {
            // the handled marks still keep the batch from being applied twice after a restart
            LOG.error("could not store the last handled update id {}: {}", batchEnd, e.toString());
        }
        lastHandled.set(batchEnd);
        handledAfterOffset.removeIf(id -> id <= batchEnd);
    }

    /** Finishes the updates in hand and leaves the rest of the batch for the next start. */
    public void stop() {
        stopping = true;
        stopped.countDown();
    }

    /** Updates handled (committed) since start, for operators' metrics. */
    public long updatesHandled() {
        return updatesHandled.sum();
    }

    public long lastHandled() {
        return lastHandled.get();
    }
}
