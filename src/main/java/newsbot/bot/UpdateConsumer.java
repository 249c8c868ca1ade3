package newsbot.bot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import newsbot.store.BotState;
import newsbot.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Handles updates in order and stores the last handled id after each one, so a restart resumes right after it:
 * never an update twice, never one skipped. Nothing is allowed to escape {@link #consume}.
 */
public final class UpdateConsumer implements LongPollingUpdateConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateConsumer.class);
    private static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query", "my_chat_member");

    private final UpdateRouter router;
    private final Database db;
    private final BotState state;
    private final int pollTimeoutSeconds;
    private final AtomicLong lastHandled;
    private volatile boolean stopping;

    public UpdateConsumer(UpdateRouter router, Database db, BotState state, int pollTimeoutSeconds) {
        this.router = router;
        this.db = db;
        this.state = state;
        this.pollTimeoutSeconds = pollTimeoutSeconds;
        long stored = db.withHandle(h -> state.get(h, BotState.LAST_UPDATE_ID)).map(Long::parseLong).orElse(0L);
        this.lastHandled = new AtomicLong(stored);
    }

    /** The getUpdates request for the next poll: it starts after the last update we handled, not just received. */
    public GetUpdates nextRequest(Integer lastReceived) {
        long from = Math.max(lastReceived == null ? 0 : lastReceived, lastHandled.get()) + 1;
        return GetUpdates.builder()
                .offset((int) from)
                .limit(100)
                .timeout(pollTimeoutSeconds)
                .allowedUpdates(ALLOWED_UPDATES)
                .build();
    }

    @Override
    public void consume(List<Update> updates) {
        List<Update> ordered = new ArrayList<>(updates);
        ordered.sort(Comparator.comparing(Update::getUpdateId));
        for (Update update : ordered) {
            if (stopping || Thread.currentThread().isInterrupted()) {
                // Not marked handled: the next start picks these updates up again.
                return;
            }
            long id = update.getUpdateId();
            if (id <= lastHandled.get()) {
                continue;
            }
            try {
                router.route(update);
            } catch (Throwable e) {
                LOG.error("update {} could not be handled", id, e);
            }
            try {
                db.useTransaction(h -> state.put(h, BotState.LAST_UPDATE_ID, Long.toString(id)));
                lastHandled.set(id);
            } catch (RuntimeException e) {
                // Without the stored offset the update may be handled again after a restart; keep polling anyway.
                LOG.error("could not store the last handled update id {}: {}", id, e.getMessage());
                lastHandled.set(id);
            }
        }
    }

    /** Finishes the update in hand and leaves the rest of the batch for the next start. */
    public void stop() {
        stopping = true;
    }

    public long lastHandled() {
        return lastHandled.get();
    }
}
