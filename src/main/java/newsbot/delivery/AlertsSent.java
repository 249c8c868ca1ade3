package newsbot.delivery;

import java.util.Collection;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** What the outbox says was pushed to readers as breaking news: a digest leaves those articles out. */
public final class AlertsSent {

    private final OutboxTable table = new OutboxTable();

    /**
     * For each of {@code chatIds}, the ids above {@code afterId} of articles pushed to it as breaking news (sent or
     * still queued), sorted ascending; chats without any are absent.
     */
    public Map<Long, long[]> pushedAsBreaking(Handle h, Collection<Long> chatIds, long afterId) {
        return table.pushedAsBreaking(h, chatIds, afterId);
    }
}
