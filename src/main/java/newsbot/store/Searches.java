package newsbot.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for the {@code searches} table: a reader's recent queries, named by id in "more results" buttons. */
public final class Searches {

    /** Older searches of a chat are forgotten: their buttons then say the search is gone. */
    static final int KEPT_PER_CHAT = 20;

    /** Records a query and returns its id; keeps only the chat's last {@link #KEPT_PER_CHAT}. */
    public long add(Handle h, long chatId, String query, Instant now) {
        long id = h.createQuery("INSERT INTO searches (chat_id, query, created_at) VALUES (:chat, :query, :now) "
                        + "RETURNING id")
                .bind("chat", chatId)
                .bind("query", query)
                .bind("now", now.toEpochMilli())
                .mapTo(Long.class)
                .one();
        h.createUpdate("DELETE FROM searches WHERE chat_id = :chat AND id <= "
                        + "(SELECT id FROM searches WHERE chat_id = :chat ORDER BY id DESC LIMIT 1 OFFSET :kept)")
                .bind("chat", chatId)
                .bind("kept", KEPT_PER_CHAT)
                .execute();
        return id;
    }

    /** The query of search {@code id} if it was made in {@code chatId} and is still kept. */
    public Optional<String> find(Handle h, long chatId, long id) {
        return h.createQuery("SELECT query FROM searches WHERE id = :id AND chat_id = :chat")
                .bind("id", id)
                .bind("chat", chatId)
                .mapTo(String.class)
                .findOne();
    }

    /** A query of the chat's, as kept. */
    public record Kept(String query, Instant at) {
    }

    /** The chat's kept queries, oldest first (its /mydata). */
    public java.util.List<Kept> ofChat(Handle h, long chatId) {
        return h.createQuery("SELECT query, created_at FROM searches WHERE chat_id = :chat ORDER BY id")
                .bind("chat", chatId)
                .map((rs, ctx) -> new Kept(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))))
                .list();
    }

    /** Forgets the chat's queries; returns how many. */
    public int deleteChat(Handle h, long chatId) {
        return h.createUpdate("DELETE FROM searches WHERE chat_id = :chat").bind("chat", chatId).execute();
    }
}
