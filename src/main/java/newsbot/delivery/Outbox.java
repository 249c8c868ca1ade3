package newsbot.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsbot.html.Html;
import org.jdbi.v3.core.Handle;

/**
 * The only way out: every message, copy, edit, pin and delete is a row in the outbox, written in the caller's
 * transaction so a message exists exactly when the change that caused it does, and sent later by the
 * {@link Dispatcher}. Re-enqueueing the same (chat, kind, ref, part) is a no-op. Also what the rest of the bot may
 * read of the outbox (counts for operators and editors); the table itself is this package's alone.
 */
public final class Outbox {

    private final OutboxTable table = new OutboxTable();
    private final DeliveryTime time;
    final Wakeup wakeup = new Wakeup();

    public Outbox(DeliveryTime time) {
        this.time = time;
    }

    OutboxTable table() {
        return table;
    }

    /**
     * Enqueues one text (split into parts 0..n if longer than 4096 UTF-16 units) on the caller's handle and wakes
     * the dispatcher once the transaction commits. Returns whether anything new was enqueued.
     *
     * @param html      text already escaped for Telegram HTML, not blank
     * @param notBefore not sent before this instant (quiet hours); now or earlier means as soon as possible
     */
    public boolean enqueue(Handle h, long chatId, DeliveryKind kind, long refId, String html, Manner manner,
                           Instant notBefore) {
        List<NewRow> rows = new ArrayList<>();
        addText(rows, chatId, kind, refId, html, manner, notBefore, split(html));
        return enqueueRows(h, rows) > 0;
    }

    /**
     * Enqueues a reply to an update on the caller's handle, committed with the update's other effects; its
     * keyboard (in {@code manner}) goes on the last part. Returns whether it was new.
     */
    public boolean enqueueReply(Handle h, long chatId, long refId, String html, Manner manner) {
        return enqueue(h, chatId, DeliveryKind.REPLY, refId, html, manner, time.now());
    }

    /** Enqueues a reply that is not a plain text (a rich article), committed with the update's other effects. */
    public boolean enqueueReply(Handle h, long chatId, long refId, Request request) {
        return enqueueRows(h, List.of(new NewRow(chatId, DeliveryKind.REPLY, refId, 0, request, Manner.PLAIN,
                time.now()))) > 0;
    }

    /**
     * Enqueues the same text for many chats as one prepared batch (a breaking alert, a broadcast batch); the text
     * is split once. Returns how many rows were new.
     */
    public int enqueueAll(Handle h, Collection<Long> chatIds, DeliveryKind kind, long refId, String html,
                          Manner manner, Instant notBefore) {
        List<String> parts = split(html);
        Manner middle = manner.withKeyboard(null).with(Manner.Then.NOTHING);
        int added = 0;
        for (int i = 0; i < parts.size(); i++) {
            // only the last part carries the keyboard and is pinned: the whole message ends there
            NewRow template = new NewRow(0, kind, refId, i, new Request.SendText(parts.get(i)),
                    i == parts.size() - 1 ? manner : middle, notBefore);
            added += table.insertForChats(h, chatIds, template, time.now());
        }
        wakeAfterCommit(h, added > 0);
        return added;
    }

    /**
     * Enqueues the same request (a copy of an editor's message, say) for many chats, one row each, as one batch.
     * Returns how many rows were new.
     */
    public int enqueueAll(Handle h, Collection<Long> chatIds, DeliveryKind kind, long refId, Request request,
                          Manner manner, Instant notBefore) {
        if (!(request instanceof Request.CopyAlbum)) {
            int added = table.insertForChats(h, chatIds, new NewRow(0, kind, refId, 0, request, manner, notBefore),
                    time.now());
            wakeAfterCommit(h, added > 0);
            return added;
        }
        List<NewRow> rows = new ArrayList<>(chatIds.size());
        for (long chatId : chatIds) {
            rows.add(new NewRow(chatId, kind, refId, 0, request, manner, notBefore));
        }
        return enqueueRows(h, rows);
    }

    /**
     * Enqueues a different text to each of many chats as one prepared batch (the digests of one scheduler
     * transaction); each text is split like {@link #enqueue}. Returns how many rows were new.
     */
    public int enqueueEach(Handle h, DeliveryKind kind, List<Message> messages, Manner manner, Instant notBefore) {
        List<NewRow> rows = new ArrayList<>(messages.size() + messages.size() / 4);
        for (Message m : messages) {
            addText(rows, m.chatId(), kind, m.refId(), m.html(), manner, notBefore, split(m.html()));
        }
        return enqueueRows(h, rows);
    }

    /** Enqueues rows the caller prepared (a correction's edits, deletes and notices) as one batch. */
    public int enqueueRows(Handle h, List<NewRow> rows) {
        int added = table.insertAllIfAbsent(h, rows, time.now());
        wakeAfterCommit(h, added > 0);
        return added;
    }

    /** One message of {@link #enqueueEach}: escaped HTML for one chat, under its own ref. */
    public record Message(long chatId, long refId, String html) {
    }

    /**
     * Cancels what is still pending of one alert, digest or broadcast (an editor's cancel) and, after commit,
     * makes the dispatcher drop those rows from its window. Returns how many were cancelled.
     */
    public int cancel(Handle h, DeliveryKind kind, long refId, String reason) {
        int n = table.cancelPendingByRef(h, kind, refId, reason);
        wakeAfterCommit(h, n > 0);
        return n;
    }

    /**
     * Cancels the pushes pending for a chat (the reader said /stop), as {@link #cancel} does for a ref; replies
     * stay, so the reader still hears that it worked.
     */
    public int cancelChat(Handle h, long chatId, String reason) {
        int n = table.cancelPendingPushesForChat(h, chatId, reason);
        wakeAfterCommit(h, n > 0);
        return n;
    }

    /**
     * Cancels everything pending for a chat, its replies too: the chat asked to be forgotten. A reply enqueued after
     * this in the same transaction (the confirmation) still goes.
     */
    public int cancelEverythingForChat(Handle h, long chatId, String reason) {
        int n = table.cancelPendingForChat(h, chatId, reason);
        wakeAfterCommit(h, n > 0);
        return n;
    }

    /**
     * Tells the dispatcher to look at the queue now rather than at its next scheduled look (at most 2 s away).
     * The methods here do this themselves after commit; call it after a change that lets held rows go (a channel
     * the bot may post to again).
     */
    public void wake() {
        wakeup.signal();
    }

    /** One row as stored, for editors' reports and tests. */
    public Optional<Delivery> find(Handle h, long id) {
        return table.find(h, id);
    }

    /** Every row of one chat, oldest first. */
    public List<Delivery> forChat(Handle h, long chatId) {
        return table.forChat(h, chatId);
    }

    /** Every row of one alert, digest or broadcast, in enqueue order. */
    public List<Delivery> forRef(Handle h, DeliveryKind kind, long refId) {
        return table.forRef(h, kind, refId);
    }

    /** Rows created since {@code since} by kind and state (a full scan: /stats, not hot paths). */
    public Map<DeliveryKind, Map<DeliveryState, Integer>> countsSince(Handle h, Instant since) {
        return table.countsSince(h, since);
    }

    /** One chat's rows by kind and state, as long as they are kept (a reader's /mydata). */
    public Map<DeliveryKind, Map<DeliveryState, Integer>> countsForChat(Handle h, long chatId) {
        return table.countsForChat(h, chatId);
    }

    /** Rows of one alert, digest or broadcast by state. */
    public Map<DeliveryState, Integer> countsByRef(Handle h, DeliveryKind kind, long refId) {
        return table.countsByRef(h, kind, refId);
    }

    /** The queue's length now, due or not. */
    public int pendingCount(Handle h) {
        return table.pendingCount(h);
    }

    /** Pending rows by kind: the queue operators watch. */
    public Map<DeliveryKind, Integer> pendingByKind(Handle h) {
        return table.pendingByKind(h);
    }

    /** When the oldest pending row was created, if one is pending. */
    public Optional<Instant> oldestPendingCreatedAt(Handle h) {
        return table.oldestPendingCreatedAt(h);
    }

    /** Rows due now, whoever they are for (at most 1,000 are counted). */
    public int dueCount(Handle h, Instant now) {
        return table.due(h, now, 1_000).size();
    }

    /** Messages Telegram accepted since {@code since}, by the start of their UTC hour (epoch millis). */
    public Map<Long, Integer> sentPerHour(Handle h, Instant since) {
        return table.sentPerHour(h, since);
    }

    /** Rows waiting for one chat (a held channel's posts). */
    public int pendingForChat(Handle h, long chatId) {
        return table.countPendingForChat(h, chatId);
    }

    private static void addText(List<NewRow> rows, long chatId, DeliveryKind kind, long refId, String html,
                                Manner manner, Instant notBefore, List<String> parts) {
        Manner middle = manner.withKeyboard(null).with(Manner.Then.NOTHING);
        for (int i = 0; i < parts.size(); i++) {
            // only the last part carries the keyboard and is pinned: the whole message ends there
            boolean last = i == parts.size() - 1;
            rows.add(new NewRow(chatId, kind, refId, i, new Request.SendText(parts.get(i)), last ? manner : middle,
                    notBefore));
        }
    }

    private void wakeAfterCommit(Handle h, boolean added) {
        if (!added) {
            return;
        }
        if (h.isInTransaction()) {
            // waking before the commit would let the dispatcher look before the rows are visible
            h.afterCommit(this::wake);
        } else {
            wake();
        }
    }

    /** Escaped HTML into message-sized parts, each valid on its own; rejects what could never be sent. */
    private static List<String> split(String html) {
        if (html == null || html.isBlank()) {
            throw new IllegalArgumentException("a message needs visible text");
        }
        return Html.split(html, Html.MAX_MESSAGE);
    }
}
