package newsbot.store;

import java.time.Instant;

/**
 * A delivery to insert; the unique key is (chatId, kind, refId, part).
 *
 * @param replyMarkup an inline keyboard as Bot API JSON, or {@code null} for none
 * @param threadId    a reply's forum topic, or {@code null} (a push goes to its chat's chosen topic)
 * @param operation   what the row does: sendMessage with the text for all but copies, pins and corrections
 */
public record NewDelivery(long chatId, String kind, int priority, long refId, int part, String text,
                          boolean silent, boolean linkPreview, Instant notBefore, String replyMarkup,
                          Integer threadId, Operation operation) {

    public NewDelivery(long chatId, String kind, int priority, long refId, int part, String text, boolean silent,
                       boolean linkPreview, Instant notBefore, String replyMarkup, Integer threadId) {
        this(chatId, kind, priority, refId, part, text, silent, linkPreview, notBefore, replyMarkup, threadId,
                Operation.SEND_TEXT);
    }

    public NewDelivery(long chatId, String kind, int priority, long refId, int part, String text, boolean silent,
                       boolean linkPreview, Instant notBefore, String replyMarkup) {
        this(chatId, kind, priority, refId, part, text, silent, linkPreview, notBefore, replyMarkup, null);
    }

    /** A row without a keyboard: every push. */
    public NewDelivery(long chatId, String kind, int priority, long refId, int part, String text, boolean silent,
                       boolean linkPreview, Instant notBefore) {
        this(chatId, kind, priority, refId, part, text, silent, linkPreview, notBefore, null);
    }
}
