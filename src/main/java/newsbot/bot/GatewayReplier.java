package newsbot.bot;

import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;
import newsbot.telegram.TelegramGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/** Answers readers straight through the gateway; a reader who blocked the bot meanwhile is marked so. */
public final class GatewayReplier implements Replier {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayReplier.class);

    private final TelegramGateway gateway;
    private final ReplyPacing pacing;

    public GatewayReplier(TelegramGateway gateway, ReplyPacing pacing) {
        this.gateway = gateway;
        this.pacing = pacing;
    }

    @Override
    public SendOutcome send(OutgoingMessage message) {
        return logged("reply", message.chatId(), paced(message.chatId(), () -> gateway.send(message)));
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
    public void answerCallback(String callbackQueryId, String text) {
        // Callback answers are not messages in a chat: Telegram does not count them against the send limits.
        gateway.answerCallback(callbackQueryId, text);
    }

    private SendOutcome paced(long chatId, java.util.function.Supplier<SendOutcome> call) {
        SendOutcome outcome = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            pacing.awaitSlot(chatId);
            outcome = call.get();
            if (outcome instanceof SendOutcome.RetryAfter retry) {
                pacing.pause(retry.delay());
                continue;
            }
            return outcome;
        }
        return outcome;
    }

    private static SendOutcome logged(String what, long chatId, SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Rejected rejected) {
            LOG.error("{} to chat {} rejected by Telegram: {}", what, chatId, rejected.reason());
        } else if (!(outcome instanceof SendOutcome.Delivered)) {
            LOG.info("{} to chat {} not delivered: {}", what, chatId, outcome);
        }
        return outcome;
    }

    /** Takes a slot from the limiter the outbox also uses, so replies and pushes together respect Telegram's limits. */
    public interface ReplyPacing {
        void awaitSlot(long chatId);

        void pause(java.time.Duration delay);
    }
}
