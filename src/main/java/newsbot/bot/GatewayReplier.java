package newsbot.bot;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.Outbox;
import newsbot.delivery.RateLimiter;
import newsbot.store.Database;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;
import newsbot.telegram.TelegramGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * Answers readers at once through the gateway, taking each slot from the same {@link RateLimiter} as the outbox,
 * so replies and pushes together stay within Telegram's limits and a reply waits at most one slot. A reply that
 * fails for a passing reason (5xx, network) is handed to the outbox as a REPLY row instead of being lost.
 */
public final class GatewayReplier implements Replier {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayReplier.class);

    private final TelegramGateway gateway;
    private final RateLimiter limiter;
    private final Database db;
    private final Outbox outbox;
    private final java.time.Clock clock;
    private final AtomicLong replySequence = new AtomicLong();

    public GatewayReplier(TelegramGateway gateway, RateLimiter limiter, Database db, Outbox outbox,
                          java.time.Clock clock) {
        this.gateway = gateway;
        this.limiter = limiter;
        this.db = db;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public SendOutcome send(OutgoingMessage message) {
        SendOutcome outcome = paced(message.chatId(), () -> gateway.send(message));
        if (outcome instanceof SendOutcome.Transient || outcome instanceof SendOutcome.RetryAfter) {
            keepForLater(message);
        }
        return logged("reply", message.chatId(), outcome);
    }

    @Override
    public SendOutcome edit(long chatId, int messageId, String html, InlineKeyboardMarkup keyboard) {
        return logged("edit", chatId, paced(chatId, () -> gateway.edit(chatId, messageId, html, keyboard)));
    }

    @Override
    public SendOutcome editKeyboard(long chatId, int messageId, InlineKeyboardMarkup keyboard) {
        return logged("keyboard edit", chatId, paced(chatId, () -> gateway.editKeyboard(chatId, messageId, keyboard)));
    }

    @Override
    public SendOutcome sendPhoto(long chatId, byte[] png, String fileName, String captionHtml) {
        return logged("photo", chatId, paced(chatId, () -> gateway.sendPhoto(chatId, png, fileName, captionHtml)));
    }

    @Override
    public void answerCallback(String callbackQueryId, String text) {
        // Callback answers are not chat messages: Telegram does not count them against the send limits.
        gateway.answerCallback(callbackQueryId, text);
    }

    private SendOutcome paced(long chatId, Supplier<SendOutcome> call) {
        try {
            limiter.awaitSlot(chatId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Transient("interrupted while waiting for a send slot");
        }
        SendOutcome outcome = call.get();
        if (outcome instanceof SendOutcome.RetryAfter retry) {
            limiter.pause(retry.delay());
        }
        return outcome;
    }

    private void keepForLater(OutgoingMessage message) {
        if (message.keyboard() != null) {
            // The outbox stores text only; a keyboard reply is better repeated by the reader than sent without it.
            return;
        }
        // Unique per reply: milliseconds scaled up plus a sequence, so two replies in one millisecond differ.
        long refId = clock.millis() * 1000 + replySequence.getAndIncrement() % 1000;
        db.useTransaction(h -> outbox.enqueue(h, message.chatId(), DeliveryKind.REPLY, refId, message.html(),
                message.silent(), message.linkPreview(), clock.instant()));
        outbox.wake();
        LOG.info("reply to chat {} queued for retry", message.chatId());
    }

    private static SendOutcome logged(String what, long chatId, SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Rejected rejected) {
            LOG.error("{} to chat {} rejected by Telegram: {}", what, chatId, rejected.reason());
        } else if (!(outcome instanceof SendOutcome.Delivered)) {
            LOG.info("{} to chat {} not delivered now: {}", what, chatId, outcome);
        }
        return outcome;
    }
}
