package newsbot.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for the {@code channels} table: configured channels, their resolved ids, pauses and posting problems. */
public final class Channels {

    /**
     * One configured channel as the bot last found it.
     *
     * @param chatId    its numeric id, or {@code null} until a {@code @username} is resolved
     * @param problem   what the operator must fix before the bot can post there, or {@code null} when it can
     * @param checkedAt when the bot last asked Telegram, or {@code null} if never
     */
    public record ChannelRow(String key, String chatRef, Long chatId, boolean paused, String problem,
                             Instant checkedAt) {

        /** Its posts are sent now (else they wait in the outbox). */
        public boolean posting() {
            return chatId != null && !paused && problem == null;
        }
    }

    /** Until the first check, a channel is held: the bot does not know yet whether it may post there. */
    public static final String NOT_CHECKED = "not checked yet";

    private static final String COLUMNS = "channel_key, chat_ref, chat_id, paused, problem, checked_at";

    /**
     * Registers a configured channel or takes its (possibly changed) chat reference; a changed reference forgets
     * the resolved id. A numeric reference is its own id.
     */
    public void upsert(Handle h, String key, String chatRef, Long numericIdOrNull) {
        h.createUpdate("INSERT INTO channels (channel_key, chat_ref, chat_id, problem) VALUES (:key, :ref, :id, :nc) "
                        + "ON CONFLICT (channel_key) DO UPDATE SET chat_ref = excluded.chat_ref, "
                        + "chat_id = CASE WHEN channels.chat_ref = excluded.chat_ref THEN channels.chat_id "
                        + "ELSE excluded.chat_id END, "
                        + "problem = CASE WHEN channels.chat_ref = excluded.chat_ref THEN channels.problem "
                        + "ELSE excluded.problem END")
                .bind("key", key)
                .bind("ref", chatRef)
                .bind("id", numericIdOrNull)
                .bind("nc", NOT_CHECKED)
                .execute();
    }

    public List<ChannelRow> all(Handle h) {
        return h.createQuery("SELECT " + COLUMNS + " FROM channels ORDER BY channel_key")
                .map(Channels::map)
                .list();
    }

    public Optional<ChannelRow> find(Handle h, String key) {
        return h.createQuery("SELECT " + COLUMNS + " FROM channels WHERE channel_key = :key")
                .bind("key", key)
                .map(Channels::map)
                .findOne();
    }

    public Optional<ChannelRow> findByChat(Handle h, long chatId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM channels WHERE chat_id = :chat")
                .bind("chat", chatId)
                .map(Channels::map)
                .findOne();
    }

    public void setChatId(Handle h, String key, long chatId) {
        h.createUpdate("UPDATE channels SET chat_id = :chat WHERE channel_key = :key")
                .bind("chat", chatId)
                .bind("key", key)
                .execute();
    }

    /** Records the result of a check: {@code problem} NULL lets the held posts go. */
    public void setProblem(Handle h, String key, String problemOrNull, Instant at) {
        h.createUpdate("UPDATE channels SET problem = :problem, checked_at = :at WHERE channel_key = :key")
                .bind("problem", problemOrNull)
                .bind("at", at.toEpochMilli())
                .bind("key", key)
                .execute();
    }

    /** Holds a channel's posts after Telegram refused one, until the next check finds it fixed. */
    public void setProblemByChat(Handle h, long chatId, String problem) {
        h.createUpdate("UPDATE channels SET problem = :problem WHERE chat_id = :chat")
                .bind("problem", problem)
                .bind("chat", chatId)
                .execute();
    }

    /** Moves a channel that Telegram says became another chat (a group upgraded to a supergroup). */
    public void migrateChat(Handle h, long oldChatId, long newChatId) {
        h.createUpdate("UPDATE channels SET chat_id = :new WHERE chat_id = :old "
                        + "AND NOT EXISTS (SELECT 1 FROM channels c WHERE c.chat_id = :new)")
                .bind("new", newChatId)
                .bind("old", oldChatId)
                .execute();
    }

    /** Forgets a channel no longer configured. */
    public void delete(Handle h, String key) {
        h.createUpdate("DELETE FROM channels WHERE channel_key = :key").bind("key", key).execute();
    }

    public boolean setPaused(Handle h, String key, boolean paused) {
        return h.createUpdate("UPDATE channels SET paused = :paused WHERE channel_key = :key")
                .bind("paused", paused ? 1 : 0)
                .bind("key", key)
                .execute() == 1;
    }

    private static ChannelRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        long chat = rs.getLong("chat_id");
        Long chatId = rs.wasNull() ? null : chat;
        long checked = rs.getLong("checked_at");
        Instant checkedAt = rs.wasNull() ? null : Instant.ofEpochMilli(checked);
        return new ChannelRow(rs.getString("channel_key"), rs.getString("chat_ref"), chatId,
                rs.getInt("paused") == 1, rs.getString("problem"), checkedAt);
    }
}
