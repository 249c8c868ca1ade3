package newsbot.store;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/** SQL for the {@code subscriptions} table: which categories each chat follows. */
public final class Subscriptions {

    public List<String> categoriesOf(Handle h, long chatId) {
        return h.createQuery("SELECT category FROM subscriptions WHERE chat_id = :chat ORDER BY category")
                .bind("chat", chatId)
                .mapTo(String.class)
                .list();
    }

    /** The categories of each of {@code chatIds}; chats without any are absent. */
    public Map<Long, List<String>> categoriesOf(Handle h, java.util.Collection<Long> chatIds) {
        Map<Long, List<String>> byChat = new java.util.HashMap<>();
        if (chatIds.isEmpty()) {
            return byChat;
        }
        h.createQuery("SELECT chat_id, category FROM subscriptions WHERE chat_id IN (<chats>)")
                .bindList("chats", List.copyOf(chatIds))
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> byChat.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>(4)).add(e.getValue()));
        return byChat;
    }

    /** Returns true when the subscription is new. */
    public boolean add(Handle h, long chatId, String category) {
        return h.createUpdate("INSERT INTO subscriptions (chat_id, category) VALUES (:chat, :cat) "
                        + "ON CONFLICT DO NOTHING")
                .bind("chat", chatId)
                .bind("cat", category)
                .execute() == 1;
    }

    /** Returns true when there was such a subscription. */
    public boolean remove(Handle h, long chatId, String category) {
        return h.createUpdate("DELETE FROM subscriptions WHERE chat_id = :chat AND category = :cat")
                .bind("chat", chatId)
                .bind("cat", category)
                .execute() == 1;
    }

    public int removeAll(Handle h, long chatId) {
        return h.createUpdate("DELETE FROM subscriptions WHERE chat_id = :chat").bind("chat", chatId).execute();
    }

    /** Active readers per category slug. */
    public Map<String, Integer> activeCountsByCategory(Handle h) {
        Map<String, Integer> counts = new TreeMap<>();
        h.createQuery("SELECT s.category, COUNT(*) AS n FROM subscriptions s JOIN subscribers r ON r.chat_id = s.chat_id "
                        + "WHERE r.status = 'ACTIVE' AND r.chat_type <> 'channel' GROUP BY s.category")
                .map((rs, ctx) -> Map.entry(rs.getString("category"), rs.getInt("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Every (chat, category) pair of active readers, streamed in chat order: the digest planner's input. */
    public Map<Long, List<String>> allActive(Handle h) {
        Map<Long, List<String>> byChat = new java.util.HashMap<>();
        h.createQuery("SELECT s.chat_id, s.category FROM subscriptions s JOIN subscribers r ON r.chat_id = s.chat_id "
                        + "WHERE r.status = 'ACTIVE'")
                .setFetchSize(5000)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .useStream(stream -> stream.forEach(e ->
                        byChat.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>(4)).add(e.getValue())));
        return byChat;
    }
}
