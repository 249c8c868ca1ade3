package newsbot.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQL for the {@code corrections} table (its own columns; the state part is {@link CampaignTable#CORRECTIONS}).
 * Changes are conditional UPDATEs, as for broadcasts, so a double press acts once.
 */
public final class CorrectionsRepo {

    private static final CampaignTable TABLE = CampaignTable.CORRECTIONS;
    private static final String COLUMNS = Campaign.COLUMNS + ", action, target_kind, target_ref, content, text, "
            + "notice, fence, queued";

    /** A new draft: who asked, what kind (CORRECTION or RETRACTION), of what, and its body. */
    public record NewCorrection(CampaignKind kind, Campaign.Editor editor, CorrectionRow.Target target, String body) {
    }

    public CampaignTable table() {
        return TABLE;
    }

    public long insertDraft(Handle h, NewCorrection d, Instant now) {
        boolean retract = d.kind() == CampaignKind.RETRACTION;
        return h.createUpdate("INSERT INTO corrections (action, target_kind, target_ref, content, text, notice, "
                        + "editor_user_id, editor_chat_id, language, state, created_at) VALUES (:action, :kind, :ref, "
                        + ":content, :text, :notice, :user, :chat, :lang, :state, :now)")
                .bind("action", d.kind().stored())
                .bind("kind", d.target().kind().name())
                .bind("ref", d.target().ref())
                .bind("content", d.target().content())
                .bind("text", retract ? null : d.body())
                .bind("notice", retract && !d.body().isEmpty() ? d.body() : null)
                .bind("user", d.editor().userId())
                .bind("chat", d.editor().chatId())
                .bind("lang", d.editor().language())
                .bind("state", CampaignState.DRAFT.name())
                .bind("now", now.toEpochMilli())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    public Optional<CorrectionRow> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM corrections WHERE id = :id")
                .bind("id", id)
                .map(CorrectionsRepo::map)
                .findOne();
    }

    /** The correction or retraction of this target that is sending or paused, if any. */
    public Optional<CorrectionRow> activeFor(Handle h, CorrectionRow.TargetKind kind, long targetRef) {
        return h.createQuery("SELECT " + COLUMNS + " FROM corrections WHERE target_kind = :kind AND target_ref = :ref "
                        + "AND state IN ('RUNNING', 'PAUSED') ORDER BY id LIMIT 1")
                .bind("kind", kind.name())
                .bind("ref", targetRef)
                .map(CorrectionsRepo::map)
                .findOne();
    }

    /** A retraction of this target that was confirmed (sending, paused or done), if any. */
    public Optional<CorrectionRow> retractionOf(Handle h, CorrectionRow.TargetKind kind, long targetRef) {
        return h.createQuery("SELECT " + COLUMNS + " FROM corrections WHERE target_kind = :kind AND target_ref = :ref "
                        + "AND action = :retract AND state IN ('RUNNING', 'PAUSED', 'DONE') ORDER BY id LIMIT 1")
                .bind("kind", kind.name())
                .bind("ref", targetRef)
                .bind("retract", CampaignKind.RETRACTION.stored())
                .map(CorrectionsRepo::map)
                .findOne();
    }

    /** The text of the latest confirmed correction of this target, if any: what readers should get from now on. */
    public Optional<String> correctedText(Handle h, CorrectionRow.TargetKind kind, long targetRef) {
        return h.createQuery("SELECT text FROM corrections WHERE target_kind = :kind AND target_ref = :ref "
                        + "AND action = :correct AND state IN ('RUNNING', 'PAUSED', 'DONE') ORDER BY id DESC LIMIT 1")
                .bind("kind", kind.name())
                .bind("ref", targetRef)
                .bind("correct", CampaignKind.CORRECTION.stored())
                .mapTo(String.class)
                .findOne();
    }

    /**
     * {@code from} (DRAFT, or AWAITING_APPROVAL once approved) → RUNNING for exactly one caller, and only while no
     * other correction of the same target is sending or paused: two corrections racing over the same copies would
     * edit each copy twice, in either order.
     */
    public boolean start(Handle h, long id, long fence, Instant now, CampaignState from) {
        if (!from.next().contains(CampaignState.RUNNING)) {
            throw new IllegalArgumentException("a correction cannot start from " + from);
        }
        return h.createUpdate("UPDATE corrections SET state = :running, started_at = :now, fence = :fence "
                        + "WHERE id = :id AND state = :draft AND NOT EXISTS (SELECT 1 FROM "
                        + "corrections o WHERE o.target_kind = corrections.target_kind AND o.target_ref = "
                        + "corrections.target_ref AND o.state IN ('RUNNING', 'PAUSED') AND o.id <> corrections.id)")
                .bind("running", CampaignState.RUNNING.name())
                .bind("draft", from.name())
                .bind("now", now.toEpochMilli())
                .bind("fence", fence)
                .bind("id", id)
                .execute() == 1;
    }

    /** How many of the target's rows were still queued when it started (replaced or cancelled). */
    public void setQueued(Handle h, long id, int queued) {
        h.createUpdate("UPDATE corrections SET queued = :queued WHERE id = :id")
                .bind("queued", queued)
                .bind("id", id)
                .execute();
    }

    /** The latest confirmed corrections and retractions (drafts are left out), newest first. */
    public List<CorrectionRow> recent(Handle h, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM corrections WHERE started_at IS NOT NULL "
                        + "ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .map(CorrectionsRepo::map)
                .list();
    }

    /** Corrections and retractions confirmed since {@code since}. */
    public List<CorrectionRow> startedSince(Handle h, Instant since) {
        return h.createQuery("SELECT " + COLUMNS + " FROM corrections WHERE started_at >= :since ORDER BY id")
                .bind("since", since.toEpochMilli())
                .map(CorrectionsRepo::map)
                .list();
    }

    private static CorrectionRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        CampaignKind kind = CampaignKind.ofAction(rs.getString("action"));
        String body = kind == CampaignKind.RETRACTION ? rs.getString("notice") : rs.getString("text");
        return new CorrectionRow(Campaign.map(rs, kind),
                new CorrectionRow.Target(CorrectionRow.TargetKind.valueOf(rs.getString("target_kind")),
                        rs.getLong("target_ref"), rs.getString("content")),
                body == null ? "" : body, Rows.nullableLong(rs, "fence"), rs.getInt("queued"));
    }
}
