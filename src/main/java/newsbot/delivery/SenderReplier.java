package newsbot.delivery;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import newsbot.telegram.Outgoing;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;
import newsbot.telegram.TelegramGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * Hands every call to the one sender, so callback answers, edits and editors' messages share Telegram's limits
 * with the outbox and never hold up an update handler.
 */
public final class SenderReplier implements Replier {

    private static final Logger LOG = LoggerFactory.getLogger(SenderReplier.class);
    /** An editor's call waits at most this long for the sender; past it, the answer counts as a passing failure. */
    private static final Duration EDITOR_WAIT = Duration.ofMinutes(2);
    private static final int RETRIES_AFTER_429 = 3;

    private final TelegramGateway gateway;
    private final Dispatcher sender;

    public SenderReplier(TelegramGateway gateway, Dispatcher sender) {
        this.gateway = gateway;
        this.sender = sender;
    }

    @Override
    public void editLater(long chatId, int messageId, String html, InlineKeyboardMarkup keyboard) {
        later(chatId, "edit", () -> gateway.edit(chatId, messageId, html, keyboard));
    }

    @Override
    public void editKeyboard(long chatId, int messageId, InlineKeyboardMarkup keyboard) {
        later(chatId, "keyboard edit", () -> gateway.editKeyboard(chatId, messageId, keyboard));
    }

    @Override
    public void answerCallback(String callbackQueryId, String text) {
        // a callback answer concerns no chat's order: chat 0
        sender.submit(DirectCall.of(0, DirectCall.Urgency.CALLBACK_ANSWER, "callback answer",
                () -> gateway.answerCallback(callbackQueryId, text)));
    }

    @Override
    public void answerInline(String inlineQueryId, java.util.List<newsbot.telegram.InlineArticle> results,
                             int cacheSeconds, boolean personal) {
        // an inline answer concerns no chat's order either
        DirectCall call = DirectCall.of(0, DirectCall.Urgency.INLINE_ANSWER, "inline answer",
                () -> gateway.answerInlineQuery(inlineQueryId, results, cacheSeconds, personal));
        call.result().thenAccept(outcome -> logIfNotDelivered("inline answer", 0, outcome));
        sender.submit(call);
    }

    @Override
    public void answerCallbackWithUrl(String callbackQueryId, String url) {
        sender.submit(DirectCall.of(0, DirectCall.Urgency.CALLBACK_ANSWER, "callback answer",
                () -> gateway.answerCallbackWithUrl(callbackQueryId, url)));
    }

    @Override
    public SendOutcome send(OutgoingMessage message) {
        return awaited(message.chatId(), "message", () -> gateway.send(message));
    }

    @Override
    public SendOutcome perform(Outgoing call) {
        int messages = call instanceof Outgoing.Copy copy ? copy.messageIds().size() : 1;
        return awaited(call.chatId(), call.getClass().getSimpleName(), () -> gateway.perform(call), messages);
    }

    @Override
    public SendOutcome edit(long chatId, int messageId, String html, InlineKeyboardMarkup keyboard) {
        return awaited(chatId, "edit", () -> gateway.edit(chatId, messageId, html, keyboard));
    }

    @Override
    public SendOutcome sendPhoto(long chatId, byte[] png, String fileName, String captionHtml) {
        return awaited(chatId, "photo", () -> gateway.sendPhoto(chatId, png, fileName, captionHtml));
    }

    @Override
    public SendOutcome sendDocument(long chatId, byte[] content, String fileName, String captionHtml) {
        return awaited(chatId, "document", () -> gateway.sendDocument(chatId, content, fileName, captionHtml));
    }

    private void later(long chatId, String what, Supplier<SendOutcome> call) {
        DirectCall direct = DirectCall.of(chatId, DirectCall.Urgency.INTERACTIVE, what, call);
        direct.result().thenAccept(outcome -> logIfNotDelivered(what, chatId, outcome));
        sender.submit(direct);
    }

    private SendOutcome awaited(long chatId, String what, Supplier<SendOutcome> call) {
        return awaited(chatId, what, call, 1);
    }

    /**
     * Waits for the call's answer; a 429 (the sender already paused that chat for it) is tried again, a few times,
     * as an editor waiting for their preview would.
     */
    private SendOutcome awaited(long chatId, String what, Supplier<SendOutcome> call, int messages) {
        SendOutcome outcome = awaitedOnce(chatId, what, call, messages);
        for (int i = 0; i < RETRIES_AFTER_429 && outcome instanceof SendOutcome.RetryAfter; i++) {
            outcome = awaitedOnce(chatId, what, call, messages);
        }
        return logIfNotDelivered(what, chatId, outcome);
    }

    private SendOutcome awaitedOnce(long chatId, String what, Supplier<SendOutcome> call, int messages) {
        DirectCall direct = DirectCall.of(chatId, DirectCall.Urgency.INTERACTIVE, what, call, messages);
        sender.submit(direct);
        SendOutcome outcome;
        try {
            outcome = direct.result().get(EDITOR_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = new SendOutcome.Transient("interrupted while waiting for the sender");
        } catch (ExecutionException | TimeoutException e) {
            outcome = new SendOutcome.Transient("no answer from the sender: " + e);
        }
        return outcome;
    }

    private static SendOutcome logIfNotDelivered(String what, long chatId, SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Rejected rejected) {
            LOG.error("{} to chat {} rejected by Telegram: {}", what, chatId, rejected.reason());
        } else if (!(outcome instanceof SendOutcome.Delivered)) {
            LOG.info("{} to chat {} not delivered: {}", what, chatId, outcome);
        }
        return outcome;
    }
}
