package newsbot.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * SQL for {@code media_groups}: the messages of albums editors sent the bot. Telegram delivers an album as separate
 * messages sharing a media_group_id, and a reply names only one of them.
 */
public final class MediaGroups {

    /** Remembers one message of an album; true when it is the first one seen of that album. */
    public boolean add(Handle h, long chatId, String mediaGroupId, int messageId, Instant now) {
        h.createUpdate("INSERT INTO media_groups (chat_id, media_group_id, message_id, created_at) "
                        + "VALUES (:chat, :group, :msg, :now) ON CONFLICT DO NOTHING")
                .bind("chat", chatId)
                .bind("group", mediaGroupId)
                .bind("msg", messageId)
                .bind("now", now.toEpochMilli())
                .execute();
        return messageIds(h, chatId, mediaGroupId).size() == 1;
    }

    /** The album's message ids in order. */
    public List<Integer> messageIds(Handle h, long chatId, String mediaGroupId) {
        return h.createQuery("SELECT message_id FROM media_groups WHERE chat_id = :chat AND media_group_id = :group "
                        + "ORDER BY message_id")
                .bind("chat", chatId)
                .bind("group", mediaGroupId)
                .mapTo(Integer.class)
                .list();
    }

    /** Forgets albums older than {@code before}; returns how many messages were forgotten. */
    public int pruneBefore(Handle h, Instant before) {
        return h.createUpdate("DELETE FROM media_groups WHERE created_at < :before")
                .bind("before", before.toEpochMilli())
                .execute();
    }
}
