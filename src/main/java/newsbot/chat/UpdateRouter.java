package newsbot.chat;

import newsbot.delivery.Replier;
import newsbot.messages.Texts;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import newsbot.store.Subscriber;
import newsbot.html.Html;
import newsbot.telegram.OutgoingMessage;
import newsbot.store.Fenced;
import newsbot.store.StoreException;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Sends each update to its handler inside the update's {@link UpdateScope}: a reader's handler runs in one
 * transaction with its replies and the handled mark; an editor's tool or an upload, which wait for Telegram,
 * outside one. A
 * failing handler leaves nothing behind but a log line and an apology; nothing escapes, because an exception
 * leaving the long-polling consumer stops polling for good. Only when the apology cannot be stored either, the
 * database refusing writes, does the update go back to the consumer ({@link UpdateNotStored}) to be tried again.
 */
public final class UpdateRouter {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateRouter.class);
    /**
     * The key, among the editors' commands, of what an editor's message that is no command does in their private
     * chat; no command can be named so.
     */
    static final String COMPOSED = "";

    private final Readers readers;
    private final Texts texts;
    private final Replier replier;
    private final Map<String, CommandHandler> commands;
    private final Map<String, CommandHandler> adminCommands;
    private final Map<String, CallbackHandler> callbacks;
    private final LongPredicate isAdmin;
    private final Supplier<String> botUsername;
    private final Function<Long, UpdateScope> scopes;
    /** Buttons of the editors' tools, which wait for Telegram and so run outside an update transaction. */
    private final Set<CallbackHandler> editorCallbacks;
    private final FloodGuard flood;
    /** Who may change a group; null lets everyone (tests of other things). */
    private final GroupGuard groupGuard;
    private final InlineQueries inline;
    private final TipHooks tips;

    UpdateRouter(Readers readers, Texts texts, Replier replier, Map<String, CommandHandler> commands,
                 Map<String, CommandHandler> adminCommands, Map<String, CallbackHandler> callbacks,
                 LongPredicate isAdmin, Supplier<String> botUsername, Function<Long, UpdateScope> scopes,
                 Set<CallbackHandler> editorCallbacks, FloodGuard flood, GroupGuard groupGuard,
                 InlineQueries inline) {
        this(readers, texts, replier, commands, adminCommands, callbacks, isAdmin, botUsername, scopes, editorCallbacks,
                flood, groupGuard, inline, TipHooks.NONE);
    }

    UpdateRouter(Readers readers, Texts texts, Replier replier, Map<String, CommandHandler> commands,
                 Map<String, CommandHandler> adminCommands, Map<String, CallbackHandler> callbacks,
                 LongPredicate isAdmin, Supplier<String> botUsername, Function<Long, UpdateScope> scopes,
                 Set<CallbackHandler> editorCallbacks, FloodGuard flood, GroupGuard groupGuard,
                 InlineQueries inline, TipHooks tips) {
        this.tips = tips;
        this.readers = readers;
        this.texts = texts;
        this.replier = replier;
        this.commands = Map.copyOf(commands);
        this.adminCommands = Map.copyOf(adminCommands);
        this.callbacks = Map.copyOf(callbacks);
        this.isAdmin = isAdmin;
        this.botUsername = botUsername;
        this.scopes = scopes;
        this.editorCallbacks = Set.copyOf(editorCallbacks);
        this.flood = flood;
        this.groupGuard = groupGuard;
        this.inline = inline;
    }

    /** The chat an update belongs to: its updates are handled in order, other chats' at the same time. */
    static long chatOf(Update update) {
        if (update.hasMessage()) {
            return update.getMessage().getChatId();
        }
        if (update.hasCallbackQuery()) {
            CallbackQuery q = update.getCallbackQuery();
            return q.getMessage() != null ? q.getMessage().getChatId() : q.getFrom().getId();
        }
        if (update.getMyChatMember() != null) {
            return update.getMyChatMember().getChat().getId();
        }
        if (update.hasInlineQuery()) {
            return update.getInlineQuery().getFrom().getId(); // no chat: one user's queries in order
        }
        return 0;
    }

    /**
     * Handles one update; returns whether it is marked handled (its effects committed). An update the bot does
     * not act on, or one the flood guard drops, changes nothing and is not marked. The guard sees only what the bot
     * would answer: a group's chatter never reaches it.
     */
    public boolean route(Update update) {
        UpdateScope scope = scopes.apply((long) update.getUpdateId());
        if (update.hasMessage()) {
            onMessage(update.getMessage(), scope);
        } else if (update.hasCallbackQuery()) {
            onCallback(update.getCallbackQuery(), scope);
        } else if (update.hasInlineQuery()) {
            // no flood guard: Telegram sends one per pause in typing, and caches the answers itself
            var query = update.getInlineQuery();
            guarded(scope, () -> scope.outsideTransaction(() -> inline.answer(query.getId(),
                    query.getQuery() == null ? "" : query.getQuery(), query.getFrom().getLanguageCode())), () -> { });
        } else if (update.getMyChatMember() != null) {
            ChatMemberUpdated change = update.getMyChatMember();
            guarded(scope, () -> scope.transaction(() -> onMembership(change)), () -> { });
        } else {
            LOG.debug("update {} ignored: nothing the bot handles", update.getUpdateId());
        }
        return scope.marked();
    }

    /**
     * The flood guard's verdict on something the bot would answer, with the one note to a sender who just went over
     * their limit. {@code callbackId} is the press's, or null for a message.
     */
    private boolean admitted(long chatId, long userId, String languageCode, String callbackId, UpdateScope scope) {
        FloodGuard.Verdict verdict = flood.admit(chatId, userId);
        if (verdict == FloodGuard.Verdict.HANDLE) {
            return true;
        }
        if (verdict == FloodGuard.Verdict.WARN) {
            LOG.info("user {} in chat {} sends too fast: ignoring them for a while", userId, chatId);
            String note = texts.get(languageOf(chatId, languageCode), "flood.note");
            guarded(scope, () -> scope.transaction(() -> {
                if (callbackId != null) {
                    replier.answerCallback(callbackId, note);
                } else {
                    scope.reply(OutgoingMessage.html(chatId, note));
                }
            }), () -> { });
        }
        return false;
    }

    /**
     * Runs {@code work}; if it fails, its transaction is gone, and {@code apology} runs in a transaction of its
     * own with the handled mark, so the reader hears something and the update is not tried again.
     */
    private void guarded(UpdateScope scope, Runnable work, Runnable apology) {
        try {
            work.run();
        } catch (Fenced e) {
            throw e; // the active instance handles this update: no apology, no handled mark from here
        } catch (RuntimeException e) {
            LOG.error("update {} could not be handled: {}", scope.updateId(), e.toString());
            LOG.debug("update {} failure detail", scope.updateId(), e);
            try {
                scope.transaction(apology);
            } catch (Fenced fenced) {
                throw fenced;
            } catch (RuntimeException again) {
                if (refusedByDatabase(again)) {
                    // nothing of it stayed and the reader heard nothing: confirming it to Telegram would lose it
                    throw new UpdateNotStored(scope.updateId(), again);
                }
                LOG.error("update {}: even the apology could not be stored: {}", scope.updateId(), again.toString());
            }
        }
    }

    private static boolean refusedByDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JdbiException || t instanceof StoreException || t instanceof java.sql.SQLException) {
                return true;
            }
        }
        return false;
    }

    private void onMessage(Message message, UpdateScope scope) {
        String chatType = message.getChat().getType();
        boolean group = !"private".equals(chatType);
        CommandLine line = CommandLine.parse(message.hasText() ? message.getText() : "");
        // an editor answering a reader's tip in the desk (a group, where the bot otherwise hears only commands)
        if (!line.isCommand() && message.getReplyToMessage() != null && tips.deskReply(message)) {
            scope.markHandled();
            return;
        }
        // In groups the bot speaks only when spoken to: commands, and only those not addressed to another bot.
        if (group && (!line.isCommand() || !line.isFor(botUsername.get()))) {
            return;
        }
        if (line.isCommand() && !line.isFor(botUsername.get())) {
            return;
        }
        Long userId = message.getFrom() == null ? null : message.getFrom().getId();
        String languageCode = message.getFrom() == null ? null : message.getFrom().getLanguageCode();
        if (!admitted(message.getChatId(), userId == null ? message.getChatId() : userId, languageCode, null, scope)) {
            return;
        }
        Incoming in = new Incoming(message.getChatId(), userId, chatType, languageCode, message.getMessageId(),
                line.name(), line.args());
        Runnable apology = () -> scope.reply(OutgoingMessage.html(in.chatId(),
                texts.get(languageOf(in.chatId(), languageCode), "error.apology")));
        // may ask Telegram who administers the group: before any transaction, which must not wait for it
        if (groupGuard != null && !groupGuard.mayRun(in)) {
            LOG.info("/{} in group {} refused: user {} is not its admin", line.name(), in.chatId(), in.userId());
            Integer topic = message.isTopicMessage() ? message.getMessageThreadId() : null;
            guarded(scope, () -> scope.transaction(() -> scope.reply(new OutgoingMessage(in.chatId(),
                    texts.get(readers.enroll(in).language(), "group.admins.only"), false, false, null, topic))),
                    apology);
            return;
        }
        CommandHandler handler = handlerFor(in, line);
        boolean waits = adminCommands.containsValue(handler) || handler.waitsForTelegram();
        Runnable work = () -> {
            Subscriber reader = readers.enroll(in);
            handler.handle(new Conversation(in, reader, texts, replier, message, scope));
        };
        guarded(scope, waits ? () -> scope.outsideTransaction(work) : () -> scope.transaction(work), apology);
    }

    /** The reader's chosen language if known, else the one Telegram reports for the user. */
    private String languageOf(long chatId, String languageCode) {
        try {
            return readers.find(chatId).map(Subscriber::language).orElse(Texts.languageFor(languageCode));
        } catch (RuntimeException e) {
            return Texts.languageFor(languageCode);
        }
    }

    private CommandHandler handlerFor(Incoming in, CommandLine line) {
        if (!line.isCommand()) {
            if (in.isPrivate() && tips.collecting(in.chatId())) {
                return tips.part();
            }
            CommandHandler composed = adminCommands.get(COMPOSED);
            if (composed != null && in.isPrivate() && in.userId() != null && isAdmin.test(in.userId())) {
                return composed;
            }
            return c -> c.replyWith("unknown.text");
        }
        CommandHandler handler = commands.get(line.name());
        if (handler == null) {
            CommandHandler admin = line.name().isEmpty() ? null : adminCommands.get(line.name());
            if (admin != null && in.userId() != null && isAdmin.test(in.userId())) {
                // editors' tools answer only in the editor's private chat: nothing of them is posted in a group
                return in.isPrivate() ? admin : c -> c.replyWith("admin.private.only");
            }
            if (admin != null) {
                LOG.warn("admin command /{} refused for user {} in chat {}", line.name(), in.userId(), in.chatId());
            }
            return c -> c.replyWith("unknown.command", Html.escape(Html.echo("/" + line.name())));
        }
        return handler;
    }

    private void onCallback(CallbackQuery query, UpdateScope scope) {
        String data = query.getData() == null ? "" : query.getData();
        var message = query.getMessage();
        long chatId = message != null ? message.getChatId() : query.getFrom().getId();
        if (!admitted(chatId, query.getFrom().getId(), query.getFrom().getLanguageCode(), query.getId(), scope)) {
            return;
        }
        if (message == null) {
            replier.answerCallback(query.getId(), null);
            return;
        }
        // A message Telegram reports with date 0 is no longer accessible: it cannot be edited.
        int messageId = message.getDate() != null && message.getDate() == 0 ? 0 : message.getMessageId();
        Callback callback = new Callback(query.getId(), message.getChatId(), query.getFrom().getId(),
                message.getChat() == null ? "private" : message.getChat().getType(),
                query.getFrom().getLanguageCode(), messageId, data, scope);
        Incoming in = new Incoming(callback.chatId(), callback.userId(), callback.chatType(), callback.languageCode(),
                messageId, null, "");
        if (groupGuard != null && !groupGuard.mayPress(callback)) {
            LOG.info("button in group {} refused: user {} is not its admin", callback.chatId(), callback.userId());
            replier.answerCallback(query.getId(), texts.get(languageOf(callback.chatId(), callback.languageCode()),
                    "group.admins.only.toast"));
            return;
        }
        CallbackHandler handler = callbackFor(data);
        Runnable work = () -> {
            Subscriber reader = readers.enroll(in);
            if (handler == null) {
                LOG.debug("callback with unknown data in chat {}", callback.chatId());
                replier.answerCallback(query.getId(), texts.get(reader.language(), "callback.stale"));
                return;
            }
            handler.handle(callback, reader);
        };
        Runnable apology = () -> replier.answerCallback(query.getId(),
                texts.get(languageOf(callback.chatId(), callback.languageCode()), "error.apology"));
        boolean editorsTool = handler != null && editorCallbacks.contains(handler);
        guarded(scope, editorsTool ? () -> scope.outsideTransaction(work) : () -> scope.transaction(work), apology);
    }

    private CallbackHandler callbackFor(String data) {
        for (Map.Entry<String, CallbackHandler> e : callbacks.entrySet()) {
            if (data.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    private void onMembership(ChatMemberUpdated change) {
        String status = change.getNewChatMember() == null ? "" : change.getNewChatMember().getStatus();
        if ("kicked".equals(status) || "left".equals(status)) {
            LOG.info("chat {} removed or blocked the bot", change.getChat().getId());
            readers.markBlocked(change.getChat().getId());
        }
    }
}
