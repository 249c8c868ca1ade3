package newsbot.bot;

import newsbot.delivery.DeliveryCounters;
import newsbot.delivery.DeliveryTime;
import newsbot.delivery.RateLimiter;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;
import newsbot.telegram.TelegramGateway;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/** A replier over the real gateway whose sends book the limiter the dispatcher uses, as the app's does. */
final class GatewayTestReplier implements Replier {

    private final TelegramGateway gateway;
    private final RateLimiter limiter;
    private final DeliveryTime time;

    GatewayTestReplier(TelegramGateway gateway, RateLimiter limiter, DeliveryCounters counters, DeliveryTime time) {
        this.gateway = gateway;
        this.limiter = limiter;
        this.time = time;
    }

    @Override
    public SendOutcome send(OutgoingMessage message) {
        awaitSlot(message.chatId());
        return gateway.send(message);
    }

    @Override
    public SendOutcome edit(long chatId, int messageId, String html, InlineKeyboardMarkup keyboard) {
        return gateway.edit(chatId, messageId, html, keyboard);
    }

    @Override
    public SendOutcome editKeyboard(long chatId, int messageId, InlineKeyboardMarkup keyboard) {
        return gateway.editKeyboard(chatId, messageId, keyboard);
    }

    @Override
    public SendOutcome sendPhoto(long chatId, byte[] png, String fileName, String captionHtml) {
        awaitSlot(chatId);
        return gateway.sendPhoto(chatId, png, fileName, captionHtml);
    }

    private void awaitSlot(long chatId) {
        try {
            limiter.awaitSlot(chatId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void answerCallback(String callbackQueryId, String text) {
        gateway.answerCallback(callbackQueryId, text);
    }
}
