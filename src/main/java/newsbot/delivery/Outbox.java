package newsbot.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import newsbot.store.Deliveries;
import newsbot.store.NewDelivery;
import newsbot.store.Operation;
import newsbot.html.Html;
import org.jdbi.v3.core.Handle;

/**
 * Where every push starts: rows in the {@code deliveries} table, written in the caller's transaction so a message
 * exists exactly when the change that caused it does. Re-enqueueing the same (chat, kind, ref) is a no-op.
 */
public final class Outbox {

    private final Deliveries deliveries;
    private final DeliveryTime time;
    final Wakeup wakeup = new Wakeup();

    public Outbox(Deliveries deliveries, DeliveryTime time) {
        this.deliveries = deliveries;
        this.time = time;
    }

    /**
     * Enqueues one message (split into parts 0..n if longer than 4096 UTF-16 units) on the caller's handle and
     * wakes the dispatcher once the transaction commits. Returns whether anything new was enqueued.
     *
     * @param html      text already escaped for Telegram HTML, not blank
     * @param notBefore not sent before this instant (quiet hours); now or earlier means as soon as possible
     */
    public boolean enqueue(Handle h, long chatId, DeliveryKind kind, long refId, String html, boolean silent,
                           boolean linkPreview, Instant notBefore) {
        return enqueueParts(h, chatId, kind, refId, html, silent, linkPreview, notBefore, null, null);
    }

    /**
     * One message in parts; {@code replyMarkup} (or null) goes on the last part, under the text it belongs to, and
     * {@code threadId} (or null) names the forum topic a reply answers in.
     */
    private boolean enqueueParts(Handle h, long chatId, DeliveryKind kind, long refId, String html, boolean silent,
                                 boolean linkPreview, Instant notBefore, String replyMarkup, Integer threadId) {
        List<String> parts = split(html);
        boolean added = false;
        Instant now = time.now();
        for (int i = 0; i < parts.size(); i++) {
            String markup = i == parts.size() - 1 ? replyMarkup : null;
            NewDelivery row = new NewDelivery(chatId, kind.name(), kind.priority(), refId, i, parts.get(i), silent,
                    linkPreview, notBefore, markup, threadId);
            added |= deliveries.insertIfAbsent(h, row, now);
        }
        wakeAfterCommit(h, added);
        return added;
    }

    /**
     * Enqueues a reply to an update, with its inline keyboard (as Bot API JSON, or null) on the last part, on the
     * caller's handle: committed with the update's other effects. Returns whether it was new.
     */
    public boolean enqueueReply(Handle h, long chatId, long refId, String html, boolean silent, String replyMarkup) {
        return enqueueReply(h, chatId, refId, html, silent, replyMarkup, null);
    }

    /** {@link #enqueueReply} into a forum topic ({@code threadId}, or {@code null} for the chat itself). */
    public boolean enqueueReply(Handle h, long chatId, long refId, String html, boolean silent, String replyMarkup,
                                Integer threadId) {
        return enqueueParts(h, chatId, DeliveryKind.REPLY, refId, html, silent, false, time.now(), replyMarkup,
                threadId);
    }


    /**
     * Enqueues the same message for many chats as one prepared batch (a breaking alert, a broadcast batch); the
     * text is split once. Returns how many rows were new.
     */
    public int enqueueAll(Handle h, Collection<Long> chatIds, DeliveryKind kind, long refId, String html,
                          boolean silent, boolean linkPreview, Instant notBefore) {
        return enqueueAll(h, chatIds, kind, refId, html, silent, linkPreview, notBefore, null, Operation.SEND_TEXT);
    }

    /**
     * {@link #enqueueAll} of any call: a text with a keyboard ({@code replyMarkup} as Bot API JSON, on the last
     * part), or a copy of an editor's message (one row per chat, {@code html} its caption override or empty),
     * going paid or pinned as {@code operation} says.
     */
    public int enqueueAll(Handle h, Collection<Long> chatIds, DeliveryKind kind, long refId, String html,
                          boolean silent, boolean linkPreview, Instant notBefore, String replyMarkup,
                          Operation operation) {
        boolean copy = !Operation.SEND.equals(operation.action());
        List<String> parts = copy ? List.of(html == null ? "" : html) : split(html);
        List<NewDelivery> rows = new ArrayList<>(chatIds.size() * parts.size());
        for (long chatId : chatIds) {
            for (int i = 0; i < parts.size(); i++) {
                boolean last = i == parts.size() - 1;
                // only the last part carries the keyboard, and only it is pinned: the whole message ends there
                rows.add(new NewDelivery(chatId, kind.name(), kind.priority(), refId, i, parts.get(i), silent,
                        linkPreview, notBefore, last ? replyMarkup : null, null,
                        last ? operation : operation.withThenPin(false)));
            }
        }
        int added = deliveries.insertAllIfAbsent(h, rows, time.now());
        wakeAfterCommit(h, added > 0);
        return added;
    }

    /**
     * Cancels what is still pending of one alert, digest or broadcast (an admin's cancel) and, after commit,
     * makes the dispatcher drop those rows from its window. Returns how many were cancelled.
     */
    public int cancel(Handle h, DeliveryKind kind, long refId, String reason) {
        int n = deliveries.cancelPendingByRef(h, kind.name(), refId, reason);
        wakeAfterCommit(h, n > 0);
        return n;
    }

    /**
     * Cancels the pushes pending for a chat (the reader said /stop), as {@link #cancel} does for a ref; replies
     * stay, so the reader still hears that it worked.
     */
    public int cancelChat(Handle h, long chatId, String reason) {
        int n = deliveries.cancelPendingPushesForChat(h, chatId, reason);
        wakeAfterCommit(h, n > 0);
        return n;
    }

    /**
     * Enqueues a different message to each of many chats as one prepared batch (the digests of one scheduler
     * transaction); each message is split like {@link #enqueue}. Returns how many rows were new.
     */
    public int enqueueEach(Handle h, DeliveryKind kind, List<Message> messages, boolean silent, boolean linkPreview,
                           Instant notBefore) {
        List<NewDelivery> rows = new ArrayList<>(messages.size() + messages.size() / 4);
        for (Message m : messages) {
            List<String> parts = split(m.html());
            for (int i = 0; i < parts.size(); i++) {
                rows.add(new NewDelivery(m.chatId(), kind.name(), kind.priority(), m.refId(), i, parts.get(i), silent,
                        linkPreview, notBefore));
            }
        }
        int added = deliveries.insertAllIfAbsent(h, rows, time.now());
        wakeAfterCommit(h, added > 0);
        return added;
    }

    /**
     * Enqueues rows the caller prepared, each with its own operation (a correction's edits, deletes and notices),
     * as one batch on the caller's handle. Returns how many were new.
     */
    public int enqueueRows(Handle h, List<NewDelivery> rows) {
        int added = deliveries.insertAllIfAbsent(h, rows, time.now());
        wakeAfterCommit(h, added > 0);
        return added;
    }

    /** One message of {@link #enqueueEach}: escaped HTML for one chat, under its own ref. */
    public record Message(long chatId, long refId, String html) {
    }

    /**
     * Tells the dispatcher to look at the queue now rather than at its next scheduled look (at most 2 s away).
     * The methods here do this themselves after commit; call it after changing rows any other way, or a row
     * the dispatcher already holds in memory may still be sent.
     */
    public void wake() {
        wakeup.signal();
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
