package newsbot.bot;

import java.util.Map;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import newsbot.store.Subscriber;
import newsbot.telegram.Html;
import newsbot.telegram.OutgoingMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Sends each update to its handler. A failing handler is logged and answered with an apology; nothing escapes,
 * because an exception leaving the long-polling consumer stops polling for good.
 */
public final class UpdateRouter {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateRouter.class);

    private final Readers readers;
    private final Texts texts;
    private final Replier replier;
    private final Map<String, CommandHandler> commands;
    private final Map<String, CommandHandler> adminCommands;
    private final Map<String, CallbackHandler> callbacks;
    private final LongPredicate isAdmin;
    private final Supplier<String> botUsername;

    private final GroupGuard groupGuard;

    UpdateRouter(Readers readers, Texts texts, Replier replier, Map<String, CommandHandler> commands,
                 Map<String, CommandHandler> adminCommands, Map<String, CallbackHandler> callbacks,
                 LongPredicate isAdmin, Supplier<String> botUsername) {
        this(readers, texts, replier, commands, adminCommands, callbacks, isAdmin, botUsername, null);
    }

    /** @param groupGuard who may change a group; null lets everyone (tests of other things) */
    UpdateRouter(Readers readers, Texts texts, Replier replier, Map<String, CommandHandler> commands,
                 Map<String, CommandHandler> adminCommands, Map<String, CallbackHandler> callbacks,
                 LongPredicate isAdmin, Supplier<String> botUsername, GroupGuard groupGuard) {
        this.groupGuard = groupGuard;
        this.readers = readers;
        this.texts = texts;
        this.replier = replier;
        this.commands = Map.copyOf(commands);
        this.adminCommands = Map.copyOf(adminCommands);
        this.callbacks = Map.copyOf(callbacks);
        this.isAdmin = isAdmin;
        this.botUsername = botUsername;
    }

    public void route(Update update) {
        if (update.hasMessage()) {
            onMessage(update.getMessage());
        } else if (update.hasCallbackQuery()) {
            onCallback(update.getCallbackQuery());
        } else if (update.getMyChatMember() != null) {
            onMembership(update.getMyChatMember());
        } else {
            LOG.debug("update {} ignored: nothing the bot handles", update.getUpdateId());
        }
    }

    private void onMessage(Message message) {
        String chatType = message.getChat().getType();
        boolean group = !"private".equals(chatType);
        CommandLine line = CommandLine.parse(message.hasText() ? message.getText() : "");
        // In groups the bot speaks only when spoken to: commands, and only those not addressed to another bot.
        if (group && (!line.isCommand() || !line.isFor(botUsername.get()))) {
            return;
        }
        if (line.isCommand() && !line.isFor(botUsername.get())) {
            return;
        }
        Long userId = message.getFrom() == null ? null : message.getFrom().getId();
        String languageCode = message.getFrom() == null ? null : message.getFrom().getLanguageCode();
        Incoming in = new Incoming(message.getChatId(), userId, chatType, languageCode, message.getMessageId(),
                line.name(), line.args());
        Subscriber reader = null;
        try {
            reader = readers.enroll(in);
            Conversation conversation = new Conversation(in, reader, texts, replier, message);
            if (groupGuard != null && !groupGuard.mayRun(in)) {
                LOG.info("/{} in group {} refused: user {} is not its admin", line.name(), in.chatId(), in.userId());
                conversation.replyWith("group.admins.only");
                return;
            }
            handlerFor(in, line).handle(conversation);
        } catch (RuntimeException e) {
            LOG.error("command /{} in chat {} failed", line.name(), in.chatId(), e);
            String language = reader != null ? reader.language() : Texts.languageFor(languageCode);
            replier.send(OutgoingMessage.html(in.chatId(), texts.get(language, "error.apology")));
        }
    }

    private CommandHandler handlerFor(Incoming in, CommandLine line) {
        if (!line.isCommand()) {
            return c -> c.replyWith("unknown.text");
        }
        CommandHandler handler = commands.get(line.name());
        if (handler == null) {
            CommandHandler admin = adminCommands.get(line.name());
            if (admin != null && in.userId() != null && isAdmin.test(in.userId())) {
                // editors' tools answer only in the editor's private chat: nothing of them is posted in a group
                return in.isPrivate() ? admin : c -> c.replyWith("admin.private.only");
            }
            if (admin != null) {
                LOG.warn("admin command /{} refused for user {} in chat {}", line.name(), in.userId(), in.chatId());
            }
            return c -> c.replyWith("unknown.command", Html.escape(Replies.shorten("/" + line.name())));
        }
        return handler;
    }

    private void onCallback(CallbackQuery query) {
        String data = query.getData() == null ? "" : query.getData();
        var message = query.getMessage();
        if (message == null) {
            replier.answerCallback(query.getId(), null);
            return;
        }
        // A message Telegram reports with date 0 is no longer accessible: it cannot be edited.
        int messageId = message.getDate() != null && message.getDate() == 0 ? 0 : message.getMessageId();
        Callback callback = new Callback(query.getId(), message.getChatId(), query.getFrom().getId(),
                message.getChat() == null ? "private" : message.getChat().getType(),
                query.getFrom().getLanguageCode(), messageId, data);
        Incoming in = new Incoming(callback.chatId(), callback.userId(), callback.chatType(), callback.languageCode(),
                messageId, null, "");
        Subscriber reader = null;
        try {
            reader = readers.enroll(in);
            if (groupGuard != null && !groupGuard.mayPress(callback)) {
                LOG.info("button in group {} refused: user {} is not its admin", callback.chatId(), callback.userId());
                replier.answerCallback(query.getId(), texts.get(reader.language(), "group.admins.only.toast"));
                return;
            }
            CallbackHandler handler = callbackFor(data);
            if (handler == null) {
                LOG.debug("callback with unknown data in chat {}", callback.chatId());
                replier.answerCallback(query.getId(), texts.get(reader.language(), "callback.stale"));
                return;
            }
            handler.handle(callback, reader);
        } catch (RuntimeException e) {
            LOG.error("button press in chat {} failed", callback.chatId(), e);
            String language = reader != null ? reader.language() : Texts.languageFor(callback.languageCode());
            replier.answerCallback(query.getId(), texts.get(language, "error.apology"));
        }
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
