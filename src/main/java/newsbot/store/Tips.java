package newsbot.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for readers' tips ({@code tips}, {@code tip_messages}) and blocked tipsters ({@code tip_blocks}). */
public final class Tips {

    /** A tip: whose, in which language. */
    public record Tip(long id, long chatId, String language) {
    }

    /** One message of a tip; {@code mediaGroupId} null when it is no album's part. */
    public record Part(long messageId, String mediaGroupId) {
    }

    private static final String OPEN = "OPEN";
    private static final String SENT = "SENT";

    /** The chat's open tip, if any. */
    public Optional<Tip> open(Handle h, long chatId) {
        return h.createQuery("SELECT id, chat_id, language FROM tips WHERE chat_id = :chat AND state = :open "
                        + "ORDER BY id DESC LIMIT 1")
                .bind("chat", chatId)
                .bind("open", OPEN)
                .map((rs, ctx) -> new Tip(rs.getLong("id"), rs.getLong("chat_id"), rs.getString("language")))
                .findOne();
    }

    /** The chat's open tip, opened now when there is none. */
    public Tip openOrNew(Handle h, long chatId, String language, Instant now) {
        return open(h, chatId).orElseGet(() -> {
            long id = h.createUpdate("INSERT INTO tips (chat_id, language, state, created_at) "
                            + "VALUES (:chat, :lang, :open, :now)")
                    .bind("chat", chatId)
                    .bind("lang", language)
                    .bind("open", OPEN)
                    .bind("now", now.toEpochMilli())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            return new Tip(id, chatId, language);
        });
    }

    public Optional<Tip> find(Handle h, long id) {
        return h.createQuery("SELECT id, chat_id, language FROM tips WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Tip(rs.getLong("id"), rs.getLong("chat_id"), rs.getString("language")))
                .findOne();
    }

    /** Adds a message; true when it is the first of its album seen (or no album's part). */
    public boolean add(Handle h, long tipId, Part part) {
        boolean first = part.mediaGroupId() == null || h.createQuery("SELECT COUNT(*) FROM tip_messages "
                        + "WHERE tip_id = :tip AND media_group_id = :group")
                .bind("tip", tipId)
                .bind("group", part.mediaGroupId())
                .mapTo(Integer.class).one() == 0;
        h.createUpdate("INSERT INTO tip_messages (tip_id, message_id, media_group_id) VALUES (:tip, :msg, :group)")
                .bind("tip", tipId)
                .bind("msg", part.messageId())
                .bind("group", part.mediaGroupId())
                .execute();
        return first;
    }

    /** Its messages in the order they were written. */
    public List<Part> parts(Handle h, long tipId) {
        return h.createQuery("SELECT message_id, media_group_id FROM tip_messages WHERE tip_id = :tip "
                        + "ORDER BY message_id")
                .bind("tip", tipId)
                .map((rs, ctx) -> new Part(rs.getLong("message_id"), rs.getString("media_group_id")))
                .list();
    }

    /** Who wrote, as Telegram shows them: kept only until Send, and only if they agree to show it. */
    public void setContact(Handle h, long tipId, String contact) {
        h.createUpdate("UPDATE tips SET contact = :contact WHERE id = :id").bind("contact", contact).bind("id", tipId)
                .execute();
    }

    /** The contact kept for a tip, if any. */
    public Optional<String> contact(Handle h, long tipId) {
        return h.createQuery("SELECT contact FROM tips WHERE id = :id").bind("id", tipId)
                .mapTo(String.class).findOne().filter(c -> c != null && !c.isEmpty());
    }

    /** OPEN → SENT, once; without consent the contact is dropped in the same statement. */
    public boolean markSent(Handle h, long tipId, boolean consent, Instant now) {
        return h.createUpdate("UPDATE tips SET state = :sent, sent_at = :now"
                        + (consent ? "" : ", contact = NULL") + " WHERE id = :id AND state = :open")
                .bind("sent", SENT)
                .bind("open", OPEN)
                .bind("now", now.toEpochMilli())
                .bind("id", tipId)
                .execute() == 1;
    }

    /** How many tips the chat sent since {@code since}: the rate limit's count. */
    public int sentSince(Handle h, long chatId, Instant since) {
        return h.createQuery("SELECT COUNT(*) FROM tips WHERE chat_id = :chat AND state = :sent AND sent_at >= :since")
                .bind("chat", chatId)
                .bind("sent", SENT)
                .bind("since", since.toEpochMilli())
                .mapTo(Integer.class).one();
    }

    public boolean blocked(Handle h, long chatId) {
        return h.createQuery("SELECT COUNT(*) FROM tip_blocks WHERE chat_id = :chat").bind("chat", chatId)
                .mapTo(Integer.class).one() > 0;
    }

    public void block(Handle h, long chatId, long by, Instant now) {
        h.createUpdate("INSERT INTO tip_blocks (chat_id, blocked_by, blocked_at) VALUES (:chat, :by, :now) "
                        + "ON CONFLICT (chat_id) DO NOTHING")
                .bind("chat", chatId)
                .bind("by", by)
                .bind("now", now.toEpochMilli())
                .execute();
    }

    /** Drops a chat's open tip (Cancel). */
    public void dropOpen(Handle h, long chatId) {
        open(h, chatId).ifPresent(t -> {
            h.createUpdate("DELETE FROM tip_messages WHERE tip_id = :id").bind("id", t.id()).execute();
            h.createUpdate("DELETE FROM tips WHERE id = :id").bind("id", t.id()).execute();
        });
    }

    /** Forgets tips made before {@code before}; returns how many. */
    public int pruneBefore(Handle h, Instant before) {
        h.createUpdate("DELETE FROM tip_messages WHERE tip_id IN (SELECT id FROM tips WHERE created_at < :before)")
                .bind("before", before.toEpochMilli())
                .execute();
        return h.createUpdate("DELETE FROM tips WHERE created_at < :before").bind("before", before.toEpochMilli())
                .execute();
    }

    /** Forgets every tip of a chat (and its block); returns how many tips. */
    public int eraseChat(Handle h, long chatId) {
        h.createUpdate("DELETE FROM tip_messages WHERE tip_id IN (SELECT id FROM tips WHERE chat_id = :chat)")
                .bind("chat", chatId)
                .execute();
        h.createUpdate("DELETE FROM tip_blocks WHERE chat_id = :chat").bind("chat", chatId).execute();
        return h.createUpdate("DELETE FROM tips WHERE chat_id = :chat").bind("chat", chatId).execute();
    }
}
