package newsbot.pair;

import newsbot.store.Fenced;

/** Thrown by the fence: this instance no longer holds the lease, so its transaction must not commit. */
final class LeaseLost extends Fenced {
    private static final long serialVersionUID = 1L;

    LeaseLost(String message) {
        super(message);
    }
}
