package newsbot.store;

import java.time.Instant;

/** A delivery to insert; the unique key is (chatId, kind, refId, part). */
public record NewDelivery(long chatId, String kind, int priority, long refId, int part, String text,
                          boolean silent, boolean linkPreview, Instant notBefore) {
}
