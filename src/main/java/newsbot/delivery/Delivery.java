package newsbot.delivery;

import java.time.Instant;
import java.util.List;

/**
 * One row of the outbox as stored: where it goes, what it asks, how, where it stands, and what Telegram made.
 *
 * @param progress where the row stands
 * @param sent     what delivery made, meaningful once {@code progress.state()} is SENT
 */
public record Delivery(long id, long chatId, DeliveryKind kind, long refId, int part, Request request, Manner manner,
                       Progress progress, Sent sent) {

    /** Where a row stands: {@code lastError} is null unless an attempt failed or it was cancelled for a reason. */
    public record Progress(DeliveryState state, int attempts, Instant notBefore, String lastError, Instant createdAt) {
    }

    /**
     * What was delivered: the messages Telegram made (none for pins, edits and deletes, and none known when its
     * answer could not be read), when, and whether it went paid. {@code at} is null while not sent.
     */
    public record Sent(List<Long> messageIds, Instant at, boolean paid) {
        static final Sent NOT_YET = new Sent(List.of(), null, false);

        public Sent {
            messageIds = List.copyOf(messageIds);
        }
    }

    public DeliveryState state() {
        return progress.state();
    }

    public boolean isPending() {
        return progress.state() == DeliveryState.PENDING;
    }

    public int attempts() {
        return progress.attempts();
    }

    /** Why the last attempt failed or the row was cancelled; null if nothing went wrong. */
    public String lastError() {
        return progress.lastError();
    }

    /** The message Telegram made (an album's first), or null while not sent or when it made none. */
    public Long telegramMessageId() {
        return sent.messageIds().isEmpty() ? null : sent.messageIds().get(0);
    }

    public Instant sentAt() {
        return sent.at();
    }

    public Instant notBefore() {
        return progress.notBefore();
    }

    public boolean silent() {
        return manner.sound() == Manner.Sound.SILENT;
    }

    /** The HTML the row sends or edits to. */
    public String text() {
        return request.html();
    }

    Priority priority() {
        return kind.priority();
    }
}
