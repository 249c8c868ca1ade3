package newsbot.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Where a campaign stands: the part every kind shares, read from the same columns of {@code broadcasts} and
 * {@code corrections}. What the campaign sends is the kind's own row ({@link BroadcastRow}, {@link CorrectionRow}).
 *
 * @param reported the final report was shown (or could not be): the board is done with it
 */
public record Campaign(CampaignKind kind, long id, CampaignState state, Editor editor, Messages messages,
                       Cursor cursor, boolean reported, Timeline times) {

    /** The editor who made it, their chat and language (of its preview, progress and report). */
    public record Editor(long userId, long chatId, String language) {
    }

    /** A message in a chat. */
    public record ChatMessage(long chatId, int messageId) {
    }

    /**
     * The editor's messages about it, each {@code null} until it exists.
     *
     * @param control  the message with the buttons (Send / Confirm, Cancel…) in the editor's chat
     * @param preview  the message as readers see it, above the control message, in the editor's chat
     * @param progress the progress message that ends as the report
     */
    public record Messages(Integer control, Integer preview, ChatMessage progress) {

        /** Whether {@code messageId} in {@code chatId} is the control message. */
        public boolean isControl(long editorChat, long chatId, int messageId) {
            return control != null && chatId == editorChat && control == messageId;
        }
    }

    /** How far the enqueuer got: the last item done ({@code null} before the first batch), and whether all are. */
    public record Cursor(Long upto, boolean complete) {
    }

    /** When it was made, started ({@code null} before) and finished ({@code null} before). */
    public record Timeline(Instant created, Instant started, Instant finished) {
    }

    public boolean isFinished() {
        return state.isFinished();
    }

    /** The columns {@link #map} reads, the same in both tables. */
    static final String COLUMNS = "id, state, editor_user_id, editor_chat_id, language, control_message_id, "
            + "preview_message_id, progress_chat_id, progress_message_id, enqueued_upto, enqueued_all, reported, "
            + "created_at, started_at, finished_at";

    static Campaign map(ResultSet rs, CampaignKind kind) throws SQLException {
        Long progressChat = Rows.nullableLong(rs, "progress_chat_id");
        Integer progressMessage = Rows.nullableInt(rs, "progress_message_id");
        return new Campaign(kind, rs.getLong("id"), CampaignState.valueOf(rs.getString("state")),
                new Editor(rs.getLong("editor_user_id"), rs.getLong("editor_chat_id"), rs.getString("language")),
                new Messages(Rows.nullableInt(rs, "control_message_id"), Rows.nullableInt(rs, "preview_message_id"),
                        progressChat == null || progressMessage == null ? null
                                : new ChatMessage(progressChat, progressMessage)),
                new Cursor(Rows.nullableLong(rs, "enqueued_upto"), rs.getInt("enqueued_all") == 1),
                rs.getInt("reported") == 1,
                new Timeline(Instant.ofEpochMilli(rs.getLong("created_at")), Rows.nullableInstant(rs, "started_at"),
                        Rows.nullableInstant(rs, "finished_at")));
    }
}
