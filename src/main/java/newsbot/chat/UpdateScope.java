package newsbot.chat;

import newsbot.delivery.Manner;
import newsbot.delivery.Request;
import newsbot.delivery.Outbox;
import newsbot.store.Database;
import newsbot.store.HandledUpdates;
import newsbot.telegram.KeyboardJson;
import newsbot.telegram.OutgoingMessage;

/**
 * One update being handled: its effects, its replies and the mark that it was handled are committed in one
 * transaction ({@link #transaction}), so a crash neither loses a reply nor applies an update twice. Replies are
 * outbox rows keyed by the update, which makes enqueueing them again harmless.
 */
final class UpdateScope {

    /** Replies one update may give; their outbox keys are update id x this + n. */
    static final int MAX_REPLIES = 32;

    private final long updateId;
    private final Database db;
    private final Outbox outbox;
    private final HandledUpdates handled;
    private final KeyboardJson keyboards;
    private int replies;
    private boolean marked;

    UpdateScope(long updateId, Database db, Outbox outbox, HandledUpdates handled, KeyboardJson keyboards) {
        this.updateId = updateId;
        this.db = db;
        this.outbox = outbox;
        this.handled = handled;
        this.keyboards = keyboards;
    }

    long updateId() {
        return updateId;
    }

    /**
     * Runs a reader's handler in one transaction with the handled mark. Every repository call inside joins it
     * (Jdbi reuses the thread's open handle), and so do the replies. If it throws, nothing of it stays.
     */
    void transaction(Runnable work) {
        int repliesBefore = replies;
        try {
            db.useTransaction(h -> {
                work.run();
                handled.mark(h, updateId);
            });
            marked = true;
        } catch (RuntimeException e) {
            replies = repliesBefore; // their rows were rolled back with the rest
            throw e;
        }
    }

    /**
     * Runs work that waits for Telegram (the editors' tools: a preview's message id) outside one transaction:
     * holding the database's write lock across a round trip would stall every other writer. It makes its own
     * transactions, each safe to repeat; the handled mark follows.
     */
    void outsideTransaction(Runnable work) {
        work.run();
        markHandled();
    }

    /** Enqueues a reply; inside {@link #transaction} it commits with the update, otherwise at once. */
    void reply(OutgoingMessage message) {
        if (replies >= MAX_REPLIES) {
            throw new IllegalStateException("more than " + MAX_REPLIES + " replies to update " + updateId);
        }
        long ref = updateId * MAX_REPLIES + replies++;
        Manner manner = Manner.PLAIN.with(Manner.Sound.silentIf(message.silent()))
                .withKeyboard(keyboards.write(message.keyboard())).inThread(message.threadId());
        db.useTransaction(h -> outbox.enqueueReply(h, message.chatId(), ref, message.html(), manner));
    }

    /** Enqueues a reply that is not a plain text (a rich article), to {@code chatId}, like {@link #reply}. */
    void reply(long chatId, Request request) {
        if (replies >= MAX_REPLIES) {
            throw new IllegalStateException("more than " + MAX_REPLIES + " replies to update " + updateId);
        }
        long ref = updateId * MAX_REPLIES + replies++;
        db.useTransaction(h -> outbox.enqueueReply(h, chatId, ref, request));
    }

    /** Marks the update handled on its own, if no transaction did. */
    void markHandled() {
        if (!marked) {
            db.useTransaction(h -> handled.mark(h, updateId));
            marked = true;
        }
    }

    boolean marked() {
        return marked;
    }
}
