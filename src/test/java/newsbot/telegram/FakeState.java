package newsbot.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Everything the fake remembers, behind one lock; every change signals {@link #changed} so long polls and the
 * tests' await helpers wake up at once instead of sleeping.
 */
final class FakeState {

    enum ChatStatus { BLOCKED, DEACTIVATED, KICKED, FORGOTTEN }

    /** The chat and the user of a button press. */
    record Presser(long chatId, long userId) {
    }

    record Key(long chatId, int messageId) {
    }

    static final long SUPERGROUP_IDS_BELOW = -1_000_000_000_000L;

    final ReentrantLock lock = new ReentrantLock();
    final Condition changed = lock.newCondition();
    boolean closed;
    int inFlight;

    final Map<Long, ChatStatus> statuses = new HashMap<>();
    final Map<Long, Long> migrations = new HashMap<>();
    final Map<Long, String> chatTypes = new HashMap<>();
    /** getChatMember statuses by "chatId:userId"; anyone not listed is a plain "member". */
    final Map<String, String> memberStatuses = new HashMap<>();
    private final Map<Long, Integer> lastMessageIds = new HashMap<>();
    /** Channels' @usernames, lower case with the '@', for getChat. */
    final Map<String, Long> usernames = new HashMap<>();
    /** can_post_messages of an administrator in a channel, by "chatId:userId"; absent: true. */
    final Map<String, Boolean> canPost = new HashMap<>();
    /** Forum topics (chat, message_thread_id) that exist: a message to another thread is refused. */
    final Set<Key> forumTopics = new HashSet<>();
    /** message_thread_id of the bot's messages sent into a topic. */
    final Map<Key, Integer> threads = new HashMap<>();
    long botId;

    final List<FakeMessage> sent = new ArrayList<>();
    final Map<Key, FakeMessage> current = new HashMap<>();
    final Set<Key> otherMessages = new HashSet<>();
    final Set<Key> deleted = new HashSet<>();
    final Map<Key, ObjectNode> userMessages = new HashMap<>();
    /** When each user message arrived, on the fake's nano clock (the 48-hour rule of deleteMessage). */
    final Map<Key, Long> receivedAtNanos = new HashMap<>();
    /** Media fields and copied entities of the bot's messages, merged into their Message JSON. */
    final Map<Key, ObjectNode> content = new HashMap<>();
    /** Messages a test made uneditable. */
    final Set<Key> uneditable = new HashSet<>();
    /** Groups, supergroups and channels where pinning was denied. */
    final Set<Long> pinningDenied = new HashSet<>();
    /** Pinned message ids by chat, in pinning order. */
    final Map<Long, List<Integer>> pins = new HashMap<>();
    /** Paid broadcasts: how many, what they cost and what is left, in tenths of a Star. */
    long paidMessages;
    long paidTenthsSpent;
    long starBalanceTenths = Long.MAX_VALUE;
    /** Every paid send answers 400 with this description while set. */
    String paidBroadcastRefusal;
    private int mediaGroups;
    final Set<String> openCallbackQueries = new HashSet<>();
    /** Who pressed which button: callback query id to the chat and the user. */
    final Map<String, Presser> callbackQueryPressers = new HashMap<>();
    /** Ephemeral messages (sendMessage with receiver_user_id) to the one user who sees them. */
    final Map<Key, Long> ephemeralReceivers = new HashMap<>();
    /** Chats whose sendRichMessage answers 400 with this description. */
    final Map<Long, String> richRefusals = new HashMap<>();
    final List<FakeCallbackAnswer> callbackAnswers = new ArrayList<>();
    final Set<String> openInlineQueries = new HashSet<>();
    final List<FakeInlineAnswer> inlineAnswers = new ArrayList<>();
    /** What getMe says of inline mode (@BotFather's /setinline); off, as for a new bot. */
    volatile boolean inlineMode;
    final Map<String, List<FakeCommand>> commands = new HashMap<>();
    final List<FakePhoto> photos = new ArrayList<>();
    final List<FakeDocument> documents = new ArrayList<>();
    final List<FakeCall> calls = new ArrayList<>();

    <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    void update(Runnable action) {
        lock.lock();
        try {
            action.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Message ids are per chat and shared by the bot's and the users' messages, as in Telegram. */
    int nextMessageId(long chatId) {
        return lastMessageIds.merge(chatId, 1, Integer::sum);
    }

    /** A new media_group_id for copies of an album. Call with the lock held. */
    String nextMediaGroupId() {
        return String.valueOf(13_800_000_000_000_000L + (++mediaGroups)); // Telegram's look like numbers
    }

    /** The Message JSON of one of the bot's messages, media included. Call with the lock held. */
    ObjectNode botMessageJson(FakeJson json, FakeMessage message) {
        return json.botMessage(message, chatType(message.chatId()),
                content.get(new Key(message.chatId(), message.messageId())));
    }

    String chatType(long chatId) {
        String type = chatTypes.get(chatId);
        if (type != null) {
            return type;
        }
        return chatId > 0 ? "private" : chatId < SUPERGROUP_IDS_BELOW ? "supergroup" : "group";
    }

    /** Throws what Telegram answers for a chat the bot cannot write to. Call with the lock held. */
    void checkWritable(long chatId) {
        Long newId = migrations.get(chatId);
        if (newId != null) {
            throw FakeApiError.migrated(newId);
        }
        if ("channel".equals(chatTypes.get(chatId))) {
            // in a channel only an administrator with the right to post may write; the bot is not in it by default
            String member = memberStatuses.getOrDefault(chatId + ":" + botId, "left");
            if (member.equals("left") || member.equals("kicked")) {
                throw FakeApiError.forbidden("bot is not a member of the channel chat");
            }
            if (!(member.equals("administrator") || member.equals("creator"))
                    || !canPost.getOrDefault(chatId + ":" + botId, true)) {
                throw FakeApiError.badRequest("need administrator rights in the channel chat");
            }
        }
        ChatStatus status = statuses.get(chatId);
        if (status == null) {
            return;
        }
        switch (status) {
            case BLOCKED -> throw FakeApiError.forbidden("bot was blocked by the user");
            case DEACTIVATED -> throw FakeApiError.forbidden("user is deactivated");
            case KICKED -> throw FakeApiError.forbidden("bot was kicked from the " + chatType(chatId) + " chat");
            case FORGOTTEN -> throw FakeApiError.badRequest("chat not found");
            default -> throw new IllegalStateException(status.name());
        }
    }

    /** Waits like a slow server would; returns false if the fake was closed meanwhile. */
    boolean pause(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        lock.lock();
        try {
            long left;
            while (!closed && (left = deadline - System.nanoTime()) > 0) {
                changed.awaitNanos(left);
            }
            return !closed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** After {@link #closed} is set: waits (bounded) for the exchanges in progress to answer. */
    void awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            long left;
            while (inFlight > 0 && (left = deadline - System.nanoTime()) > 0) {
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until {@code probe} yields a value or the timeout passes; fails the test with {@code describe}.
     */
    <T> T await(Supplier<Optional<T>> probe, Duration timeout, Supplier<String> describe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return value.get();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    throw new AssertionError("FakeBotApi: timed out after " + timeout.toMillis() + " ms waiting for "
                            + describe.get() + "; sent so far: " + sent);
                }
                changed.await(left, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("FakeBotApi: interrupted while waiting for " + describe.get(), e);
        } finally {
            lock.unlock();
        }
    }
}
