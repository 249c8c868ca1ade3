package newsbot.store;

import java.time.Instant;

/**
 * One row of the {@code corrections} table: an editor's fix or withdrawal of a sent broadcast or breaking alert.
 *
 * @param action       {@code correct} or {@code retract}
 * @param targetKind   BROADCAST or BREAKING: the outbox kind of the copies acted on
 * @param targetRef    the broadcast's id or the article's id (the copies' ref_id)
 * @param content      the target's content: {@code html} (edited as text), a media kind (edited as caption), poll
 * @param text         the corrected HTML, or {@code null} for a retraction
 * @param notice       a retraction's one-line notice to readers who got the original, or {@code null}
 * @param state        DRAFT, RUNNING, PAUSED, DONE or CANCELLED
 * @param fence        the target's last outbox row id at confirmation, or {@code null} before
 * @param queued       the target's rows still queued at confirmation (replaced or cancelled)
 * @param enqueuedUpto the last target row whose copies have their correction rows, or {@code null}
 */
public record CorrectionRow(
        long id,
        String action,
        String targetKind,
        long targetRef,
        String content,
        String text,
        String notice,
        long editorUserId,
        long editorChatId,
        String language,
        String state,
        Long fence,
        int queued,
        Long enqueuedUpto,
        boolean enqueuedAll,
        Integer previewMessageId,
        Long progressChatId,
        Integer progressMessageId,
        boolean reported,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    public static final String CORRECT = "correct";
    public static final String RETRACT = "retract";

    public boolean isRetraction() {
        return RETRACT.equals(action);
    }

    public boolean isFinished() {
        return "DONE".equals(state) || "CANCELLED".equals(state);
    }

    /** A text broadcast or alert: its copies are edited with editMessageText. */
    public boolean isText() {
        return "html".equals(content);
    }
}
