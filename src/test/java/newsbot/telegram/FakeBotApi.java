package newsbot.telegram;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * A fake Telegram Bot API on 127.0.0.1 for the real telegrambots client: long polling, the sending methods the
 * bot uses with Telegram's validation and error answers, switchable rate limits, chat states, fault injection,
 * a user to play and everything the bot sent to read back. Thread-safe; close it after the test.
 *
 * <p>Users may send text, media (photo, video, document, audio, animation, voice), polls, quizzes and albums
 * ({@link FakeUserMessage}, {@link #userSendsAlbum}); the fake remembers every message by chat and message id, so
 * copyMessage and copyMessages can copy the users' and the bot's own messages; pinChatMessage, editMessageCaption
 * and the 48-hour rule of deleteMessage ({@link #ageMessage}) are there, and allow_paid_broadcast on sendMessage,
 * sendPhoto and copyMessage is metered ({@link #paidMessageCount}, {@link #starsSpent}).
 *
 * <pre>{@code
 * try (FakeBotApi telegram = FakeBotApi.start()) {
 *     // point the bot at telegram.apiUrl() / telegram.telegramUrl() with telegram.token()
 *     telegram.userSends(42, 42, "/start");
 *     FakeMessage reply = telegram.awaitMessages(42, 1, Duration.ofSeconds(5)).get(0);
 * }
 * }</pre>
 */
public final class FakeBotApi implements AutoCloseable {

    /** A well-formed token the fake accepts by default. */
    public static final String DEFAULT_TOKEN = "123456789:AAFakeTokenForTests_abcdefghijklmnopq";

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

    static {
        // Without TCP_NODELAY the JDK server's small writes meet the client's delayed ACK: ~40 ms per call.
        // Read once, when the JDK's server config class loads: set it before any HttpServer is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final String token;
    private final HttpServer server;
    private final ExecutorService executor;
    private final FakeState state = new FakeState();
    private final FakeUpdates updates;
    private final FakeFaults faults = new FakeFaults();
    private final FakeRateLimiter limiter;
    private final long botId;

    private FakeBotApi(String token, LongSupplier nanoClock) throws IOException {
        this.token = token;
        this.botId = Long.parseLong(token.substring(0, token.indexOf(':')));
        FakeJson json = new FakeJson(botId);
        state.botId = botId;
        this.updates = new FakeUpdates(state, json, nanoClock);
        this.limiter = new FakeRateLimiter(nanoClock);
        FakeMethods methods = new FakeMethods(state, updates, limiter, json, nanoClock);
        AtomicInteger threads = new AtomicInteger();
        // Cached pool: every waiting long poll or delayed answer holds a thread, none may starve another.
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-bot-api-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        server.createContext("/", new FakeHttpHandler(token, methods, faults, state, json, nanoClock));
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a fake on a free port with {@link #DEFAULT_TOKEN} and the real nano clock. */
    public static FakeBotApi start() {
        return start(DEFAULT_TOKEN);
    }

    public static FakeBotApi start(String token) {
        return start(token, System::nanoTime);
    }

    /**
     * @param nanoClock the clock for rate limits and the {@code ...AtNanos} fields; a test may drive it by hand
     */
    public static FakeBotApi start(String token, LongSupplier nanoClock) {
        if (!token.matches("\\d+:[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("not a bot token: " + token);
        }
        try {
            return new FakeBotApi(token, nanoClock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- where it is ------------------------------------------------------------------------------------

    public String token() {
        return token;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** For {@code telegram.api-url}: {@code http://127.0.0.1:<port>}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + port();
    }

    public TelegramUrl telegramUrl() {
        return new TelegramUrl("http", "127.0.0.1", port(), false);
    }

    /** The bot's user id (the token's numeric part), as getMe reports it. */
    public long botId() {
        return botId;
    }

    public String botUsername() {
        return FakeJson.BOT_USERNAME;
    }

    // ---- rate limits ------------------------------------------------------------------------------------

    /**
     * Enforces these limits from now on (off by default) on sendMessage, sendPhoto, copyMessage, copyMessages
     * (one token per message copied), editMessageText and editMessageCaption; pinChatMessage is not limited.
     */
    public void enableRateLimits(FakeRateLimits limits) {
        limiter.configure(limits);
    }

    public void disableRateLimits() {
        limiter.configure(null);
    }

    // ---- paid broadcasts --------------------------------------------------------------------------------

    /**
     * How many messages were sent with allow_paid_broadcast=true and accepted (a 429 or a refusal is not counted).
     */
    public long paidMessageCount() {
        return state.locked(() -> state.paidMessages);
    }

    /** Stars paid for paid broadcasts: 0.1 Star a message, as the Bot API documents. Scale 1. */
    public BigDecimal starsSpent() {
        return state.locked(() -> BigDecimal.valueOf(state.paidTenthsSpent, 1));
    }

    /**
     * The bot's Star balance from now on (default: unlimited); a paid send it cannot pay for answers 400 "Bad
     * Request: not enough Stars to send paid broadcast" (an assumed text: Telegram's was not found).
     * Fractions below a tenth are dropped.
     */
    public void setStarBalance(BigDecimal stars) {
        long tenths = stars.movePointRight(1).longValue();
        if (tenths < 0) {
            throw new IllegalArgumentException("negative balance " + stars);
        }
        state.update(() -> state.starBalanceTenths = tenths);
    }

    /** The Star balance left, or null while it is unlimited. */
    public BigDecimal starBalance() {
        return state.locked(() -> state.starBalanceTenths == Long.MAX_VALUE ? null
                : BigDecimal.valueOf(state.starBalanceTenths, 1));
    }

    /**
     * Every paid send (allow_paid_broadcast=true) answers 400 with this description ("Bad Request: " is prefixed
     * unless present), as Telegram refuses bots that don't meet its conditions for paid broadcasts; null ends it.
     */
    public void refusePaidBroadcasts(String description) {
        state.update(() -> state.paidBroadcastRefusal = description);
    }

    // ---- chat states ------------------------------------------------------------------------------------

    /** 403 "Forbidden: bot was blocked by the user" for everything sent to this chat. */
    public void block(long chatId) {
        setStatus(chatId, FakeState.ChatStatus.BLOCKED);
    }

    /** 403 "Forbidden: user is deactivated". */
    public void deactivate(long chatId) {
        setStatus(chatId, FakeState.ChatStatus.DEACTIVATED);
    }

    /** 403 "Forbidden: bot was kicked from the group chat" (or "supergroup chat"). */
    public void kick(long groupId) {
        setStatus(groupId, FakeState.ChatStatus.KICKED);
    }

    /** 400 "Bad Request: chat not found". */
    public void forget(long chatId) {
        setStatus(chatId, FakeState.ChatStatus.FORGOTTEN);
    }

    /** 400 "group chat was upgraded to a supergroup chat" with {@code migrate_to_chat_id = newChatId}. */
    public void migrate(long groupId, long newChatId) {
        state.update(() -> {
            state.migrations.put(groupId, newChatId);
            state.chatTypes.put(newChatId, "supergroup");
        });
    }

    /** Makes the chat writable again (undoes block, deactivate, kick, forget and migrate). */
    public void restore(long chatId) {
        state.update(() -> {
            state.statuses.remove(chatId);
            state.migrations.remove(chatId);
        });
    }

    private void setStatus(long chatId, FakeState.ChatStatus status) {
        state.update(() -> state.statuses.put(chatId, status));
    }

    // ---- pins and edits ---------------------------------------------------------------------------------

    /** pinChatMessage in this group, supergroup or channel answers 400 "not enough rights…" (private chats: no effect). */
    public void denyPinning(long chatId) {
        state.update(() -> state.pinningDenied.add(chatId));
    }

    public void allowPinning(long chatId) {
        state.update(() -> state.pinningDenied.remove(chatId));
    }

    /** The message ids pinned in the chat, oldest pin first (a message pinned again moves to the end). */
    public List<Integer> pinnedIn(long chatId) {
        return state.locked(() -> List.copyOf(state.pins.getOrDefault(chatId, List.of())));
    }

    public boolean isPinned(long chatId, int messageId) {
        return pinnedIn(chatId).contains(messageId);
    }

    /** editMessageText, editMessageCaption and editMessageReplyMarkup answer 400 "message can't be edited". */
    public void makeUneditable(long chatId, int messageId) {
        state.update(() -> state.uneditable.add(new FakeState.Key(chatId, messageId)));
    }

    /**
     * Makes one of the bot's messages (or a user's) {@code age} older than it is, as if sent that much earlier on
     * the fake's clock: {@code ageMessage(chat, id, Duration.ofHours(48))} makes deleteMessage answer 400 "message
     * can't be deleted for everyone". (Or start the fake with a hand-driven clock, {@link #start(String,
     * LongSupplier)}, and move it.)
     */
    public void ageMessage(long chatId, int messageId, Duration age) {
        state.update(() -> {
            FakeState.Key key = new FakeState.Key(chatId, messageId);
            FakeMessage bots = state.current.get(key);
            if (bots != null) {
                FakeMessage older = bots.withSentAtNanos(bots.sentAtNanos() - age.toNanos());
                state.current.put(key, older);
                for (int i = 0; i < state.sent.size(); i++) {
                    FakeMessage m = state.sent.get(i);
                    if (m.chatId() == chatId && m.messageId() == messageId) {
                        state.sent.set(i, m.withSentAtNanos(older.sentAtNanos()));
                    }
                }
            } else if (state.receivedAtNanos.containsKey(key)) {
                state.receivedAtNanos.merge(key, -age.toNanos(), Long::sum);
            } else {
                throw new IllegalArgumentException("no message " + messageId + " in chat " + chatId);
            }
        });
    }

    // ---- faults -----------------------------------------------------------------------------------------

    /**
     * The next {@code count} requests (getUpdates excepted) answer {@code httpStatus} without effect: 500 with a
     * Bot API JSON error, 502/503/504 with a proxy's HTML page, 429 with retry_after 1.
     */
    public void failNext(int count, int httpStatus) {
        faults.add(FakeFaults.Kind.STATUS, httpStatus, null, count);
    }

    /** As {@link #failNext(int, int)} for one method only (matched case-insensitively). */
    public void failNext(String method, int count, int httpStatus) {
        faults.add(FakeFaults.Kind.STATUS, httpStatus, method, count);
    }

    /** The next {@code count} requests (getUpdates excepted) are dropped unanswered, without effect. */
    /**
     * The next {@code count} calls of {@code method} are answered 400 with a description that quotes the request
     * path, token and all: a log line that repeats Telegram's answer then carries the token unless redacted.
     */
    public void failNextEchoingPath(String method, int count) {
        faults.add(FakeFaults.Kind.ECHO_PATH, 400, method, count);
    }

    /**
     * A channel the bot can be added to: getChat knows it by id and {@code @username}; the bot is not in it (it
     * cannot post there) until {@link #setMemberStatus} makes it an administrator.
     */
    public void addChannel(long channelId, String username) {
        state.update(() -> {
            state.chatTypes.put(channelId, "channel");
            state.usernames.put(username.toLowerCase(java.util.Locale.ROOT), channelId);
        });
    }

    /** The next {@code count} calls of {@code method} take effect, but answer a 2xx the client cannot read. */
    public void deliverUnreadably(String method, int count) {
        faults.add(FakeFaults.Kind.DELIVER_UNREADABLE, 200, method, count);
    }

    /** An administrator's can_post_messages in a channel (default true). */
    public void setCanPostMessages(long channelId, long userId, boolean canPost) {
        state.update(() -> state.canPost.put(channelId + ":" + userId, canPost));
    }

    /** A forum topic of a supergroup the bot may post into with message_thread_id. */
    public void addForumTopic(long chatId, int threadId) {
        state.update(() -> state.forumTopics.add(new FakeState.Key(chatId, threadId)));
    }

    /** The message_thread_id the bot sent this message with, if any. */
    public Optional<Integer> threadOf(FakeMessage message) {
        return Optional.ofNullable(state.locked(() -> state.threads.get(
                new FakeState.Key(message.chatId(), message.messageId()))));
    }

    /** What getChatMember answers for this user in this group: "creator", "administrator", "member", "left"… */
    public void setMemberStatus(long chatId, long userId, String status) {
        state.update(() -> state.memberStatuses.put(chatId + ":" + userId, status));
    }

    public void dropNext(int count) {
        faults.add(FakeFaults.Kind.DROP, 0, null, count);
    }

    public void dropNext(String method, int count) {
        faults.add(FakeFaults.Kind.DROP, 0, method, count);
    }

    /** The next {@code count} requests take effect (messages are delivered) but the answer is dropped. */
    public void deliverThenDropNext(int count) {
        faults.add(FakeFaults.Kind.DELIVER_THEN_DROP, 0, null, count);
    }

    public void deliverThenDropNext(String method, int count) {
        faults.add(FakeFaults.Kind.DELIVER_THEN_DROP, 0, method, count);
    }

    /** Every request but getUpdates waits this long before it takes effect; {@link Duration#ZERO} ends it. */
    public void delayResponses(Duration delay) {
        faults.delay(delay, null);
    }

    public void delayResponses(String method, Duration delay) {
        faults.delay(delay, method);
    }

    public void clearFaults() {
        faults.clear();
    }

    // ---- playing a user ---------------------------------------------------------------------------------

    /** The user sends a text (a leading "/command" gets its bot_command entity); returns the message id. */
    public int userSends(long chatId, long userId, String text) {
        return userSends(FakeUserMessage.of(chatId, userId, text));
    }

    public int userSends(long chatId, long userId, String text, String languageCode) {
        return userSends(FakeUserMessage.of(chatId, userId, text).withLanguage(languageCode));
    }

    /** @param chatType "private", "group" or "supergroup" */
    public int userSends(long chatId, long userId, String text, String languageCode, String chatType,
                         String username) {
        return userSends(FakeUserMessage.of(chatId, userId, text).withLanguage(languageCode)
                .withChatType(chatType).withUsername(username));
    }

    /** Any message (text, media, poll…), with explicit entities or a reply_to_message; returns the message id. */
    public int userSends(FakeUserMessage message) {
        return updates.userSends(message);
    }

    /**
     * The user sends an album: {@code items} messages (photo, video, photo, video…) sharing a new media_group_id,
     * each its own update, the caption (may be null) on the first; returns their message ids in order.
     */
    public List<Integer> userSendsAlbum(long chatId, long userId, String caption, int items) {
        if (items < 2 || items > 10) {
            throw new IllegalArgumentException("an album has 2 to 10 items, not " + items);
        }
        String group = state.locked(state::nextMediaGroupId);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            String itemCaption = i == 0 ? caption : null;
            FakeUserMessage item = i % 2 == 0 ? FakeUserMessage.photo(chatId, userId, itemCaption)
                    : FakeUserMessage.video(chatId, userId, itemCaption);
            ids.add(userSends(item.withMediaGroup(group)));
        }
        return List.copyOf(ids);
    }

    /** The user presses an inline button of the bot's message; returns the callback query id to answer. */
    public String userPresses(long chatId, long userId, int messageId, String callbackData) {
        return updates.userPresses(chatId, userId, messageId, callbackData);
    }

    /** The user types {@code @<bot> query} in a chat; returns the inline query id the bot must answer. */
    public String userTypesInline(long userId, String query, String languageCode) {
        return updates.userInlineQuery(userId, query, languageCode);
    }

    /** What getMe says of inline mode from now on (a new bot has it off until @BotFather's /setinline). */
    public void setInlineMode(boolean on) {
        state.inlineMode = on;
    }

    // ---- reading ----------------------------------------------------------------------------------------

    /**
     * Every message the bot sent with sendMessage, copyMessage and copyMessages, as sent (edits not applied), in
     * order; sendPhoto's photos are in {@link #photos()} (and {@link #current}).
     */
    public List<FakeMessage> sentMessages() {
        return state.locked(() -> List.copyOf(state.sent));
    }

    public List<FakeMessage> messagesTo(long chatId) {
        return state.locked(() -> state.sent.stream().filter(m -> m.chatId() == chatId).toList());
    }

    /** One of the bot's messages as it is now, edits (text, caption, markup) applied; empty if none or deleted. */
    public Optional<FakeMessage> current(long chatId, int messageId) {
        return state.locked(() -> Optional.ofNullable(state.current.get(new FakeState.Key(chatId, messageId))));
    }

    /** The rich messages (sendRichMessage) the bot sent to {@code chatId}, in order. */
    public List<FakeMessage> richMessagesTo(long chatId) {
        return messagesTo(chatId).stream().filter(FakeMessage::isRich).toList();
    }

    /** The one user who sees {@code message} when it was sent as an ephemeral message; empty for everyone. */
    public Optional<Long> ephemeralReceiver(FakeMessage message) {
        return state.locked(() -> Optional.ofNullable(
                state.ephemeralReceivers.get(new FakeState.Key(message.chatId(), message.messageId()))));
    }

    /** From now on sendRichMessage to {@code chatId} answers 400 with {@code description}, as for old clients. */
    public void refuseRichMessages(long chatId, String description) {
        state.locked(() -> state.richRefusals.put(chatId, description));
    }

    public boolean isDeleted(long chatId, int messageId) {
        return state.locked(() -> state.deleted.contains(new FakeState.Key(chatId, messageId)));
    }

    public List<FakeCallbackAnswer> callbackAnswers() {
        return state.locked(() -> List.copyOf(state.callbackAnswers));
    }

    /** The command list for a language; {@code null} for the default list. Empty if never set. */
    public List<FakeCommand> commands(String languageCodeOrNull) {
        String key = languageCodeOrNull == null ? "" : languageCodeOrNull;
        return state.locked(() -> state.commands.getOrDefault(key, List.of()));
    }

    /** All command lists by language code, "" being the default list. */
    public Map<String, List<FakeCommand>> allCommands() {
        return state.locked(() -> Map.copyOf(state.commands));
    }

    public List<FakePhoto> photos() {
        return state.locked(() -> List.copyOf(state.photos));
    }

    /** Files the bot uploaded with sendDocument, in order. */
    public List<FakeDocument> documents() {
        return state.locked(() -> List.copyOf(state.documents));
    }

    /** Every request answered or dropped, in order of answer. */
    public List<FakeCall> requests() {
        return state.locked(() -> List.copyOf(state.calls));
    }

    /** How many requests of a method arrived (any answer), matched case-insensitively. */
    public int requestCount(String method) {
        return state.locked(() -> (int) state.calls.stream().filter(c -> c.method().equalsIgnoreCase(method))
                .count());
    }

    /** How many answers were 429 Too Many Requests. */
    public int tooManyRequestsCount() {
        return state.locked(() -> (int) state.calls.stream().filter(c -> c.status() == 429).count());
    }

    /** Updates not yet confirmed by a getUpdates offset. */
    public int pendingUpdates() {
        return updates.pendingCount();
    }

    // ---- waiting ----------------------------------------------------------------------------------------

    /** Waits until at least {@code count} messages were sent to the chat; returns all of them. */
    public List<FakeMessage> awaitMessages(long chatId, int count, Duration timeout) {
        return state.await(() -> {
            List<FakeMessage> messages = state.sent.stream().filter(m -> m.chatId() == chatId).toList();
            return messages.size() >= count ? Optional.of(messages) : Optional.empty();
        }, timeout, () -> count + " message(s) to chat " + chatId);
    }

    /** Waits for a sent message that, as it is now (edits applied), matches; returns that version. */
    public FakeMessage awaitMessage(Predicate<FakeMessage> condition, Duration timeout) {
        return state.await(() -> state.sent.stream()
                .map(m -> state.current.getOrDefault(new FakeState.Key(m.chatId(), m.messageId()), m))
                .filter(condition)
                .findFirst(), timeout, () -> "a message matching the condition");
    }

    /** Waits for the {@code index}-th (from 0) file uploaded to the chat with sendDocument. */
    public FakeDocument awaitDocument(long chatId, int index, Duration timeout) {
        return state.await(() -> state.documents.stream().filter(d -> d.chatId() == chatId).skip(index).findFirst(),
                timeout, () -> "document " + index + " to chat " + chatId);
    }

    /** Waits for the bot's answer to an inline query. */
    public FakeInlineAnswer awaitInlineAnswer(String inlineQueryId, Duration timeout) {
        return state.await(() -> state.inlineAnswers.stream()
                .filter(a -> a.inlineQueryId().equals(inlineQueryId))
                .findFirst(), timeout, () -> "an answer to inline query " + inlineQueryId);
    }

    public FakeCallbackAnswer awaitCallbackAnswer(String callbackQueryId, Duration timeout) {
        return state.await(() -> state.callbackAnswers.stream()
                .filter(a -> a.callbackQueryId().equals(callbackQueryId))
                .findFirst(), timeout, () -> "an answer to callback query " + callbackQueryId);
    }

    /** Waits until {@code count} requests of the method arrived. */
    public void awaitRequests(String method, int count, Duration timeout) {
        state.await(() -> state.calls.stream().filter(c -> c.method().equalsIgnoreCase(method)).count() >= count
                ? Optional.of(Boolean.TRUE) : Optional.empty(), timeout, () -> count + " " + method + " request(s)");
    }

    /**
     * Waits until the bot polled past every injected update (its getUpdates offset confirmed them). With the
     * library's executor-based consumers that means received, not necessarily handled.
     */
    public void awaitUpdatesConsumed(Duration timeout) {
        updates.awaitConsumed(timeout);
    }

    public void awaitUpdatesConsumed() {
        awaitUpdatesConsumed(DEFAULT_WAIT);
    }

    /** Waits until a getUpdates long poll is parked in the fake (the bot is polling and has nothing pending). */
    public void awaitWaitingPoll(Duration timeout) {
        updates.awaitWaitingPoll(timeout);
    }

    /** Stops the server; waiting long polls end at once. */
    @Override
    public void close() {
        state.update(() -> state.closed = true);
        // Released long polls and delays answer at once; HttpServer.stop(n) would always wait the full n seconds.
        state.awaitIdle(Duration.ofSeconds(1));
        server.stop(0);
        executor.shutdownNow();
    }
}
