package newsbot.store;

/**
 * One row of the {@code corrections} table, in its parts: an editor's fix or withdrawal of a sent broadcast or
 * breaking alert.
 *
 * @param campaign where it stands; its kind is CORRECTION or RETRACTION
 * @param body     a correction's corrected HTML; a retraction's one-line notice to readers who got the original,
 *                 or "" for none
 * @param fence    the target's last outbox row id at confirmation, or {@code null} before
 * @param queued   the target's rows still queued at confirmation (replaced or cancelled)
 */
public record CorrectionRow(Campaign campaign, Target target, String body, Long fence, int queued)
        implements CampaignRow {

    /** What is corrected: whose copies, and how they are edited. */
    public enum TargetKind { BROADCAST, BREAKING }

    /**
     * @param ref     the broadcast's id or the article's id (the copies' ref_id)
     * @param content {@code html} (edited as text), a media kind (edited as caption), or {@code poll}
     */
    public record Target(TargetKind kind, long ref, String content) {

        /** A text: its copies are edited with editMessageText. */
        public boolean isText() {
            return BroadcastContent.TEXT.equals(content);
        }

        public boolean isPoll() {
            return "poll".equals(content);
        }
    }

    public boolean isRetraction() {
        return campaign.kind() == CampaignKind.RETRACTION;
    }

    /** A retraction's notice, if it has one. */
    public boolean hasNotice() {
        return isRetraction() && !body.isEmpty();
    }
}
