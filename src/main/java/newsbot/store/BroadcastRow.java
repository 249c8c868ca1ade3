package newsbot.store;

import java.time.Instant;

/**
 * One row of the {@code broadcasts} table.
 *
 * @param text              Telegram HTML, at most 4096 characters
 * @param audience          {@code all}, {@code cat=<slug>} or {@code lang=<ru|en>}
 * @param state             DRAFT, RUNNING, PAUSED, DONE or CANCELLED
 * @param total             readers in the audience (at the preview, then at Send, then exactly what was enqueued)
 * @param enqueuedUpto      the last chat id enqueued, or {@code null} before the first batch
 * @param previewMessageId  the admin's message with the Send / Cancel buttons, or {@code null}
 * @param progressChatId    where the progress message is, or {@code null} before Send
 * @param progressMessageId the progress message, or {@code null} before Send
 */
public record BroadcastRow(
        long id,
        long adminUserId,
        long adminChatId,
        String language,
        String text,
        String audience,
        String state,
        int total,
        Long enqueuedUpto,
        boolean enqueuedAll,
        Integer previewMessageId,
        Long progressChatId,
        Integer progressMessageId,
        boolean reported,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    public boolean isFinished() {
        return "DONE".equals(state) || "CANCELLED".equals(state);
    }
}
