package newsbot.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.EnumMap;
import java.util.TreeMap;
import java.util.Collection;
import java.util.Locale;
import newsbot.store.CampaignKind;
import newsbot.store.CorrectionRow;
import newsbot.store.Dialect;
import newsbot.telegram.SendOutcome;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * All SQL for the outbox: the {@code deliveries} table and its albums' message ids ({@code delivery_album_messages}).
 * Nothing else in the bot touches them. Every method runs on the caller's handle; single-statement methods are
 * atomic on their own, so callers need a transaction only to group several.
 */
final class OutboxTable {

    private static final int MAX_ERROR_CHARS = 500;
    private static final RichRowText RICH = new RichRowText();

    private static final String COLUMNS = "id, chat_id, kind, ref_id, part, text, silent, link_preview, priority, state, "
            + "attempts, not_before, last_error, telegram_message_id, created_at, sent_at, reply_markup, "
            + "action, source_chat_id, source_message_id, target_message_id, paid, then_pin, sent_paid, "
            // Where a push goes and whether it rings are the chat's current settings (a /here moves queued rows too);
            // a reply goes to the topic it answers.
            + "CASE WHEN kind = 'REPLY' THEN deliveries.thread_id ELSE "
            + "(SELECT r.thread_id FROM subscribers r WHERE r.chat_id = deliveries.chat_id) END AS send_thread, "
            + "COALESCE((SELECT r.silent FROM subscribers r WHERE r.chat_id = deliveries.chat_id AND kind <> 'REPLY'), 0) "
            + "AS chat_silent";
    /** Chats whose rows wait: a channel paused by an editor or one the bot may not post to yet. */
    private static final String NOT_HELD = " AND chat_id NOT IN (SELECT c.chat_id FROM channels c "
            + "WHERE c.chat_id IS NOT NULL AND (c.paused = 1 OR c.problem IS NOT NULL))";
    private static final String INSERT = "INSERT INTO deliveries "
            + "(chat_id, kind, ref_id, part, text, silent, link_preview, priority, state, attempts, not_before, created_at, "
            + "reply_markup, thread_id, action, source_chat_id, source_message_id, target_message_id, paid, then_pin) "
            + "VALUES (:chat, :kind, :ref, :part, :text, :silent, :preview, :priority, 'PENDING', 0, :notBefore, :now, "
            + ":markup, :thread, :action, :sourceChat, :sourceId, :target, :paid, :thenPin) "
            // the row key is (chat_id, key_kind, ref_id, part): key_kind folds BREAKING and TOPIC into one alert
            + "ON CONFLICT (chat_id, key_kind, ref_id, part) DO NOTHING";

    /** The columns of a fan-out's rows: the same request for many chats, the chat ids bound as one list. */
    private static final String FAN_OUT_COLUMNS = "INSERT INTO deliveries "
            + "(chat_id, kind, ref_id, part, text, silent, link_preview, priority, state, attempts, not_before, created_at, "
            + "reply_markup, thread_id, action, source_chat_id, source_message_id, target_message_id, paid, then_pin) "
            + "SELECT c, :kind, :ref, :part, :text, :silent, :preview, :priority, 'PENDING', 0, :notBefore, :now, "
            + ":markup, :thread, :action, :sourceChat, :sourceId, :target, :paid, :thenPin FROM ";
    /** SQLite walks a JSON array of the chat ids (WHERE true: the upsert clause must not read as a join's ON). */
    private static final String FAN_OUT_SQLITE = FAN_OUT_COLUMNS
            + "(SELECT CAST(value AS INTEGER) AS c FROM json_each(:chats)) WHERE true "
            + "ON CONFLICT (chat_id, key_kind, ref_id, part) DO NOTHING";
    private static final String FAN_OUT_POSTGRES = FAN_OUT_COLUMNS
            + "unnest(CAST(:chats AS BIGINT[])) AS u (c) ON CONFLICT (chat_id, key_kind, ref_id, part) DO NOTHING";

    /**
     * The same row for every chat of {@code chatIds} as one statement: the database builds the rows itself, with one
     * list bound instead of a statement's parameters per row (a breaking alert to 60,000 readers). Returns how many
     * rows were new. Not for albums, whose message ids are rows of their own.
     */
    int insertForChats(Handle h, Collection<Long> chatIds, NewRow template, Instant now) {
        if (chatIds.isEmpty()) {
            return 0;
        }
        if (template.request() instanceof Request.CopyAlbum) {
            throw new IllegalArgumentException("an album's rows are inserted one by one");
        }
        Map<String, Object> p = params(template, now);
        p.remove("chat");
        if (Dialect.of(h) == Dialect.POSTGRESQL) {
            return h.createUpdate(FAN_OUT_POSTGRES).bindMap(p).bindArray("chats", Long.class, chatIds).execute();
        }
        StringBuilder json = new StringBuilder(chatIds.size() * 8).append('[');
        for (long chat : chatIds) {
            json.append(json.length() == 1 ? "" : ",").append(chat);
        }
        return h.createUpdate(FAN_OUT_SQLITE).bindMap(p).bind("chats", json.append(']').toString()).execute();
    }

    /** Inserts unless a row with the same (chat, kind, ref, part) exists, in any state; true when the row is new. */
    boolean insertIfAbsent(Handle h, NewRow d, Instant now) {
        if (d.request() instanceof Request.CopyAlbum album) {
            Optional<Long> id = h.createUpdate(INSERT + " RETURNING id")
                    .bindMap(params(d, now))
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .findOne();
            id.ifPresent(rowId -> insertAlbum(h, rowId, AlbumRole.SOURCE, album.messageIds()));
            return id.isPresent();
        }
        return h.createUpdate(INSERT)
                .bindMap(params(d, now))
                .execute() == 1;
    }

    /** {@link #insertIfAbsent} for many rows as one prepared batch; returns how many were new. */
    int insertAllIfAbsent(Handle h, Iterable<NewRow> rows, Instant now) {
        PreparedBatch batch = h.prepareBatch(INSERT);
        int added = 0;
        for (NewRow d : rows) {
            if (d.request() instanceof Request.CopyAlbum) {
                added += insertIfAbsent(h, d, now) ? 1 : 0; // its message ids go to a table of their own
            } else {
                batch.add(params(d, now));
            }
        }
        if (batch.size() == 0) {
            return added;
        }
        for (int n : batch.execute()) {
            added += Math.max(n, 0);
        }
        return added;
    }

    private void insertAlbum(Handle h, long rowId, AlbumRole role, List<Long> messageIds) {
        PreparedBatch batch = h.prepareBatch("INSERT INTO delivery_album_messages (delivery_id, role, position, "
                + "message_id) VALUES (:row, :role, :position, :message) ON CONFLICT DO NOTHING");
        for (int i = 0; i < messageIds.size(); i++) {
            batch.bind("row", rowId).bind("role", role.name()).bind("position", i).bind("message", messageIds.get(i))
                    .add();
        }
        batch.execute();
    }

    private List<Long> album(Handle h, long rowId, AlbumRole role) {
        return h.createQuery("SELECT message_id FROM delivery_album_messages WHERE delivery_id = :row AND role = :role "
                        + "ORDER BY position")
                .bind("row", rowId)
                .bind("role", role.name())
                .mapTo(Long.class)
                .list();
    }

    /** The copies Telegram made of an album row's messages, in order. */
    List<Long> albumSent(Handle h, long rowId) {
        return album(h, rowId, AlbumRole.SENT);
    }

    /** Which of an album row's message ids: the editor's it copies, or the copies Telegram made. */
    private enum AlbumRole {
        SOURCE, SENT
    }

    Optional<Delivery> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM deliveries WHERE id = :id")
                .bind("id", id)
                .map(OutboxTable::map)
                .findOne()
                .map(d -> withAlbums(h, d));
    }

    /** Every row of one chat, oldest first (tests, /mydata). */
    List<Delivery> forChat(Handle h, long chatId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM deliveries WHERE chat_id = :chat ORDER BY id")
                .bind("chat", chatId)
                .map(OutboxTable::map)
                .list()
                .stream()
                .map(d -> withAlbums(h, d))
                .toList();
    }

    /** Every row of one digest, alert or broadcast, in enqueue order. */
    List<Delivery> forRef(Handle h, DeliveryKind kind, long refId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM deliveries WHERE kind = :kind AND ref_id = :ref ORDER BY id")
                .bind("kind", kind.name())
                .bind("ref", refId)
                .map(OutboxTable::map)
                .list()
                .stream()
                .map(d -> withAlbums(h, d))
                .toList();
    }

    /** An album row read with its message ids (a single query for the rows themselves cannot carry a list). */
    private Delivery withAlbums(Handle h, Delivery d) {
        if (!(d.request() instanceof Request.CopyAlbum album)) {
            return d;
        }
        Request request = new Request.CopyAlbum(album.fromChatId(), album(h, d.id(), AlbumRole.SOURCE));
        Delivery.Sent sent = d.sent();
        if (d.state() == DeliveryState.SENT) {
            List<Long> ids = album(h, d.id(), AlbumRole.SENT);
            sent = new Delivery.Sent(ids.isEmpty() ? sent.messageIds() : ids, sent.at(), sent.paid());
        }
        return new Delivery(d.id(), d.chatId(), d.kind(), d.refId(), d.part(), request, d.manner(), d.progress(), sent);
    }

    /** The rows among {@code ids} that are still pending, in the order of {@code ids}. */
    List<Delivery> findPending(Handle h, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Delivery> byId = new HashMap<>();
        h.createQuery("SELECT " + COLUMNS + " FROM deliveries WHERE state = 'PENDING' AND id IN (<ids>)")
                .bindList("ids", ids)
                .map(OutboxTable::map)
                .forEach(d -> byId.put(d.id(), d));
        List<Delivery> rows = new ArrayList<>(byId.size());
        for (long id : ids) {
            Delivery d = byId.get(id);
            if (d != null) {
                rows.add(withAlbums(h, d));
            }
        }
        return rows;
    }

    /**
     * Streams pending rows due at {@code now} in send order (priority, not_before, id) until {@code each} returns
     * false. Rows are read lazily, so stopping early costs nothing for the rest of the queue.
     */
    void forEachDue(Handle h, Instant now, Predicate<DueRow> each) {
        for (Priority p : Priority.values()) {
            // state = 'PENDING' is a literal so the planner can use the partial index
            boolean more = h.createQuery("SELECT id, chat_id, priority, not_before FROM deliveries "
                            + "WHERE state = 'PENDING' AND priority = :p AND not_before <= :now" + NOT_HELD
                            + " ORDER BY not_before, id")
                    .bind("p", p.level())
                    .bind("now", now.toEpochMilli())
                    .setFetchSize(256)
                    .map((rs, ctx) -> new DueRow(rs.getLong(1), rs.getLong(2), Priority.ofLevel(rs.getInt(3)),
                            rs.getLong(4)))
                    .withStream(stream -> stream.allMatch(each));
            if (!more) {
                return;
            }
        }
    }

    /** The first {@code limit} due rows in send order. */
    List<DueRow> due(Handle h, Instant now, int limit) {
        List<DueRow> rows = new ArrayList<>();
        if (limit > 0) {
            forEachDue(h, now, d -> rows.add(d) && rows.size() < limit);
        }
        return rows;
    }

    /** The earliest not_before after {@code now} among pending rows: when the next row becomes due. */
    Optional<Instant> nextNotBefore(Handle h, Instant now) {
        Long min = null;
        for (Priority p : Priority.values()) {
            Long m = h.createQuery("SELECT MIN(not_before) FROM deliveries "
                            + "WHERE state = 'PENDING' AND priority = :p AND not_before > :now" + NOT_HELD)
                    .bind("p", p.level())
                    .bind("now", now.toEpochMilli())
                    .mapTo(Long.class)
                    .one();
            if (m != null && (min == null || m < min)) {
                min = m;
            }
        }
        return Optional.ofNullable(min).map(Instant::ofEpochMilli);
    }

    /**
     * Records Telegram's acceptance, with what it made and the text the call carried: a correction may have
     * replaced the row's text while the call was on the wire, and then the row must say what the reader really got,
     * so that copy is corrected too. One UPDATE with no precondition on the state: the message was sent, whatever
     * happened to the row meanwhile, and this statement is the whole duplicate window.
     */
    boolean markSent(Handle h, long id, SendOutcome.Sent sent, boolean sentPaid, Request sentRequest, Instant at) {
        Object sentText = requestParams(sentRequest).get("text");
        Long first = sent.firstMessageId().isPresent() ? sent.firstMessageId().getAsLong() : null;
        boolean marked = h.createUpdate("UPDATE deliveries SET state = 'SENT', telegram_message_id = :msg, "
                        + "sent_at = :at, last_error = :note, sent_paid = :paid, text = :sent WHERE id = :id")
                .bind("msg", first)
                .bind("note", sent instanceof SendOutcome.Sent.Unread unread ? truncate("delivered; answer unreadable: "
                        + unread.problem()) : null)
                .bind("paid", sentPaid ? 1 : 0)
                .bind("sent", sentText)
                .bind("at", at.toEpochMilli())
                .bind("id", id)
                .execute() == 1;
        if (marked && sent instanceof SendOutcome.Sent.Album album) {
            insertAlbum(h, id, AlbumRole.SENT, album.messageIds());
        }
        return marked;
    }

    /**
     * A pending request becomes another (a delete Telegram refused for the message's age becomes its edit to the
     * withdrawn note), due as before, its attempts left alone: the refusal was no failure of the row.
     */
    boolean replaceRequest(Handle h, long id, Request request, String reason) {
        Map<String, Object> p = requestParams(request);
        return h.createUpdate("UPDATE deliveries SET action = :action, target_message_id = :target, text = :text, "
                        + "last_error = :err WHERE id = :id AND state = 'PENDING'")
                .bind("action", p.get("action"))
                .bind("target", p.get("target"))
                .bind("text", p.get("text"))
                .bind("err", truncate(reason))
                .bind("id", id)
                .execute() == 1;
    }

    /** Cancels the pending rows that copy the given message (or the album it starts); returns how many. */
    int cancelPendingCopiesOf(Handle h, long sourceChatId, long sourceMessageId, String reason) {
        return h.createUpdate("UPDATE deliveries SET state = 'CANCELLED', last_error = :reason WHERE state = 'PENDING' "
                        + "AND source_chat_id = :chat AND source_message_id = :id")
                .bind("reason", truncate(reason))
                .bind("chat", sourceChatId)
                .bind("id", sourceMessageId)
                .execute();
    }

    /** Puts a pending row back for later; a 429 is not the row's fault, so it may leave attempts alone. */
    boolean reschedule(Handle h, long id, Instant notBefore, String error, boolean countAttempt) {
        return h.createUpdate("UPDATE deliveries SET not_before = :nb, last_error = :err, attempts = attempts + :inc "
                        + "WHERE id = :id AND state = 'PENDING'")
                .bind("nb", notBefore.toEpochMilli())
                .bind("err", truncate(error))
                .bind("inc", countAttempt ? 1 : 0)
                .bind("id", id)
                .execute() == 1;
    }

    /**
     * Holds a chat's other pending rows until at least {@code notBefore}, so a row put back for later (a retry)
     * is not overtaken by the ones queued behind it: a digest's part 2 must not arrive before its part 1.
     */
    int holdChatUntil(Handle h, long chatId, Instant notBefore) {
        return h.createUpdate("UPDATE deliveries SET not_before = CASE WHEN not_before > :nb THEN not_before ELSE :nb END "
                        + "WHERE chat_id = :chat AND state = 'PENDING'")
                .bind("nb", notBefore.toEpochMilli())
                .bind("chat", chatId)
                .execute();
    }

    /** Gives up on a pending row for good. */
    boolean fail(Handle h, long id, String error, boolean countAttempt) {
        return h.createUpdate("UPDATE deliveries SET state = 'FAILED', last_error = :err, attempts = attempts + :inc "
                        + "WHERE id = :id AND state = 'PENDING'")
                .bind("err", truncate(error))
                .bind("inc", countAttempt ? 1 : 0)
                .bind("id", id)
                .execute() == 1;
    }

    /** Cancels everything still pending for a chat (it is gone, or asked to be forgotten); returns how many. */
    int cancelPendingForChat(Handle h, long chatId, String reason) {
        return h.createUpdate("UPDATE deliveries SET state = 'CANCELLED', last_error = :err "
                        + "WHERE chat_id = :chat AND state = 'PENDING'")
                .bind("err", truncate(reason))
                .bind("chat", chatId)
                .execute();
    }

    /** Cancels the pushes still pending for a chat (the reader said /stop), not the replies; returns how many. */
    int cancelPendingPushesForChat(Handle h, long chatId, String reason) {
        return h.createUpdate("UPDATE deliveries SET state = 'CANCELLED', last_error = :err "
                        + "WHERE chat_id = :chat AND state = 'PENDING' AND kind <> 'REPLY'")
                .bind("err", truncate(reason))
                .bind("chat", chatId)
                .execute();
    }

    /** Cancels what is still pending of one digest, alert or broadcast; returns how many. */
    int cancelPendingByRef(Handle h, DeliveryKind kind, long refId, String reason) {
        return h.createUpdate("UPDATE deliveries SET state = 'CANCELLED', last_error = :err "
                        + "WHERE kind = :kind AND ref_id = :ref AND state = 'PENDING'")
                .bind("err", truncate(reason))
                .bind("kind", kind.name())
                .bind("ref", refId)
                .execute();
    }

    /**
     * Moves a migrated group's rows to its new id, so pending rows are resent there and re-enqueueing stays a
     * no-op. A row whose key already exists under the new id stays behind; if pending, it is cancelled as a
     * duplicate. Returns how many pending rows now wait under the new id.
     */
    int moveChat(Handle h, long oldChatId, long newChatId) {
        // rows whose key exists under the new id stay (SQLite's UPDATE OR IGNORE, in SQL both speak)
        h.createUpdate("UPDATE deliveries SET chat_id = :new WHERE chat_id = :old AND NOT EXISTS (SELECT 1 FROM "
                        + "deliveries e WHERE e.chat_id = :new AND e.key_kind = deliveries.key_kind "
                        + "AND e.ref_id = deliveries.ref_id AND e.part = deliveries.part)")
                .bind("new", newChatId)
                .bind("old", oldChatId)
                .execute();
        cancelPendingForChat(h, oldChatId, "duplicate after migration to " + newChatId);
        return h.createQuery("SELECT COUNT(*) FROM deliveries WHERE chat_id = :new AND state = 'PENDING'")
                .bind("new", newChatId)
                .mapTo(Integer.class)
                .one();
    }

    /** Rows waiting for one chat (a held channel's posts, say). */
    int countPendingForChat(Handle h, long chatId) {
        return h.createQuery("SELECT COUNT(*) FROM deliveries WHERE chat_id = :chat AND state = 'PENDING'")
                .bind("chat", chatId)
                .mapTo(Integer.class)
                .one();
    }

    /**
     * Drops pending rows of {@code kind} created before {@code createdBefore}: they outlived their use (a breaking
     * alert hours late is no longer news). Returns how many were dropped.
     */
    int expirePending(Handle h, DeliveryKind kind, Instant createdBefore, String reason) {
        return h.createUpdate("UPDATE deliveries SET state = 'CANCELLED', last_error = :err "
                        + "WHERE state = 'PENDING' AND kind = :kind AND created_at < :before")
                .bind("err", truncate(reason))
                .bind("kind", kind.name())
                .bind("before", createdBefore.toEpochMilli())
                .execute();
    }

    /**
     * Gives back one attempt to each of these pending rows: their failure turned out to be an outage of Telegram
     * or the network, which is nobody's row's fault.
     */
    int refundAttempt(Handle h, List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return h.createUpdate("UPDATE deliveries SET attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END "
                        + "WHERE state = 'PENDING' AND id IN (<ids>)")
                .bindList("ids", ids)
                .execute();
    }

    /** Rows created since {@code since}, by kind then state (a full scan: for /stats, not for hot paths). */
    Map<DeliveryKind, Map<DeliveryState, Integer>> countsSince(Handle h, Instant since) {
        return byKindAndState(h.createQuery("SELECT kind, state, COUNT(*) FROM deliveries WHERE created_at >= :since "
                + "GROUP BY kind, state").bind("since", since.toEpochMilli()));
    }

    /** A query's (kind, state, count) rows as a table. */
    private static Map<DeliveryKind, Map<DeliveryState, Integer>> byKindAndState(org.jdbi.v3.core.statement.Query q) {
        Map<DeliveryKind, Map<DeliveryState, Integer>> counts = new EnumMap<>(DeliveryKind.class);
        q.map((rs, ctx) -> new KindStateCount(DeliveryKind.valueOf(rs.getString(1)),
                        DeliveryState.valueOf(rs.getString(2)), rs.getInt(3)))
                .forEach(c -> counts.computeIfAbsent(c.kind(), k -> new EnumMap<>(DeliveryState.class))
                        .put(c.state(), c.count()));
        return counts;
    }

    /** One chat's rows by kind and state (its /mydata). */
    Map<DeliveryKind, Map<DeliveryState, Integer>> countsForChat(Handle h, long chatId) {
        return byKindAndState(h.createQuery("SELECT kind, state, COUNT(*) FROM deliveries WHERE chat_id = :chat "
                + "GROUP BY kind, state").bind("chat", chatId));
    }

    /** Rows of one digest, alert or broadcast by state: a broadcast's progress. */
    Map<DeliveryState, Integer> countsByRef(Handle h, DeliveryKind kind, long refId) {
        Map<DeliveryState, Integer> counts = new EnumMap<>(DeliveryState.class);
        h.createQuery("SELECT state, COUNT(*) FROM deliveries WHERE kind = :kind AND ref_id = :ref GROUP BY state")
                .bind("kind", kind.name())
                .bind("ref", refId)
                .map((rs, ctx) -> Map.entry(DeliveryState.valueOf(rs.getString(1)), rs.getInt(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** The queue length now, due or not. */
    int pendingCount(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM deliveries WHERE state = 'PENDING'").mapTo(Integer.class).one();
    }

    /** Pending rows by kind, due or not: the queue length operators watch (an index range on state). */
    Map<DeliveryKind, Integer> pendingByKind(Handle h) {
        Map<DeliveryKind, Integer> counts = new EnumMap<>(DeliveryKind.class);
        h.createQuery("SELECT kind, COUNT(*) FROM deliveries WHERE state = 'PENDING' GROUP BY kind")
                .map((rs, ctx) -> Map.entry(DeliveryKind.valueOf(rs.getString(1)), rs.getInt(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** When the oldest pending row was created, if any row is pending. */
    Optional<Instant> oldestPendingCreatedAt(Handle h) {
        Long millis = h.createQuery("SELECT MIN(created_at) FROM deliveries WHERE state = 'PENDING'")
                .mapTo(Long.class)
                .one();
        return Optional.ofNullable(millis).map(Instant::ofEpochMilli);
    }

    int pendingCount(Handle h, DeliveryKind kind, long refId) {
        return h.createQuery("SELECT COUNT(*) FROM deliveries WHERE kind = :kind AND ref_id = :ref AND state = 'PENDING'")
                .bind("kind", kind.name())
                .bind("ref", refId)
                .mapTo(Integer.class)
                .one();
    }

    /** Deletes up to {@code limit} finished rows created before {@code before}; returns how many went. */
    int deleteFinishedBefore(Handle h, Instant before, int limit) {
        return h.createUpdate("DELETE FROM deliveries WHERE id IN (SELECT id FROM deliveries "
                        + "WHERE state <> 'PENDING' AND created_at < :before LIMIT :limit)")
                .bind("before", before.toEpochMilli())
                .bind("limit", limit)
                .execute();
    }

    private record KindStateCount(DeliveryKind kind, DeliveryState state, int count) {
    }

    /**
     * For each of {@code chatIds}, the ids above {@code afterId} of articles pushed to it as breaking news, sorted
     * ascending; chats without any are absent. Uses the (chat_id, key_kind, ref_id) prefix of the row key.
     */
    Map<Long, long[]> pushedAsBreaking(Handle h, Collection<Long> chatIds, long afterId) {
        Map<Long, long[]> byChat = new HashMap<>();
        if (chatIds.isEmpty()) {
            return byChat;
        }
        List<long[]> pairs = h.createQuery("SELECT DISTINCT d.chat_id, d.ref_id FROM deliveries d "
                        + "WHERE d.chat_id IN (<chats>) AND d.key_kind = 'ALERT' AND d.state IN ('PENDING', 'SENT') AND d.ref_id > :after "
                        + "ORDER BY d.chat_id, d.ref_id")
                .bindList("chats", List.copyOf(chatIds))
                .bind("after", afterId)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        // Rows arrive grouped by chat: cut the list into one sorted id array per chat.
        int start = 0;
        for (int i = 1; i <= pairs.size(); i++) {
            if (i == pairs.size() || pairs.get(i)[0] != pairs.get(start)[0]) {
                long[] ids = new long[i - start];
                for (int j = start; j < i; j++) {
                    ids[j - start] = pairs.get(j)[1];
                }
                byChat.put(pairs.get(start)[0], ids);
                start = i;
            }
        }
        return byChat;
    }

    /** Messages Telegram accepted since {@code since}, by the start of their UTC hour (epoch millis). */
    Map<Long, Integer> sentPerHour(Handle h, Instant since) {
        Map<Long, Integer> counts = new TreeMap<>();
        h.createQuery("SELECT (sent_at / 3600000) * 3600000 AS hour, COUNT(*) FROM deliveries "
                        + "WHERE sent_at >= :since AND state = 'SENT' GROUP BY hour")
                .bind("since", since.toEpochMilli())
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getInt(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    // --- campaigns (CampaignOutbox is their public face): a campaign's own rows ----------------------------------------------------------------------------------

    /**
     * A broadcast's rows by outcome. "Blocked" relies on the dispatcher's cancel reasons for unreachable chats
     * ({@code blocked: …}, {@code chat gone: …}); everything else cancelled was cancelled by an editor.
     */
    CampaignOutbox.SendCounts sendCounts(Handle h, long broadcastId) {
        int[] byState = new int[4];
        List<Map.Entry<String, Integer>> rows = h.createQuery("SELECT state, COUNT(*) FROM deliveries "
                        + "WHERE kind = :kind AND ref_id = :id GROUP BY state")
                .bind("kind", CampaignOutbox.rowKind(CampaignKind.BROADCAST))
                .bind("id", broadcastId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .list();
        for (Map.Entry<String, Integer> row : rows) {
            int i = switch (row.getKey()) {
                case "SENT" -> 0;
                case "FAILED" -> 1;
                case "PENDING" -> 2;
                default -> 3;
            };
            byState[i] += row.getValue();
        }
        int blocked = byState[3] == 0 ? 0 : h.createQuery("SELECT COUNT(*) FROM deliveries WHERE kind = :kind "
                        + "AND ref_id = :id AND state = 'CANCELLED' "
                        + "AND (last_error LIKE 'blocked:%' OR last_error LIKE 'chat gone:%')")
                .bind("kind", CampaignOutbox.rowKind(CampaignKind.BROADCAST))
                .bind("id", broadcastId)
                .mapTo(Integer.class)
                .one();
        int enqueued = byState[0] + byState[1] + byState[2] + byState[3];
        return new CampaignOutbox.SendCounts(enqueued, byState[0], byState[1], byState[2], blocked, byState[3] - blocked);
    }

    /** A correction's or retraction's rows by outcome; a retraction's notices are counted apart. */
    CampaignOutbox.EditCounts editCounts(Handle h, long correctionId) {
        int[] n = new int[7];
        // the notice flag is computed once, in a subquery: PostgreSQL does not see two bound :notice as one expression
        h.createQuery("SELECT state, action, notice, COUNT(*) FROM (SELECT state, action, "
                        + "CASE WHEN part >= :notice THEN 1 ELSE 0 END AS notice FROM deliveries WHERE kind = :kind "
                        + "AND ref_id = :id) x GROUP BY state, action, notice")
                .bind("notice", CampaignOutbox.NOTICE_PART)
                .bind("kind", CampaignOutbox.rowKind(CampaignKind.CORRECTION))
                .bind("id", correctionId)
                .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3) == 1, rs.getInt(4)})
                .forEach(row -> {
                    String state = (String) row[0];
                    int count = (Integer) row[3];
                    if ((Boolean) row[2]) {
                        n[6] += "SENT".equals(state) ? count : 0;
                        return;
                    }
                    n[0] += count;
                    switch (state) {
                        // a delete (or a delete that stayed one) deleted; an edit, or a delete turned edit, edited
                        case "SENT" -> n[String.valueOf(row[1]).startsWith("delete") ? 2 : 1] += count;
                        case "FAILED" -> n[3] += count;
                        case "PENDING" -> n[4] += count;
                        default -> n[5] += count;
                    }
                });
        return new CampaignOutbox.EditCounts(n[0], n[1], n[2], n[3], n[4], n[5], n[6]);
    }

    /**
     * The campaign's rows whose answer is not recorded yet (pending, on the wire included), with a broadcast's pins:
     * a campaign is done only once this is 0.
     */
    int unanswered(Handle h, CampaignKind kind, long id) {
        return h.createQuery("SELECT COUNT(*) FROM deliveries WHERE ((kind = :kind AND ref_id = :id) "
                        + "OR (kind = :pin AND ref_id = :id AND :broadcast = 1)) AND state = 'PENDING'")
                .bind("kind", CampaignOutbox.rowKind(kind))
                .bind("pin", CampaignOutbox.PIN)
                .bind("broadcast", kind == CampaignKind.BROADCAST ? 1 : 0)
                .bind("id", id)
                .mapTo(Integer.class)
                .one();
    }

    CampaignOutbox.PinCounts pins(Handle h, long broadcastId) {
        int[] n = new int[3];
        h.createQuery("SELECT state, COUNT(*) FROM deliveries WHERE kind = :pin AND ref_id = :id GROUP BY state")
                .bind("pin", CampaignOutbox.PIN)
                .bind("id", broadcastId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .forEach(e -> n["SENT".equals(e.getKey()) ? 0 : "PENDING".equals(e.getKey()) ? 2 : 1] += e.getValue());
        return new CampaignOutbox.PinCounts(n[0], n[1], n[2]);
    }

    /**
     * Whether Telegram said the message a copy broadcast copies is gone (the editor deleted it): every further copy
     * would fail the same way.
     */
    boolean sourceGone(Handle h, long broadcastId) {
        return h.createQuery("SELECT COUNT(*) FROM deliveries WHERE kind = :kind AND ref_id = :id AND state = 'FAILED' "
                        + "AND last_error LIKE :gone")
                .bind("gone", OutcomeHandler.SOURCE_GONE + "%")
                .bind("kind", CampaignOutbox.rowKind(CampaignKind.BROADCAST))
                .bind("id", broadcastId)
                .mapTo(Integer.class)
                .one() > 0;
    }

    /** Copies of the broadcast that went out as paid messages. */
    int paidSent(Handle h, long broadcastId) {
        return h.createQuery("SELECT COUNT(*) FROM deliveries WHERE kind = :kind AND ref_id = :id AND sent_paid = 1")
                .bind("kind", CampaignOutbox.rowKind(CampaignKind.BROADCAST))
                .bind("id", broadcastId)
                .mapTo(Integer.class)
                .one();
    }

    /** Pause: the campaign's pending rows wait until a time the dispatcher never reaches. Returns how many. */
    int hold(Handle h, CampaignKind kind, long id) {
        return h.createUpdate("UPDATE deliveries SET not_before = :held "
                        + "WHERE kind = :kind AND ref_id = :id AND state = 'PENDING'")
                .bind("held", CampaignOutbox.HELD_UNTIL.toEpochMilli())
                .bind("kind", CampaignOutbox.rowKind(kind))
                .bind("id", id)
                .execute();
    }

    /**
     * Resume: rows held by {@link #hold} are due at {@code dueAt}, which may lie in the past to keep the rows' place
     * in line. Returns how many.
     */
    int release(Handle h, CampaignKind kind, long id, Instant dueAt) {
        return h.createUpdate("UPDATE deliveries SET not_before = :due "
                        + "WHERE kind = :kind AND ref_id = :id AND state = 'PENDING' AND not_before >= :held")
                .bind("due", dueAt.toEpochMilli())
                .bind("held", CampaignOutbox.HELD_UNTIL.toEpochMilli())
                .bind("kind", CampaignOutbox.rowKind(kind))
                .bind("id", id)
                .execute();
    }

    // --- a correction's target: the copies of a broadcast or breaking alert ---------------------------------------

    /** The target's last outbox row id (0 for none): rows written after it carry what the correction changed. */
    long lastTargetRow(Handle h, CorrectionRow.TargetKind kind, long ref) {
        Long max = h.createQuery("SELECT MAX(id) FROM deliveries WHERE kind IN (<kinds>) AND ref_id = :ref")
                .bindList("kinds", CampaignOutbox.kinds(kind))
                .bind("ref", ref)
                .mapTo(Long.class)
                .one();
        return max == null ? 0 : max;
    }

    CampaignOutbox.TargetCounts targetCounts(Handle h, CorrectionRow.TargetKind kind, long ref, Instant earlyBefore) {
        return h.createQuery("SELECT "
                        + "COALESCE(SUM(CASE WHEN state = 'SENT' AND telegram_message_id IS NOT NULL THEN 1 ELSE 0 END), 0), "
                        + "COALESCE(SUM(CASE WHEN state = 'PENDING' THEN 1 ELSE 0 END), 0), "
                        + "COALESCE(SUM(CASE WHEN state = 'SENT' AND telegram_message_id IS NOT NULL "
                        + "AND sent_at < :early THEN 1 ELSE 0 END), 0) "
                        + "FROM deliveries WHERE kind IN (<kinds>) AND ref_id = :ref AND part = 0")
                .bind("early", earlyBefore.toEpochMilli())
                .bindList("kinds", CampaignOutbox.kinds(kind))
                .bind("ref", ref)
                .map((rs, ctx) -> new CampaignOutbox.TargetCounts(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
                .one();
    }

    /**
     * The target's rows up to row {@code fence} whose answer is not recorded yet: a copy on the wire with the old
     * text when the correction started is recorded only once its answer is, and only then can it be corrected.
     */
    int targetUnanswered(Handle h, CorrectionRow.TargetKind kind, long ref, long fence) {
        return h.createQuery("SELECT COUNT(*) FROM deliveries WHERE kind IN (<kinds>) AND ref_id = :ref AND id <= :fence "
                        + "AND state = 'PENDING'")
                .bindList("kinds", CampaignOutbox.kinds(kind))
                .bind("ref", ref)
                .bind("fence", fence)
                .mapTo(Integer.class)
                .one();
    }

    /**
     * Queued copies get the corrected text before they are sent (part 0: a correction replaces a message of one
     * part). Returns how many.
     */
    int replaceQueued(Handle h, CorrectionRow.TargetKind kind, long ref, String html) {
        return h.createUpdate("UPDATE deliveries SET text = :text WHERE kind IN (<kinds>) AND ref_id = :ref AND part = 0 "
                        + "AND state = 'PENDING'")
                .bind("text", html)
                .bindList("kinds", CampaignOutbox.kinds(kind))
                .bind("ref", ref)
                .execute();
    }

    /**
     * The next delivered copies of a correction's target after row {@code afterId} that have no row of it yet, in
     * row order. A correction skips copies that already show its text (sent after the queue was corrected) and
     * copies written after its fence; a retraction takes every delivered message.
     */
    List<CampaignOutbox.SentCopy> copiesWithoutRows(Handle h, CorrectionRow c, long afterId, String defaultLanguage,
                                            int limit) {
        String which = c.isRetraction() ? "" : " AND d.part = 0 AND d.id <= :fence AND d.text <> :text";
        var query = h.createQuery("SELECT d.id, d.chat_id, d.part, d.telegram_message_id, d.action, "
                        + "d.reply_markup, d.sent_at, COALESCE((SELECT r.language FROM subscribers r "
                        + "WHERE r.chat_id = d.chat_id), :lang) AS language FROM deliveries d "
                        + "WHERE d.kind IN (<kinds>) AND d.ref_id = :ref AND d.state = 'SENT' "
                        + "AND d.telegram_message_id IS NOT NULL AND d.id > :after" + which
                        + " AND NOT EXISTS (SELECT 1 FROM deliveries x WHERE x.chat_id = d.chat_id "
                        + "AND x.kind = :own AND x.ref_id = :cid AND x.part = d.part * :perCopy) "
                        + "ORDER BY d.id LIMIT :limit")
                .bind("lang", defaultLanguage)
                .bindList("kinds", CampaignOutbox.kinds(c.target().kind()))
                .bind("ref", c.target().ref())
                .bind("after", afterId)
                .bind("own", CampaignOutbox.rowKind(c.campaign().kind()))
                .bind("cid", c.id())
                .bind("perCopy", CampaignOutbox.PARTS_PER_COPY)
                .bind("limit", limit);
        if (!c.isRetraction()) {
            query.bind("fence", c.fence() == null ? Long.MAX_VALUE : c.fence()).bind("text", c.body());
        }
        List<CampaignOutbox.SentCopy> copies = query.map((rs, ctx) -> new CampaignOutbox.SentCopy(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                        "copy_album".equals(rs.getString(5)) ? List.of() : List.of(rs.getLong(4)), rs.getString(6),
                        Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8)))
                .list();
        // an album's copies are rows of their own table: read them for the few album rows only
        return copies.stream()
                .map(c2 -> c2.messageIds().isEmpty() ? new CampaignOutbox.SentCopy(c2.deliveryId(), c2.chatId(), c2.part(),
                        albumSent(h, c2.deliveryId()), c2.replyMarkup(), c2.sentAt(), c2.language()) : c2)
                .toList();
    }


    private static Map<String, Object> params(NewRow d, Instant now) {
        Map<String, Object> p = requestParams(d.request());
        Manner m = d.manner();
        p.put("chat", d.chatId());
        p.put("kind", d.kind().name());
        p.put("ref", d.refId());
        p.put("part", d.part());
        p.put("silent", m.silent() ? 1 : 0);
        p.put("preview", m.preview() == Manner.Preview.SHOW ? 1 : 0);
        p.put("priority", d.kind().priority().level());
        p.put("notBefore", d.notBefore().toEpochMilli());
        p.put("now", now.toEpochMilli());
        p.put("markup", m.keyboardJson());
        p.put("thread", m.threadId());
        p.put("paid", m.lane() == Manner.Lane.PAID ? 1 : 0);
        p.put("thenPin", m.then() == Manner.Then.PIN ? 1 : 0);
        return p;
    }

    /** A request's own columns: its action, the text, and the message ids it names (null where it names none). */
    private static Map<String, Object> requestParams(Request request) {
        Map<String, Object> p = new HashMap<>();
        p.put("text", request.html());
        p.put("sourceChat", null);
        p.put("sourceId", null);
        p.put("target", null);
        p.put("action", request.accept(new Request.Cases<Action>() {
            @Override
            public Action sendText(Request.SendText r) {
                return Action.SEND;
            }

            @Override
            public Action copy(Request.Copy r) {
                p.put("sourceChat", r.fromChatId());
                p.put("sourceId", r.messageId());
                return Action.COPY;
            }

            @Override
            public Action copyAlbum(Request.CopyAlbum r) {
                p.put("sourceChat", r.fromChatId());
                p.put("sourceId", r.messageIds().get(0));
                return Action.COPY_ALBUM;
            }

            @Override
            public Action pin(Request.Pin r) {
                p.put("target", r.messageId());
                return Action.PIN;
            }

            @Override
            public Action editText(Request.EditText r) {
                p.put("target", r.messageId());
                return Action.EDIT_TEXT;
            }

            @Override
            public Action editCaption(Request.EditCaption r) {
                p.put("target", r.messageId());
                return Action.EDIT_CAPTION;
            }

            @Override
            public Action delete(Request.Delete r) {
                p.put("target", r.messageId());
                return Action.DELETE;
            }

            @Override
            public Action deleteOrEdit(Request.DeleteOrEdit r) {
                p.put("target", r.messageId());
                return r.edit() == Request.EditOf.TEXT ? Action.DELETE_OR_EDIT_TEXT : Action.DELETE_OR_EDIT_CAPTION;
            }

            @Override
            public Action sendRich(Request.SendRich r) {
                p.put("text", RICH.encode(r));
                return Action.SEND_RICH;
            }
        }).column());
        return p;
    }

    /** The {@code action} column: which request a row holds. */
    private enum Action {
        SEND, COPY, COPY_ALBUM, PIN, EDIT_TEXT, EDIT_CAPTION, DELETE, DELETE_OR_EDIT_TEXT, DELETE_OR_EDIT_CAPTION, SEND_RICH;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Action of(String column) {
            return valueOf(column.toUpperCase(Locale.ROOT));
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_ERROR_CHARS ? s : s.substring(0, MAX_ERROR_CHARS);
    }

    private static Delivery map(ResultSet rs, StatementContext ctx) throws SQLException {
        long id = rs.getLong("id");
        String text = rs.getString("text");
        long target = rs.getLong("target_message_id");
        Request request = switch (Action.of(rs.getString("action"))) {
            case SEND -> new Request.SendText(text);
            case COPY -> new Request.Copy(rs.getLong("source_chat_id"), rs.getLong("source_message_id"), text);
            // the album's ids are read by withAlbums; until then it names its first message twice
            case COPY_ALBUM -> new Request.CopyAlbum(rs.getLong("source_chat_id"),
                    List.of(rs.getLong("source_message_id"), rs.getLong("source_message_id")));
            case PIN -> new Request.Pin(target);
            case EDIT_TEXT -> new Request.EditText(target, text);
            case EDIT_CAPTION -> new Request.EditCaption(target, text);
            case DELETE -> new Request.Delete(target);
            case DELETE_OR_EDIT_TEXT -> new Request.DeleteOrEdit(target, Request.EditOf.TEXT, text);
            case DELETE_OR_EDIT_CAPTION -> new Request.DeleteOrEdit(target, Request.EditOf.CAPTION, text);
            case SEND_RICH -> RICH.decode(text);
        };
        Manner manner = new Manner(
                Manner.Sound.silentIf(rs.getInt("silent") == 1 || rs.getInt("chat_silent") == 1),
                Manner.Preview.showIf(rs.getInt("link_preview") == 1),
                rs.getString("reply_markup"),
                threadId(rs),
                rs.getInt("paid") == 1 ? Manner.Lane.PAID : Manner.Lane.FREE,
                rs.getInt("then_pin") == 1 ? Manner.Then.PIN : Manner.Then.NOTHING);
        Delivery.Progress progress = new Delivery.Progress(DeliveryState.valueOf(rs.getString("state")),
                rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("not_before")), rs.getString("last_error"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
        long msg = rs.getLong("telegram_message_id");
        List<Long> messages = rs.wasNull() ? List.of() : List.of(msg);
        long sentMillis = rs.getLong("sent_at");
        Delivery.Sent sent = rs.wasNull() ? Delivery.Sent.NOT_YET
                : new Delivery.Sent(messages, Instant.ofEpochMilli(sentMillis), rs.getInt("sent_paid") == 1);
        return new Delivery(id, rs.getLong("chat_id"), DeliveryKind.valueOf(rs.getString("kind")), rs.getLong("ref_id"),
                rs.getInt("part"), request, manner, progress, sent);
    }

    private static Integer threadId(ResultSet rs) throws SQLException {
        int thread = rs.getInt("send_thread");
        return rs.wasNull() ? null : thread;
    }
}
