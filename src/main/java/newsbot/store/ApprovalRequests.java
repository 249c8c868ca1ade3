package newsbot.store;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The cards asking admins to approve a campaign ({@code approval_requests}): which campaign a card is about, so that
 * {@code /reject <reason>} in reply to one finds it.
 */
public final class ApprovalRequests {

    /** A campaign of one of the two tables. */
    public record Ref(CampaignTable table, long id) {
    }

    public void add(Handle h, Campaign.ChatMessage card, Ref ref) {
        h.createUpdate("INSERT INTO approval_requests (chat_id, message_id, campaign_table, campaign_id) "
                        + "VALUES (:chat, :msg, :table, :id)")
                .bind("chat", card.chatId())
                .bind("msg", card.messageId())
                .bind("table", ref.table().name())
                .bind("id", ref.id())
                .execute();
    }

    public Optional<Ref> find(Handle h, long chatId, int messageId) {
        return h.createQuery("SELECT campaign_table, campaign_id FROM approval_requests "
                        + "WHERE chat_id = :chat AND message_id = :msg")
                .bind("chat", chatId)
                .bind("msg", messageId)
                .map((rs, ctx) -> new Ref(CampaignTable.valueOf(rs.getString("campaign_table")),
                        rs.getLong("campaign_id")))
                .findOne();
    }
}
