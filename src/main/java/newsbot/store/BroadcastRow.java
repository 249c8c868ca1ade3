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
 * @param content           {@code html} (the text, by sendMessage) or what the copied message is: photo, album...
 * @param sourceChatId      for copies: the editor's chat holding the message, else {@code null}
 * @param sourceMessageIds  for copies: "12" or "12,13,14" (an album), else {@code null}
 * @param buttonText        the link button's label, or {@code null} for none
 * @param pin               pin the message in readers' chats once delivered
 * @param paid              sent fast, as paid messages (allow_paid_broadcast) within the daily budget
 * @param scheduledAt       a draft starts by itself then; {@code null}: on Send only
 * @param scheduleZone      the editor's time zone the schedule was given in, or {@code null}
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
        Instant finishedAt,
        String content,
        Long sourceChatId,
        String sourceMessageIds,
        String buttonText,
        String buttonUrl,
        boolean pin,
        boolean paid,
        Instant scheduledAt,
        String scheduleZone) {

    public static final String HTML = "html";

    public boolean isCopy() {
        return !HTML.equals(content);
    }

    public boolean isScheduledDraft() {
        return "DRAFT".equals(state) && scheduledAt != null;
    }

    public boolean isFinished() {
        return "DONE".equals(state) || "CANCELLED".equals(state);
    }
}
