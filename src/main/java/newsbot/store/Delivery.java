package newsbot.store;

import java.time.Instant;

/**
 * One row of the {@code deliveries} outbox.
 *
 * @param kind              REPLY, BREAKING, DIGEST or BROADCAST
 * @param state             PENDING, SENT, FAILED or CANCELLED
 * @param lastError         why the last attempt failed, or {@code null}
 * @param telegramMessageId the id Telegram gave the sent message, or {@code null} while not sent
 * @param sentAt            when Telegram accepted it, or {@code null}
 * @param replyMarkup       the inline keyboard as Bot API JSON, or {@code null} for none
 * @param threadId          the forum topic the chat's pushes go to, or {@code null}
 * @param operation         what the row does with Telegram
 * @param sentPaid          it went out as a paid message
 * @param moreMessageIds    an album copy's other message ids ("13,14"), or {@code null}
 */
public record Delivery(
        long id,
        long chatId,
        String kind,
        long refId,
        int part,
        String text,
        boolean silent,
        boolean linkPreview,
        int priority,
        String state,
        int attempts,
        Instant notBefore,
        String lastError,
        Long telegramMessageId,
        Instant createdAt,
        Instant sentAt,
        String replyMarkup,
        Integer threadId,
        Operation operation,
        boolean sentPaid,
        String moreMessageIds) {

    public boolean isPending() {
        return "PENDING".equals(state);
    }
}
