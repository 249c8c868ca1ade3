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
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.ArrayList;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChat;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.chat.ChatFullInfo;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberAdministrator;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberRestricted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.CopyMessages;
import org.telegram.telegrambots.meta.api.methods.pinnedmessages.PinChatMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageCaption;
import org.telegram.telegrambots.meta.api.objects.MessageId;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.send.SendRichMessage;
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
    private final AtomicBoolean unreadSaid = new AtomicBoolean();

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
                (Message m) -> new SendOutcome.Sent.Message(m.getMessageId()));
    }

    @Override
    public SendOutcome perform(Outgoing call) {
        return call.accept(new Outgoing.Calls<>() {
            @Override
            public SendOutcome message(OutgoingMessage m) {
                return send(m);
            }

            @Override
            public SendOutcome copy(Outgoing.Copy c) {
                return c.album() ? copyAlbum(c) : copyOne(c);
            }

            @Override
            public SendOutcome pin(Outgoing.Pin p) {
                return TelegramGateway.this.pin(p.chatId(), p.messageId());
            }

            @Override
            public SendOutcome editText(Outgoing.EditText e) {
                return edit(e.chatId(), e.messageId(), e.html(), e.keyboard());
            }

            @Override
            public SendOutcome editCaption(Outgoing.EditCaption e) {
                return TelegramGateway.this.editCaption(e.chatId(), e.messageId(), e.html(), e.keyboard());
            }

            @Override
            public SendOutcome delete(Outgoing.Delete d) {
                return deleteMessage(d.chatId(), d.messageId());
            }

            @Override
            public SendOutcome rich(Outgoing.Rich r) {
                return sendRich(r);
            }
        });
    }

    /** sendRichMessage: the document as blocks ({@link RichMessages}); Delivered carries the new message id. */
    private SendOutcome sendRich(Outgoing.Rich r) {
        SendRichMessage request = RichMessages.message(r.chatId(), r.document());
        request.setDisableNotification(r.silent());
        request.setMessageThreadId(r.threadId());
        return call("sendRichMessage", r.chatId(), () -> client.executeAsync(request),
                (Message m) -> new SendOutcome.Sent.Message(m.getMessageId()));
    }

    /** copyMessage: the editor's message as it is (media, formatting, poll), with an optional keyboard. */
    private SendOutcome copyOne(Outgoing.Copy c) {
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
                (MessageId id) -> new SendOutcome.Sent.Message(id.getMessageId()));
    }

    /** copyMessages: an album stays an album; Delivered names its copies in order. */
    private SendOutcome copyAlbum(Outgoing.Copy c) {
        CopyMessages request = CopyMessages.builder()
                .chatId(c.chatId())
                .fromChatId(c.fromChatId())
                .messageIds(c.messageIds())
                .disableNotification(c.silent())
                .messageThreadId(c.threadId())
                .build();
        return call("copyMessages", c.chatId(), () -> client.executeAsync(request),
                (ArrayList<MessageId> ids) -> ids.isEmpty() ? SendOutcome.Sent.DONE
                        : new SendOutcome.Sent.Album(ids.stream().map(MessageId::getMessageId).toList()));
    }

    /** pinChatMessage without a notification. */
    public SendOutcome pin(long chatId, int messageId) {
        PinChatMessage request = PinChatMessage.builder()
                .chatId(chatId)
                .messageId(messageId)
                .disableNotification(true)
                .build();
        return call("pinChatMessage", chatId, () -> client.executeAsync(request), (Boolean ignored) -> SendOutcome.Sent.DONE);
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
        return edited(call("editMessageCaption", chatId, () -> client.executeAsync(request),
                (Serializable ignored) -> SendOutcome.Sent.DONE));
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
        return edited(call("editMessageText", chatId, () -> client.executeAsync(request),
                (Serializable ignored) -> SendOutcome.Sent.DONE));
    }

    /** editMessageReplyMarkup; {@code null} removes the keyboard. Identical markup counts as delivered. */
    public SendOutcome editKeyboard(long chatId, int messageId, InlineKeyboardMarkup keyboardOrNull) {
        EditMessageReplyMarkup request = EditMessageReplyMarkup.builder()
                .chatId(chatId)
                .messageId(messageId)
                .replyMarkup(keyboardOrNull)
                .build();
        return edited(call("editMessageReplyMarkup", chatId, () -> client.executeAsync(request),
                (Serializable ignored) -> SendOutcome.Sent.DONE));
    }

    /** An edit to what the message already shows did what was asked. */
    private static SendOutcome edited(SendOutcome outcome) {
        return outcome instanceof SendOutcome.NotModified ? SendOutcome.Delivered.done() : outcome;
    }

    /** answerCallbackQuery, optionally with a toast text (≤ 200 characters). */
    public SendOutcome answerCallback(String callbackQueryId, String textOrNull) {
        return answer(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).text(textOrNull).build());
    }

    /** answerCallbackQuery opening {@code url} (a t.me link to this bot with a start parameter). */
    public SendOutcome answerCallbackWithUrl(String callbackQueryId, String url) {
        return answer(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).url(url).build());
    }

    private SendOutcome answer(AnswerCallbackQuery request) {
        return call("answerCallbackQuery", "query " + request.getCallbackQueryId(), () -> client.executeAsync(request),
                (Boolean ignored) -> SendOutcome.Sent.DONE);
    }

    /** sendPhoto with an uploaded PNG and an optional HTML caption (≤ 1024 characters). */
    public SendOutcome sendPhoto(long chatId, byte[] png, String fileName, String captionHtml) {
        SendPhoto request = SendPhoto.builder()
                .chatId(chatId)
                .photo(new InputFile(new ByteArrayInputStream(png), fileName))
                .caption(captionHtml)
                .parseMode(captionHtml == null ? null : ParseMode.HTML)
                .build();
        return call("sendPhoto", chatId, () -> client.executeAsync(request),
                (Message m) -> new SendOutcome.Sent.Message(m.getMessageId()));
    }

    /** sendDocument with an uploaded file (a reader's /mydata) and an optional HTML caption (≤ 1024 characters). */
    public SendOutcome sendDocument(long chatId, byte[] content, String fileName, String captionHtml) {
        SendDocument request = SendDocument.builder()
                .chatId(chatId)
                .document(new InputFile(new ByteArrayInputStream(content), fileName))
                .caption(captionHtml)
                .parseMode(captionHtml == null ? null : ParseMode.HTML)
                .build();
        return call("sendDocument", chatId, () -> client.executeAsync(request),
                (Message m) -> new SendOutcome.Sent.Message(m.getMessageId()));
    }

    /**
     * answerInlineQuery with article cards, each with its link buttons.
     *
     * @param cacheSeconds how long Telegram may show the same answer to the same query
     * @param personal     whether the answer is only for the user who asked (cached per user)
     */
    public SendOutcome answerInlineQuery(String queryId, List<InlineArticle> articles, int cacheSeconds,
                                         boolean personal) {
        List<InlineQueryResultArticle> results = new ArrayList<>(articles.size());
        for (InlineArticle a : articles) {
            InlineKeyboardRow row = new InlineKeyboardRow();
            if (!a.siteUrl().isEmpty()) {
                row.add(urlButton(a.siteLabel(), a.siteUrl()));
            }
            if (!a.botUrl().isEmpty()) {
                row.add(urlButton(a.botLabel(), a.botUrl()));
            }
            results.add(InlineQueryResultArticle.builder()
                    .id(a.id())
                    .title(a.title())
                    .description(a.description().isEmpty() ? null : a.description())
                    .inputMessageContent(InputTextMessageContent.builder().messageText(a.html())
                            .parseMode(ParseMode.HTML).build())
                    .replyMarkup(row.isEmpty() ? null : new InlineKeyboardMarkup(List.of(row)))
                    .build());
        }
        AnswerInlineQuery request = AnswerInlineQuery.builder()
                .inlineQueryId(queryId)
                .results(results)
                .cacheTime(cacheSeconds)
                .isPersonal(personal)
                .build();
        return call("answerInlineQuery", "inline", () -> client.executeAsync(request),
                (Boolean ignored) -> SendOutcome.Sent.DONE);
    }

    private static InlineKeyboardButton urlButton(String label, String url) {
        InlineKeyboardButton button = new InlineKeyboardButton(label);
        button.setUrl(url);
        return button;
    }

    /** setMyCommands for one language ({@code null}: the default list). */
    public SendOutcome setCommands(List<BotCommand> commands, String languageCodeOrNull) {
        SetMyCommands request = SetMyCommands.builder()
                .commands(commands)
                .languageCode(languageCodeOrNull)
                .build();
        String target = "commands/" + (languageCodeOrNull == null ? "default" : languageCodeOrNull);
        return call("setMyCommands", target, () -> client.executeAsync(request), (Boolean ignored) -> SendOutcome.Sent.DONE);
    }

    /** deleteMessage; Delivered once it is gone. */
    public SendOutcome deleteMessage(long chatId, int messageId) {
        DeleteMessage request = DeleteMessage.builder().chatId(chatId).messageId(messageId).build();
        return call("deleteMessage", chatId, () -> client.executeAsync(request), (Boolean ignored) -> SendOutcome.Sent.DONE);
    }

    /**
     * getMe as a health probe: Delivered when Telegram answers at all. Logged at debug only, since the sender
     * probes repeatedly during an outage and says so itself, once.
     */
    @Override
    public SendOutcome probe() {
        Answer<User> answer = ask("getMe", "bot", () -> client.executeAsync(new LenientGetMe()), true);
        return answer instanceof Answer.Failed<User> failed ? failed.outcome() : SendOutcome.Delivered.done();
    }

    /**
     * deleteWebhook: long polling works only without a webhook. Delivered once Telegram confirmed; an answer of
     * {@code false} is a refusal. Logged at debug only: the start-up loop retrying it says what is wrong, once.
     */
    public SendOutcome deleteWebhook() {
        Answer<Boolean> answer = ask("deleteWebhook", "bot", () -> client.executeAsync(new DeleteWebhook()), true);
        if (answer instanceof Answer.Got<Boolean> got) {
            return Boolean.TRUE.equals(got.value()) ? SendOutcome.Delivered.done()
                    : new SendOutcome.Rejected(200, "deleteWebhook answered false");
        }
        return ((Answer.Failed<Boolean>) answer).outcome();
    }

    /**
     * getMe: the bot's @username and inline mode, or empty when Telegram cannot be asked right now or did not say (logged). Read
     * leniently: an answer missing fields the library insists on still names the bot.
     */
    public Optional<BotSelf> botSelf() {
        if (!(ask("getMe", "bot", () -> client.executeAsync(new LenientGetMe()), false) instanceof Answer.Got<User> got)) {
            return Optional.empty();
        }
        String name = got.value().getUserName();
        if (name == null || name.isBlank()) {
            LOG.warn("getMe answered without a username: commands addressed to the bot by name are not recognised "
                    + "until it does");
            return Optional.empty();
        }
        return Optional.of(new BotSelf(name, Boolean.TRUE.equals(got.value().getSupportInlineQueries())));
    }

    /** What getMe says of the bot: its @username and whether inline mode is on (@BotFather's /setinline). */
    public record BotSelf(String username, boolean inlineQueries) {
    }

    @FunctionalInterface
    private interface ApiCall<T> {
        CompletableFuture<T> start() throws TelegramApiException;
    }

    /** A call's answer: the library's value, or the outcome that stood in its way. */
    private sealed interface Answer<T> {
        record Got<T>(T value) implements Answer<T> {
        }

        record Failed<T>(SendOutcome outcome) implements Answer<T> {
        }
    }

    /** A call whose answer becomes {@link SendOutcome.Delivered} with what {@code sent} reads from it. */
    private <T> SendOutcome call(String method, Object target, ApiCall<T> call, Function<T, SendOutcome.Sent> sent) {
        Answer<T> answer = ask(method, target, call, false);
        SendOutcome outcome = answer instanceof Answer.Got<T> got ? new SendOutcome.Delivered(sent.apply(got.value()))
                : ((Answer.Failed<T>) answer).outcome();
        if (outcome instanceof SendOutcome.Delivered delivered) {
            LOG.debug("{} to {} delivered: {}", method, target, delivered.sent());
        }
        return outcome;
    }

    private <T> Answer<T> ask(String method, Object target, ApiCall<T> call, boolean quiet) {
        if (Thread.currentThread().isInterrupted()) {
            // Nothing is on the wire yet: better not to start a call we would not wait for.
            LOG.debug("{} to {} not attempted: thread interrupted", method, target);
            return new Answer.Failed<>(new SendOutcome.Transient("interrupted before sending"));
        }
        Throwable failure;
        try {
            return new Answer.Got<>(awaitUninterruptibly(call.start()));
        } catch (ExecutionException e) {
            failure = e.getCause() == null ? e : e.getCause();
        } catch (TelegramApiException e) {
            failure = e;
        } catch (RuntimeException e) {
            // A bug in the library or in our request, not a network or API failure: worth a stack trace.
            LOG.error("{} to {} failed unexpectedly", method, target, e);
            return new Answer.Failed<>(new SendOutcome.Transient("unexpected " + e));
        }
        if (OutcomeMapper.causedByInterrupt(failure)) {
            Thread.currentThread().interrupt();
        }
        SendOutcome outcome = OutcomeMapper.fromFailure(failure);
        if (quiet) {
            LOG.debug("{} failed: {}", method, outcome);
        } else {
            log(method, target, outcome, failure);
        }
        return new Answer.Failed<>(outcome);
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

    private void log(String method, Object target, SendOutcome outcome, Throwable failure) {
        if (outcome instanceof SendOutcome.Delivered d) {
            // a 2xx the client could not read: delivered all the same, said loudly once, then quietly
            if (unreadSaid.compareAndSet(false, true)) {
                LOG.warn("{} to {}: Telegram accepted the call but its answer could not be read ({}); counted as "
                        + "delivered, never sent again; further such answers are logged at debug", method, target,
                        d.sent());
            } else {
                LOG.debug("{} to {}: accepted, answer unreadable: {}", method, target, d.sent());
            }
            return;
        }
        if (outcome instanceof SendOutcome.RetryAfter retry) {
            LOG.warn("{} to {}: Telegram asks to retry after {} s", method, target, retry.delay().toSeconds());
        } else if (outcome instanceof SendOutcome.Migrated migrated) {
            LOG.info("{} to {}: chat migrated to {}", method, target, migrated.newChatId());
        } else if (outcome instanceof SendOutcome.Transient t) {
            LOG.warn("{} to {} failed, retryable: {}", method, target, t.reason());
        } else if (outcome instanceof SendOutcome.Rejected || outcome instanceof SendOutcome.NoRights
                || outcome instanceof SendOutcome.PaidRefused) {
            LOG.warn("{} to {} refused: {}", method, target, outcome);
        } else {
            // a refusal the caller handles as part of its work (blocked, gone, cannot edit or delete, …)
            LOG.info("{} to {}: {}", method, target, outcome);
        }
        LOG.debug("{} to {} failure detail", method, target, failure);
    }

    /**
     * getChatMember: the member's status in a group ({@code creator}, {@code administrator}, {@code member},
     * {@code restricted}, {@code left}, {@code kicked}), or empty when Telegram cannot be asked now (logged).
     */
    public Optional<String> chatMemberStatus(long chatId, long userId) {
        return member(chatId, userId) instanceof Answer.Got<ChatMember> got
                ? Optional.ofNullable(got.value().getStatus()) : Optional.empty();
    }

    /** What getChat says about a chat: its numeric id and type, or the outcome that kept Telegram from saying. */
    public record ChatInfo(SendOutcome outcome, long id, String type) {
        public boolean found() {
            return outcome instanceof SendOutcome.Delivered;
        }
    }

    /** getChat by {@code @username} or numeric id (as text): resolves a channel's username to its id. */
    public ChatInfo chatInfo(String chatRef) {
        GetChat request = GetChat.builder().chatId(chatRef).build();
        Answer<ChatFullInfo> answer = ask("getChat", chatRef, () -> client.executeAsync(request), false);
        if (answer instanceof Answer.Got<ChatFullInfo> got) {
            return new ChatInfo(SendOutcome.Delivered.done(), got.value().getId(), got.value().getType());
        }
        return new ChatInfo(((Answer.Failed<ChatFullInfo>) answer).outcome(), 0, null);
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
        Answer<ChatMember> answer = member(chatId, userId);
        if (answer instanceof Answer.Got<ChatMember> got) {
            return new MemberRights(SendOutcome.Delivered.done(), got.value().getStatus(), canPost(got.value()));
        }
        return new MemberRights(((Answer.Failed<ChatMember>) answer).outcome(), null, false);
    }

    private Answer<ChatMember> member(long chatId, long userId) {
        GetChatMember request = GetChatMember.builder().chatId(Long.toString(chatId)).userId(userId).build();
        return ask("getChatMember", chatId, () -> client.executeAsync(request), false);
    }

    private static boolean canPost(ChatMember member) {
        if (member instanceof ChatMemberAdministrator a) {
            // can_post_messages is sent for channels only; in a group an administrator may always write
            return a.getCanPostMessages() == null || a.getCanPostMessages();
        }
        if (member instanceof ChatMemberRestricted r) {
            return Boolean.TRUE.equals(r.getCanSendMessages());
        }
        return "creator".equals(member.getStatus()) || "member".equals(member.getStatus());
    }
}
