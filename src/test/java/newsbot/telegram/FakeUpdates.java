package newsbot.telegram;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The update queue and getUpdates long polling, Telegram style: updates stay until a poll's {@code offset} moves
 * past them and are then forgotten; a poll waits up to {@code timeout} seconds and returns as soon as an update
 * is injected; a newer poll terminates a waiting one with 409, as when two instances poll one token.
 */
final class FakeUpdates {

    private final FakeState state;
    private final FakeJson json;
    private final LongSupplier nanoClock;
    private final List<ObjectNode> queue = new ArrayList<>();
    private int lastUpdateId;
    private long pollGeneration;
    private int waitingPolls;
    private int callbackQueries;
    private int inlineQueries;

    FakeUpdates(FakeState state, FakeJson json, LongSupplier nanoClock) {
        this.state = state;
        this.json = json;
        this.nanoClock = nanoClock;
    }

    /** Enqueues a user's message; returns its message id. */
    int userSends(FakeUserMessage m) {
        return state.locked(() -> {
            String chatType = m.chatType() != null ? m.chatType() : state.chatType(m.chatId());
            state.chatTypes.put(m.chatId(), chatType);
            int messageId = state.nextMessageId(m.chatId());
            ObjectNode message = json.mapper.createObjectNode();
            message.put("message_id", messageId);
            message.set("from", json.user(m.userId(), m.username(), m.languageCode()));
            message.set("chat", json.chat(m.chatId(), chatType, m.username()));
            message.put("date", FakeJson.nowSeconds());
            String kind = m.kind();
            if (kind.equals("text")) {
                message.put("text", m.text());
                List<FakeEntity> entities = m.entities() != null ? m.entities() : commandEntity(m.text());
                if (!entities.isEmpty()) {
                    message.set("entities", json.entities(entities));
                }
            } else if (kind.equals("poll")) {
                // Telegram shows a quiz's correct option only where the bot may know it: in its private chat.
                message.set("poll", json.poll("p" + m.chatId() + "_" + messageId, m.text(), m.pollOptions(),
                        m.correctOptionId(), chatType.equals("private")));
            } else if (kind.equals("service")) {
                message.putArray("new_chat_members").add(json.user(m.userId(), m.username(), m.languageCode()));
            } else {
                message.setAll(json.media(kind, m.chatId(), messageId));
                if (m.text() != null && !m.text().isEmpty()) {
                    message.put("caption", m.text());
                    if (m.entities() != null && !m.entities().isEmpty()) {
                        message.set("caption_entities", json.entities(m.entities()));
                    }
                }
                if (m.mediaGroupId() != null) {
                    message.put("media_group_id", m.mediaGroupId());
                }
            }
            if (m.threadId() != null) {
                message.put("message_thread_id", m.threadId());
                message.put("is_topic_message", true);
                state.forumTopics.add(new FakeState.Key(m.chatId(), m.threadId()));
            }
            if (m.replyToMessageId() != null) {
                message.set("reply_to_message", replied(m.chatId(), m.replyToMessageId(), chatType));
            }
            state.userMessages.put(new FakeState.Key(m.chatId(), messageId), message);
            state.receivedAtNanos.put(new FakeState.Key(m.chatId(), messageId), nanoClock.getAsLong());
            enqueue("message", message);
            return messageId;
        });
    }

    /** Enqueues a callback query on one of the bot's messages; returns the query id to answer. */
    String userPresses(long chatId, long userId, int messageId, String callbackData) {
        return state.locked(() -> {
            String id = "cq" + (++callbackQueries);
            ObjectNode query = json.mapper.createObjectNode();
            query.put("id", id);
            query.set("from", json.user(userId, null, null));
            FakeMessage message = state.current.get(new FakeState.Key(chatId, messageId));
            if (message != null) {
                query.set("message", state.botMessageJson(json, message));
            } else {
                // Telegram sends an inaccessible message (date 0) for messages it no longer shows the bot.
                ObjectNode inaccessible = query.putObject("message");
                inaccessible.set("chat", json.chat(chatId, state.chatType(chatId), null));
                inaccessible.put("message_id", messageId);
                inaccessible.put("date", 0);
            }
            query.put("chat_instance", "ci" + chatId);
            query.put("data", callbackData);
            state.openCallbackQueries.add(id);
            state.callbackQueryPressers.put(id, new FakeState.Presser(chatId, userId));
            enqueue("callback_query", query);
            return id;
        });
    }

    /** A user types {@code @bot query} in some chat: an inline_query update; returns its id to answer. */
    String userInlineQuery(long userId, String query, String languageCode) {
        return state.locked(() -> {
            String id = "iq" + (++inlineQueries);
            ObjectNode inline = json.mapper.createObjectNode();
            inline.put("id", id);
            inline.set("from", json.user(userId, null, languageCode));
            inline.put("query", query);
            inline.put("offset", "");
            inline.put("chat_type", "sender");
            state.openInlineQueries.add(id);
            enqueue("inline_query", inline);
            return id;
        });
    }

    /**
     * Answers getUpdates; blocks up to {@code timeoutSeconds} while nothing is pending. Updates of a kind not in
     * {@code allowed} (when not empty) are dropped, as Telegram never delivers them.
     */
    ArrayNode poll(int offset, int limit, int timeoutSeconds, java.util.Set<String> allowed) {
        int max = limit < 1 || limit > 100 ? 100 : limit;
        state.lock.lock();
        try {
            long generation = ++pollGeneration;
            forgetBelow(offset);
            dropUnwanted(allowed);
            state.changed.signalAll(); // wakes an older poll, which then ends with 409, and the await helpers
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(0, timeoutSeconds));
            waitingPolls++;
            try {
                while (queue.isEmpty() && !state.closed) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    state.changed.awaitNanos(left);
                    if (pollGeneration != generation) {
                        throw new FakeApiError(409, "Conflict: terminated by other getUpdates request; "
                                + "make sure that only one bot instance is running", null, null);
                    }
                }
            } finally {
                waitingPolls--;
            }
            dropUnwanted(allowed);
            ArrayNode result = json.mapper.createArrayNode();
            queue.stream().limit(max).forEach(result::add);
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return json.mapper.createArrayNode();
        } finally {
            state.lock.unlock();
        }
    }

    /** deleteWebhook with drop_pending_updates. */
    void dropPending() {
        state.update(queue::clear);
    }

    void awaitConsumed(Duration timeout) {
        state.await(() -> queue.isEmpty() ? Optional.of(Boolean.TRUE) : Optional.empty(), timeout,
                () -> "the bot to poll past update " + lastUpdateId + " (pending: " + queue.size() + ")");
    }

    /** Waits until a getUpdates is parked in the fake, waiting for updates. */
    void awaitWaitingPoll(Duration timeout) {
        state.await(() -> waitingPolls > 0 ? Optional.of(Boolean.TRUE) : Optional.empty(), timeout,
                () -> "a getUpdates long poll to wait in the fake");
    }

    int pendingCount() {
        return state.locked(queue::size);
    }

    private void dropUnwanted(java.util.Set<String> allowed) {
        if (!allowed.isEmpty()) {
            queue.removeIf(update -> allowed.stream().noneMatch(update::has));
        }
    }

    private void forgetBelow(int offset) {
        if (offset > 0) {
            queue.removeIf(update -> update.get("update_id").asInt() < offset);
        } else if (offset < 0) {
            // A negative offset keeps only the last -offset updates; the rest are forgotten.
            while (queue.size() > -offset) {
                queue.remove(0);
            }
        }
    }

    private void enqueue(String field, ObjectNode payload) {
        ObjectNode update = json.mapper.createObjectNode();
        update.put("update_id", ++lastUpdateId);
        update.set(field, payload);
        queue.add(update);
        state.changed.signalAll();
    }

    private ObjectNode replied(long chatId, int messageId, String chatType) {
        FakeState.Key key = new FakeState.Key(chatId, messageId);
        FakeMessage bots = state.current.get(key);
        if (bots != null) {
            return state.botMessageJson(json, bots);
        }
        ObjectNode users = state.userMessages.get(key);
        if (users != null) {
            return users.deepCopy();
        }
        throw new IllegalArgumentException("no message " + messageId + " in chat " + chatId + " to reply to");
    }

    private static List<FakeEntity> commandEntity(String text) {
        if (text == null || !text.startsWith("/") || text.length() < 2) {
            return List.of();
        }
        int end = 1;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return List.of(FakeEntity.of("bot_command", 0, end));
    }
}
