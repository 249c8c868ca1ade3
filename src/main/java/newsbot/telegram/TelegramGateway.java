package newsbot.telegram;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.User;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.CopyMessages;
import org.telegram.telegrambots.meta.api.methods.pinnedmessages.PinChatMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageCaption;
import org.telegram.telegrambots.meta.api.objects.MessageId;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The only class that calls the Bot API: every call ends in a {@link SendOutcome}, never in an exception.
 *
 * <p>A call that is already on the wire is waited for even if the calling thread is interrupted (the wait is
 * bounded by the HTTP timeouts), so the caller learns whether Telegram took the message instead of guessing and
 * sending it again; the interrupt flag is restored afterwards.
 */
public final class TelegramGateway implements MessageSender {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramGateway.class);
    private static final LinkPreviewOptions NO_PREVIEW = LinkPreviewOptions.builder().isDisabled(true).build();

    private final TelegramClient client;

    public TelegramGateway(TelegramClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** sendMessage with parse mode HTML; Delivered carries the new message id. */
    @Override
    public SendOutcome send(OutgoingMessage message) {
        SendMessage request = SendMessage.builder()
                .chatId(message.chatId())
                .text(message.html())
                .parseMode(ParseMode.HTML)
                .disableNotification(message.silent())
                .linkPreviewOptions(message.linkPreview() ? null : NO_PREVIEW)
                .replyMarkup(message.keyboard())
                .messageThreadId(message.threadId())
                .allowPaidBroadcast(message.paid() ? Boolean.TRUE : null)
                .build();
        return call("sendMessage", message.chatId(), () -> client.executeAsync(request),
                Message::getMessageId, null);
    }

    @Override
    public SendOutcome perform(Outgoing call) {
        if (call instanceof OutgoingMessage m) {
            return send(m);
        }
        if (call instanceof Outgoing.Copy c) {
            return c.album() ? copyAlbum(c) : copy(c);
        }
        if (call instanceof Outgoing.Pin p) {
            return pin(p.chatId(), p.messageId());
        }
        if (call instanceof Outgoing.EditText e) {
            return edit(e.chatId(), e.messageId(), e.html(), e.keyboard());
        }
        if (call instanceof Outgoing.EditCaption e) {
            return editCaption(e.chatId(), e.messageId(), e.html(), e.keyboard());
        }
        Outgoing.Delete d = (Outgoing.Delete) call;
        return deleteMessage(d.chatId(), d.messageId());
    }

    /** copyMessage: the editor's message as it is (media, formatting, poll), with an optional keyboard. */
    private SendOutcome copy(Outgoing.Copy c) {
        CopyMessage request = CopyMessage.builder()
                .chatId(c.chatId())
                .fromChatId(c.fromChatId())
                .messageId(c.messageIds().get(0))
                .caption(c.captionHtml())
                .parseMode(c.captionHtml() == null ? null : ParseMode.HTML)
                .replyMarkup(c.keyboard())
                .disableNotification(c.silent())
                .messageThreadId(c.threadId())
                .allowPaidBroadcast(c.paid() ? Boolean.TRUE : null)
                .build();
        return call("copyMessage", c.chatId(), () -> client.executeAsync(request),
                (MessageId id) -> id.getMessageId(), null);
    }

    /** copyMessages: an album stays an album; Delivered names the first copy and the others. */
    private SendOutcome copyAlbum(Outgoing.Copy c) {
        CopyMessages request = CopyMessages.builder()
                .chatId(c.chatId())
                .fromChatId(c.fromChatId())
                .messageIds(c.messageIds())
                .disableNotification(c.silent())
                .messageThreadId(c.threadId())
                .build();
        List<Long> more = new java.util.ArrayList<>();
        SendOutcome outcome = call("copyMessages", c.chatId(), () -> client.executeAsync(request),
                (java.util.ArrayList<MessageId> ids) -> {
                    for (int i = 1; i < ids.size(); i++) {
                        more.add(ids.get(i).getMessageId().longValue());
                    }
                    return ids.isEmpty() ? 0L : ids.get(0).getMessageId();
                }, null);
        return outcome instanceof SendOutcome.Delivered d ? new SendOutcome.Delivered(d.messageId(), more) : outcome;
    }

    /** pinChatMessage without a notification; Delivered(messageId) once pinned. */
    public SendOutcome pin(long chatId, int messageId) {
        PinChatMessage request = PinChatMessage.builder()
                .chatId(chatId)
                .messageId(messageId)
                .disableNotification(true)
                .build();
        return call("pinChatMessage", chatId, () -> client.executeAsync(request),
                (Boolean ignored) -> messageId, null);
    }

    /** editMessageCaption; an edit to identical content counts as delivered, as Telegram already shows it. */
    public SendOutcome editCaption(long chatId, int messageId, String html, InlineKeyboardMarkup keyboardOrNull) {
        EditMessageCaption request = EditMessageCaption.builder()
                .chatId(chatId)
                .messageId(messageId)
                .caption(html)
                .parseMode(ParseMode.HTML)
                .replyMarkup(keyboardOrNull)
                .build();
        return call("editMessageCaption", chatId, () -> client.executeAsync(request),
                (Serializable ignored) -> messageId, (long) messageId);
    }

    /** editMessageText; an edit to identical content counts as delivered, as Telegram already shows it. */
    public SendOutcome edit(long chatId, int messageId, String html, InlineKeyboardMarkup keyboardOrNull) {
        EditMessageText request = EditMessageText.builder()
                .chatId(chatId)
                .messageId(messageId)
                .text(html)
                .parseMode(ParseMode.HTML)
                .linkPreviewOptions(NO_PREVIEW)
                .replyMarkup(keyboardOrNull)
                .build();
        return call("editMessageText", chatId, () -> client.executeAsync(request),
                (Serializable ignored) -> messageId, (long) messageId);
    }

    /** editMessageReplyMarkup; {@code null} removes the keyboard. Identical markup counts as delivered. */
    public SendOutcome editKeyboard(long chatId, int messageId, InlineKeyboardMarkup keyboardOrNull) {
        EditMessageReplyMarkup request = EditMessageReplyMarkup.builder()
                .chatId(chatId)
                .messageId(messageId)
                .replyMarkup(keyboardOrNull)
                .build();
        return call("editMessageReplyMarkup", chatId, () -> client.executeAsync(request),
                (Serializable ignored) -> messageId, (long) messageId);
    }

    /** answerCallbackQuery, optionally with a toast text (≤ 200 characters); Delivered(0) on success. */
    public SendOutcome answerCallback(String callbackQueryId, String textOrNull) {
        AnswerCallbackQuery request = AnswerCallbackQuery.builder()
                .callbackQueryId(callbackQueryId)
                .text(textOrNull)
                .build();
        return call("answerCallbackQuery", "query " + callbackQueryId, () -> client.executeAsync(request),
                (Boolean ignored) -> 0L, null);
    }

    /** sendPhoto with an uploaded PNG and an optional HTML caption (≤ 1024 characters). */
    public SendOutcome sendPhoto(long chatId, byte[] png, String fileName, String captionHtml) {
        SendPhoto request = SendPhoto.builder()
                .chatId(chatId)
                .photo(new InputFile(new ByteArrayInputStream(png), fileName))
                .caption(captionHtml)
                .parseMode(captionHtml == null ? null : ParseMode.HTML)
                .build();
        return call("sendPhoto", chatId, () -> client.executeAsync(request), Message::getMessageId, null);
    }

    /** setMyCommands for one language ({@code null}: the default list); Delivered(0) on success. */
    public SendOutcome setCommands(List<BotCommand> commands, String languageCodeOrNull) {
        SetMyCommands request = SetMyCommands.builder()
                .commands(commands)
                .languageCode(languageCodeOrNull)
                .build();
        String target = "commands/" + (languageCodeOrNull == null ? "default" : languageCodeOrNull);
        return call("setMyCommands", target, () -> client.executeAsync(request), (Boolean ignored) -> 0L, null);
    }

    /** deleteMessage; Delivered(messageId) once it is gone. */
    public SendOutcome deleteMessage(long chatId, int messageId) {
        DeleteMessage request = DeleteMessage.builder().chatId(chatId).messageId(messageId).build();
        return call("deleteMessage", chatId, () -> client.executeAsync(request),
                (Boolean ignored) -> messageId, null);
    }

    /**
     * getMe as a health probe: Delivered when Telegram answers at all. Logged at debug only, since the sender
     * probes repeatedly during an outage and says so itself, once.
     */
    @Override
    public SendOutcome probe() {
        return quietly("getMe", () -> client.executeAsync(new GetMe()), (User me) -> me.getId());
    }

    /**
     * deleteWebhook: long polling works only without a webhook; Delivered(0) once Telegram confirmed, Delivered(-1)
     * if it answered false. Logged at debug only: the start-up loop retrying it says what is wrong, once.
     */
    public SendOutcome deleteWebhook() {
        return quietly("deleteWebhook", () -> client.executeAsync(new DeleteWebhook()),
                (Boolean ok) -> Boolean.TRUE.equals(ok) ? 0L : -1L);
    }

    private <T> SendOutcome quietly(String method, ApiCall<T> call, ToLongFunction<T> result) {
        try {
            return new SendOutcome.Delivered(result.applyAsLong(awaitUninterruptibly(call.start())));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.debug("{} failed: {}", method, cause.toString());
            return OutcomeMapper.fromFailure(cause);
        } catch (TelegramApiException e) {
            LOG.debug("{} failed: {}", method, e.toString());
            return OutcomeMapper.fromFailure(e);
        } catch (RuntimeException e) {
            return new SendOutcome.Transient("unexpected " + e);
        }
    }

    /** getMe: the bot's @username, or empty when Telegram cannot be asked right now (the reason is logged). */
    public Optional<String> botUsername() {
        String[] name = new String[1];
        SendOutcome outcome = call("getMe", "bot", () -> client.executeAsync(new GetMe()), (User me) -> {
            name[0] = me.getUserName();
            return me.getId();
        }, null);
        return outcome instanceof SendOutcome.Delivered ? Optional.ofNullable(name[0]) : Optional.empty();
    }

    @FunctionalInterface
    private interface ApiCall<T> {
        CompletableFuture<T> start() throws TelegramApiException;
    }

    private <T> SendOutcome call(String method, Object target, ApiCall<T> call, ToLongFunction<T> messageId,
                                 Long notModifiedMessageId) {
        if (Thread.currentThread().isInterrupted()) {
            // Nothing is on the wire yet: better not to start a call we would not wait for.
            LOG.debug("{} to {} not attempted: thread interrupted", method, target);
            return new SendOutcome.Transient("interrupted before sending");
        }
        SendOutcome outcome;
        Throwable failure = null;
        try {
            T result = awaitUninterruptibly(call.start());
            outcome = new SendOutcome.Delivered(messageId.applyAsLong(result));
        } catch (ExecutionException e) {
            failure = e.getCause() == null ? e : e.getCause();
            outcome = OutcomeMapper.fromFailure(failure);
        } catch (TelegramApiException e) {
            failure = e;
            outcome = OutcomeMapper.fromFailure(e);
        } catch (RuntimeException e) {
            // A bug in the library or in our request, not a network or API failure: worth a stack trace.
            LOG.error("{} to {} failed unexpectedly", method, target, e);
            return new SendOutcome.Transient("unexpected " + e);
        }
        if (failure != null && OutcomeMapper.causedByInterrupt(failure)) {
            Thread.currentThread().interrupt();
        }
        if (notModifiedMessageId != null && OutcomeMapper.isNotModified(outcome)) {
            LOG.debug("{} to {}: message {} already shows this content", method, target, notModifiedMessageId);
            return new SendOutcome.Delivered(notModifiedMessageId);
        }
        log(method, target, outcome, failure);
        return outcome;
    }

    private static <T> T awaitUninterruptibly(CompletableFuture<T> future) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void log(String method, Object target, SendOutcome outcome, Throwable failure) {
        if (outcome instanceof SendOutcome.Delivered delivered) {
            LOG.debug("{} to {} delivered (message {})", method, target, delivered.messageId());
            return;
        }
        if (outcome instanceof SendOutcome.RetryAfter retry) {
            LOG.warn("{} to {}: Telegram asks to retry after {} s", method, target, retry.delay().toSeconds());
        } else if (outcome instanceof SendOutcome.Blocked blocked) {
            LOG.info("{} to {}: chat unavailable: {}", method, target, blocked.reason());
        } else if (outcome instanceof SendOutcome.ChatGone gone) {
            LOG.info("{} to {}: chat gone: {}", method, target, gone.reason());
        } else if (outcome instanceof SendOutcome.Migrated migrated) {
            LOG.info("{} to {}: chat migrated to {}", method, target, migrated.newChatId());
        } else if (outcome instanceof SendOutcome.Rejected rejected) {
            LOG.warn("{} to {} rejected: {} {}", method, target, rejected.errorCode(), rejected.reason());
        } else if (outcome instanceof SendOutcome.Transient transientFailure) {
            LOG.warn("{} to {} failed, retryable: {}", method, target, transientFailure.reason());
        }
        if (failure != null) {
            LOG.debug("{} to {} failure detail", method, target, failure);
        }
    }

    /**
     * getChatMember: the member's status in a group ({@code creator}, {@code administrator}, {@code member},
     * {@code restricted}, {@code left}, {@code kicked}), or empty when Telegram cannot be asked now (logged).
     */
    public Optional<String> chatMemberStatus(long chatId, long userId) {
        String[] status = new String[1];
        var request = org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember.builder()
                .chatId(Long.toString(chatId)).userId(userId).build();
        SendOutcome outcome = call("getChatMember", chatId, () -> client.executeAsync(request),
                (org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember member) -> {
                    status[0] = member.getStatus();
                    return 0L;
                }, null);
        return outcome instanceof SendOutcome.Delivered ? Optional.ofNullable(status[0]) : Optional.empty();
    }

    /** What getChat says about a chat: its numeric id and type, or the outcome that kept Telegram from saying. */
    public record ChatInfo(SendOutcome outcome, long id, String type) {
        public boolean found() {
            return outcome instanceof SendOutcome.Delivered;
        }
    }

    /** getChat by {@code @username} or numeric id (as text): resolves a channel's username to its id. */
    public ChatInfo chatInfo(String chatRef) {
        var request = org.telegram.telegrambots.meta.api.methods.groupadministration.GetChat.builder()
                .chatId(chatRef).build();
        String[] type = new String[1];
        SendOutcome outcome = call("getChat", chatRef, () -> client.executeAsync(request),
                (org.telegram.telegrambots.meta.api.objects.chat.ChatFullInfo chat) -> {
                    type[0] = chat.getType();
                    return chat.getId();
                }, null);
        long id = outcome instanceof SendOutcome.Delivered d ? d.messageId() : 0;
        return new ChatInfo(outcome, id, type[0]);
    }

    /**
     * What a member may do in a chat, as getChatMember says.
     *
     * @param status  creator, administrator, member, restricted, left or kicked; {@code null} if not answered
     * @param canPost for an administrator: may post in a channel (can_post_messages); for others: may send
     */
    public record MemberRights(SendOutcome outcome, String status, boolean canPost) {
    }

    /** getChatMember with the rights that matter for posting there. */
    public MemberRights memberRights(long chatId, long userId) {
        var request = org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember.builder()
                .chatId(Long.toString(chatId)).userId(userId).build();
        String[] status = new String[1];
        boolean[] canPost = new boolean[1];
        SendOutcome outcome = call("getChatMember", chatId, () -> client.executeAsync(request),
                (org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember member) -> {
                    status[0] = member.getStatus();
                    canPost[0] = canPost(member);
                    return 0L;
                }, null);
        return new MemberRights(outcome, status[0], canPost[0]);
    }

    private static boolean canPost(org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember member) {
        if (member instanceof org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberAdministrator a) {
            // can_post_messages is sent for channels only; in a group an administrator may always write
            return a.getCanPostMessages() == null || a.getCanPostMessages();
        }
        if (member instanceof org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberRestricted r) {
            return Boolean.TRUE.equals(r.getCanSendMessages());
        }
        return "creator".equals(member.getStatus()) || "member".equals(member.getStatus());
    }
}
