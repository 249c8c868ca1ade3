package newsbot.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for the {@code subscribers} table. Every method runs on the caller's handle, inside its transaction. */
public final class Subscribers {

    private static final String COLUMNS = "chat_id, user_id, chat_type, language, time_zone, digest_times, breaking_on, "
            + "quiet_from, quiet_to, status, digest_cursor, last_digest_at, created_at, updated_at";

    /** Registers a reader unless already known; returns true when the row is new. */
    public boolean insertIfAbsent(Handle h, long chatId, Long userId, String chatType, String language, ZoneId zone,
                                  List<LocalTime> digestTimes, long digestCursor, Instant now) {
        return h.createUpdate("INSERT INTO subscribers (chat_id, user_id, chat_type, language, time_zone, digest_times, "
                        + "breaking_on, status, digest_cursor, last_digest_at, created_at, updated_at) "
                        + "VALUES (:chat, :user, :type, :lang, :zone, :times, 1, 'ACTIVE', :cursor, :now, :now, :now) "
                        + "ON CONFLICT (chat_id) DO NOTHING")
                .bind("chat", chatId)
                .bind("user", userId)
                .bind("type", chatType)
                .bind("lang", language)
                .bind("zone", zone.getId())
                .bind("times", formatTimes(digestTimes))
                .bind("cursor", digestCursor)
                .bind("now", now.toEpochMilli())
                .execute() == 1;
    }

    public Optional<Subscriber> find(Handle h, long chatId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM subscribers WHERE chat_id = :chat")
                .bind("chat", chatId)
                .map(Subscribers::map)
                .findOne();
    }

    /**
     * Every column stored for the chat, as stored (times in epoch milliseconds), by column name: a reader's
     * /mydata shows all of it, and a column added later shows up there without a change here.
     */
    public Optional<Map<String, Object>> storedRow(Handle h, long chatId) {
        return h.createQuery("SELECT * FROM subscribers WHERE chat_id = :chat")
                .bind("chat", chatId)
                .mapToMap()
                .findOne()
                .map(row -> (Map<String, Object>) new java.util.TreeMap<>(row));
    }

    /** Deletes the chat's row; its subscriptions, topics and muted phrases go with it (ON DELETE CASCADE). */
    public boolean delete(Handle h, long chatId) {
        return h.createUpdate("DELETE FROM subscribers WHERE chat_id = :chat").bind("chat", chatId).execute() == 1;
    }

    /** Calls {@code each} for every reader with the given status, streaming so 100,000 rows never sit in memory. */
    public void forEachWithStatus(Handle h, SubscriberStatus status, Consumer<Subscriber> each) {
        h.createQuery("SELECT " + COLUMNS + " FROM subscribers WHERE status = :status ORDER BY chat_id")
                .bind("status", status.name())
                .setFetchSize(1000)
                .map(Subscribers::map)
                .useStream(stream -> stream.forEach(each));
    }

    /**
     * Up to {@code limit} readers with the given status and a chat id above {@code afterChatId}, in chat id order:
     * a keyset page, so a scan of 100,000 readers reads each once and never holds a transaction open between pages.
     */
    public List<Subscriber> pageWithStatus(Handle h, SubscriberStatus status, long afterChatId, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM subscribers WHERE status = :status AND chat_id > :after "
                        + "ORDER BY chat_id LIMIT :limit")
                .bind("status", status.name())
                .bind("after", afterChatId)
                .bind("limit", limit)
                .map(Subscribers::map)
                .list();
    }

    public void setStatus(Handle h, long chatId, SubscriberStatus status, Instant now) {
        update(h, chatId, "status", status.name(), now);
    }

    public void setLanguage(Handle h, long chatId, String language, Instant now) {
        update(h, chatId, "language", language, now);
    }

    public void setZone(Handle h, long chatId, ZoneId zone, Instant now) {
        update(h, chatId, "time_zone", zone.getId(), now);
    }

    public void setDigestTimes(Handle h, long chatId, List<LocalTime> times, Instant now) {
        update(h, chatId, "digest_times", formatTimes(times), now);
    }

    public void setBreakingOn(Handle h, long chatId, boolean on, Instant now) {
        update(h, chatId, "breaking_on", on ? 1 : 0, now);
    }

    /** The forum topic the chat's pushes go to; {@code null}: the chat itself. */
    public void setThread(Handle h, long chatId, Integer threadIdOrNull, Instant now) {
        update(h, chatId, "thread_id", threadIdOrNull, now);
    }

    /** Telegram refused a rich message in the chat: articles go to it as text from now on. */
    public void markRichRefused(Handle h, long chatId, Instant now) {
        update(h, chatId, "rich_refused_at", now.toEpochMilli(), now);
    }

    /** Whether Telegram refused a rich message in the chat (a chat the bot does not know has not). */
    public boolean refusesRich(Handle h, long chatId) {
        return h.createQuery("SELECT 1 FROM subscribers WHERE chat_id = :chat AND rich_refused_at IS NOT NULL")
                .bind("chat", chatId)
                .mapTo(Integer.class)
                .findOne()
                .isPresent();
    }

    /** Every push to the chat without sound (a channel's setting). */
    public void setSilent(Handle h, long chatId, boolean silent, Instant now) {
        update(h, chatId, "silent", silent ? 1 : 0, now);
    }

    /** Sets quiet hours; both {@code null} clears them. */
    public void setQuietHours(Handle h, long chatId, LocalTime from, LocalTime to, Instant now) {
        h.createUpdate("UPDATE subscribers SET quiet_from = :from, quiet_to = :to, updated_at = :now WHERE chat_id = :chat")
                .bind("from", from == null ? null : from.toString())
                .bind("to", to == null ? null : to.toString())
                .bind("now", now.toEpochMilli())
                .bind("chat", chatId)
                .execute();
    }

    /** Records that a digest covering articles up to {@code cursor} was composed at {@code at}. */
    public void advanceDigest(Handle h, long chatId, long cursor, Instant at) {
        h.createUpdate("UPDATE subscribers SET digest_cursor = CASE WHEN digest_cursor > :cursor THEN digest_cursor ELSE :cursor END, "
                        + "last_digest_at = :at "
                        + "WHERE chat_id = :chat")
                .bind("cursor", cursor)
                .bind("at", at.toEpochMilli())
                .bind("chat", chatId)
                .execute();
    }

    /**
     * Advances many readers' digests as one prepared batch, each only if the reader is still active with the
     * cursor and last digest time the caller read: the scheduler reads readers outside its write transaction, and
     * a {@code /digest}, {@code /pause} or schedule change in between must win. Returns, per advance, whether it
     * applied.
     */
    public boolean[] advanceDigestsIfUnchanged(Handle h, List<DigestAdvance> advances, Instant at) {
        boolean[] applied = new boolean[advances.size()];
        if (advances.isEmpty()) {
            return applied;
        }
        PreparedBatch batch = h.prepareBatch("UPDATE subscribers SET digest_cursor = ?, last_digest_at = ? "
                + "WHERE chat_id = ? AND status = 'ACTIVE' AND digest_cursor = ? AND last_digest_at = ?");
        for (DigestAdvance a : advances) {
            batch.add(a.cursor(), at.toEpochMilli(), a.reader().chatId(), a.reader().digestCursor(),
                    a.reader().lastDigestAt().toEpochMilli());
        }
        int[] counts = batch.execute();
        for (int i = 0; i < counts.length; i++) {
            applied[i] = counts[i] == 1;
        }
        return applied;
    }

    /** Of {@code chatIds}, those who have had no digest yet: their next one is "what's new today". */
    public java.util.Set<Long> withoutFirstDigest(Handle h, java.util.Collection<Long> chatIds) {
        if (chatIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(h.createQuery("SELECT chat_id FROM subscribers "
                        + "WHERE first_digest_at IS NULL AND chat_id IN (<chats>)")
                .bindList("chats", List.copyOf(chatIds))
                .mapTo(Long.class)
                .list());
    }

    /** Records that these readers' first digest was composed at {@code at}; a later call changes nothing. */
    public void markFirstDigest(Handle h, java.util.Collection<Long> chatIds, Instant at) {
        if (chatIds.isEmpty()) {
            return;
        }
        h.createUpdate("UPDATE subscribers SET first_digest_at = :at WHERE first_digest_at IS NULL "
                        + "AND chat_id IN (<chats>)")
                .bind("at", at.toEpochMilli())
                .bindList("chats", List.copyOf(chatIds))
                .execute();
    }

    /** A reader as read before, and the digest cursor to move them to (their own when nothing was new). */
    public record DigestAdvance(Subscriber reader, long cursor) {
    }

    /** Moves a group to its new supergroup id; subscriptions follow through ON UPDATE CASCADE. */
    public void migrateChat(Handle h, long oldChatId, long newChatId, Instant now) {
        // a chat already known under the new id keeps its row (SQLite's UPDATE OR IGNORE, in SQL both speak)
        h.createUpdate("UPDATE subscribers SET chat_id = :new, chat_type = 'supergroup', updated_at = :now "
                        + "WHERE chat_id = :old AND NOT EXISTS (SELECT 1 FROM subscribers s WHERE s.chat_id = :new)")
                .bind("new", newChatId)
                .bind("old", oldChatId)
                .bind("now", now.toEpochMilli())
                .execute();
    }

    public Map<SubscriberStatus, Integer> countByStatus(Handle h) {
        Map<SubscriberStatus, Integer> counts = new EnumMap<>(SubscriberStatus.class);
        for (SubscriberStatus s : SubscriberStatus.values()) {
            counts.put(s, 0);
        }
        h.createQuery("SELECT status, COUNT(*) AS n FROM subscribers WHERE chat_type <> 'channel' GROUP BY status")
                .map((rs, ctx) -> Map.entry(SubscriberStatus.valueOf(rs.getString("status")), rs.getInt("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    public int countCreatedSince(Handle h, Instant since) {
        return h.createQuery("SELECT COUNT(*) FROM subscribers WHERE created_at >= :since AND chat_type <> 'channel'")
                .bind("since", since.toEpochMilli())
                .mapTo(Integer.class)
                .one();
    }

    private static void update(Handle h, long chatId, String column, Object value, Instant now) {
        // column is always one of this class's constants, never user input
        h.createUpdate("UPDATE subscribers SET " + column + " = :value, updated_at = :now WHERE chat_id = :chat")
                .bind("value", value)
                .bind("now", now.toEpochMilli())
                .bind("chat", chatId)
                .execute();
    }

    static String formatTimes(List<LocalTime> times) {
        List<String> parts = new ArrayList<>();
        for (LocalTime t : times) {
            parts.add(t.toString());
        }
        return String.join(",", parts);
    }

    static List<LocalTime> parseTimes(String text) {
        List<LocalTime> times = new ArrayList<>(2);
        if (text != null && !text.isBlank()) {
            for (String part : text.split(",")) {
                times.add(parseTime(part.strip()));
            }
        }
        return times;
    }

    /** "HH:MM" without a formatter: the digest scheduler maps every reader every minute. */
    static LocalTime parseTime(String text) {
        if (text.length() == 5 && text.charAt(2) == ':' && isDigit(text, 0) && isDigit(text, 1) && isDigit(text, 3)
                && isDigit(text, 4)) {
            int hour = (text.charAt(0) - '0') * 10 + (text.charAt(1) - '0');
            int minute = (text.charAt(3) - '0') * 10 + (text.charAt(4) - '0');
            if (hour < 24 && minute < 60) {
                return LocalTime.of(hour, minute);
            }
        }
        return LocalTime.parse(text);
    }

    private static boolean isDigit(String text, int index) {
        char c = text.charAt(index);
        return c >= '0' && c <= '9';
    }

    private static Subscriber map(ResultSet rs, StatementContext ctx) throws SQLException {
        long userId = rs.getLong("user_id");
        Long user = rs.wasNull() ? null : userId;
        String quietFrom = rs.getString("quiet_from");
        String quietTo = rs.getString("quiet_to");
        return new Subscriber(
                rs.getLong("chat_id"),
                user,
                rs.getString("chat_type"),
                rs.getString("language"),
                ZoneId.of(rs.getString("time_zone")),
                parseTimes(rs.getString("digest_times")),
                rs.getInt("breaking_on") == 1,
                quietFrom == null ? null : parseTime(quietFrom),
                quietTo == null ? null : parseTime(quietTo),
                SubscriberStatus.valueOf(rs.getString("status")),
                rs.getLong("digest_cursor"),
                Instant.ofEpochMilli(rs.getLong("last_digest_at")),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }
}
