package newsbot.store;

import org.jdbi.v3.core.Handle;

/** SQL for the {@code articles} table, its category index and its full-text index. */
public final class Articles {

    /** The highest article id so far: a new reader's digest starts after it. */
    public long maxId(Handle h) {
        return h.createQuery("SELECT COALESCE(MAX(id), 0) FROM articles").mapTo(Long.class).one();
    }
}
