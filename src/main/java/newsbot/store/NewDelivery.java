package newsbot.store;

import java.time.Instant;

/**
 * A delivery to insert; the unique key is (chatId, kind, refId, part).
 *
 * @param replyMarkup an inline keyboard as Bot API JSON, or {@code null} for none
 */
public record NewDelivery(long chatId, String kind, int priority, long refId, int part, String text,
                          boolean silent, boolean linkPreview, Instant notBefore, String replyMarkup) {

    /** A row without a keyboard: every push. */
    public NewDelivery(long chatId, String kind, int priority, long refId, int part, String text, boolean silent,
                       boolean linkPreview, Instant notBefore) {
        this(chatId, kind, priority, refId, part, text, silent, linkPreview, notBefore, null);
    }
}
