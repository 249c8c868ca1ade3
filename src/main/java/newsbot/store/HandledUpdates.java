package newsbot.store;

import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/** SQL for {@code handled_updates}: the updates of the batch in hand whose effects are already committed. */
public final class HandledUpdates {

    /** Records, in the update's own transaction, that its effects are committed. */
    public void mark(Handle h, long updateId) {
        h.createUpdate("INSERT INTO handled_updates (update_id) VALUES (:id) ON CONFLICT (update_id) DO NOTHING")
                .bind("id", updateId)
                .execute();
    }

    /** The handled updates after {@code offset}: those of a batch interrupted by a crash. */
    public Set<Long> after(Handle h, long offset) {
        return new TreeSet<>(h.createQuery("SELECT update_id FROM handled_updates WHERE update_id > :offset")
                .bind("offset", offset)
                .mapTo(Long.class)
                .list());
    }

    /** Forgets what the stored offset now covers. */
    public int forgetUpTo(Handle h, long offset) {
        return h.createUpdate("DELETE FROM handled_updates WHERE update_id <= :offset")
                .bind("offset", offset)
                .execute();
    }
}
