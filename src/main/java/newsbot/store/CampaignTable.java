package newsbot.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The columns every campaign table shares ({@link Campaign}) and the SQL over them: moves between states, the
 * editor's messages, the enqueuer's cursor, the report. The table name is one of these two constants, never input.
 * Every move is a conditional UPDATE from the states {@link CampaignState} allows, so a double press, two editors
 * or a press racing the monitor act once.
 */
public enum CampaignTable {
    BROADCASTS("broadcasts"),
    CORRECTIONS("corrections");

    private final String name;

    CampaignTable(String name) {
        this.name = name;
    }

    /** The state part of every campaign of this table the monitor must look at: active, or finished unreported. */
    public List<Campaign> unfinishedOrUnreported(Handle h) {
        return h.createQuery("SELECT " + Campaign.COLUMNS + kindColumn() + " FROM " + name
                        + " WHERE state IN ('RUNNING', 'PAUSED') OR (state IN ('DONE', 'CANCELLED') AND reported = 0 "
                        + "AND progress_message_id IS NOT NULL) ORDER BY id")
                .map((rs, ctx) -> Campaign.map(rs, kindOf(rs.getString("kind_name"))))
                .list();
    }

    /** The state part of one campaign. */
    public Optional<Campaign> find(Handle h, long id) {
        return h.createQuery("SELECT " + Campaign.COLUMNS + kindColumn() + " FROM " + name + " WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> Campaign.map(rs, kindOf(rs.getString("kind_name"))))
                .findOne();
    }

    /**
     * Moves to {@code to} only if it still is in one of {@code from}, each of which must be allowed to reach it
     * ({@link CampaignState#next}), stamping the start and the end; true when it did.
     */
    public boolean move(Handle h, long id, Set<CampaignState> from, CampaignState to, Instant now) {
        for (CampaignState f : from) {
            if (!f.next().contains(to)) {
                throw new IllegalArgumentException("a campaign cannot move from " + f + " to " + to);
            }
        }
        String stamps = (to == CampaignState.RUNNING ? ", started_at = COALESCE(started_at, :now)" : "")
                + (to.isFinished() ? ", finished_at = :now" : "");
        return h.createUpdate("UPDATE " + name + " SET state = :to" + stamps + " WHERE id = :id AND state IN (<from>)")
                .bind("to", to.name())
                .bind("now", now.toEpochMilli())
                .bind("id", id)
                .bindList("from", from.stream().map(Enum::name).toList())
                .execute() == 1;
    }

    /** The editor's message with the buttons, and the one showing what readers will see (or {@code null}). */
    public void setDraftMessages(Handle h, long id, int control, Integer preview) {
        h.createUpdate("UPDATE " + name + " SET control_message_id = :control, preview_message_id = :preview "
                        + "WHERE id = :id")
                .bind("control", control)
                .bind("preview", preview)
                .bind("id", id)
                .execute();
    }

    public void setProgressMessage(Handle h, long id, Campaign.ChatMessage at) {
        h.createUpdate("UPDATE " + name + " SET progress_chat_id = :chat, progress_message_id = :msg WHERE id = :id")
                .bind("chat", at.chatId())
                .bind("msg", at.messageId())
                .bind("id", id)
                .execute();
    }

    public void markReported(Handle h, long id) {
        h.createUpdate("UPDATE " + name + " SET reported = 1 WHERE id = :id").bind("id", id).execute();
    }

    /** Records a batch: items up to {@code upto} are done ({@code null}: none this time), and whether all are. */
    public void advance(Handle h, long id, Campaign.Cursor cursor) {
        h.createUpdate("UPDATE " + name + " SET enqueued_upto = COALESCE(:upto, enqueued_upto), enqueued_all = :all "
                        + "WHERE id = :id")
                .bind("upto", cursor.upto())
                .bind("all", cursor.complete() ? 1 : 0)
                .bind("id", id)
                .execute();
    }

    private String kindColumn() {
        return this == BROADCASTS ? ", NULL AS kind_name" : ", action AS kind_name";
    }

    private CampaignKind kindOf(String stored) {
        return this == BROADCASTS ? CampaignKind.BROADCAST : CampaignKind.ofAction(stored);
    }
}
