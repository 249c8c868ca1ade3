package newsbot.delivery;

import org.jdbi.v3.core.Handle;

/**
 * What lets the sender take rows: always, for a single instance; for a pair, holding the lease. Checked in
 * memory before every call and against the database whenever the sender reads the queue, so an instance that lost
 * the lease sends at most the calls already in flight.
 */
public interface SendFence {

    /** No fence: one instance, nothing to share the queue with. */
    SendFence NONE = new SendFence() {
        @Override
        public boolean maySend() {
            return true;
        }

        @Override
        public boolean mayClaim(Handle h) {
            return true;
        }
    };

    /** The cheap check, before each call. */
    boolean maySend();

    /** The check against the database, before reading due rows on {@code h}. */
    boolean mayClaim(Handle h);
}
