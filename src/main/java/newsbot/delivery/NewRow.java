package newsbot.delivery;

import java.time.Instant;

/** A row to enqueue; (chatId, kind, refId, part) is its unique key, so enqueueing it again changes nothing. */
public record NewRow(long chatId, DeliveryKind kind, long refId, int part, Request request, Manner manner,
                     Instant notBefore) {
}
