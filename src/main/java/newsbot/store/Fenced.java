package newsbot.store;

/**
 * Thrown by a guarded database ({@link newsbot.store.Database#guarded}) when this process may not write now: it
 * is the standby of a pair, or has just lost the lease. The work belongs to the active instance; it is not a failure of the work,
 * so nobody should apologise for it, mark it done or skip past it here.
 */
public class Fenced extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected Fenced(String message) {
        super(message, null, false, false);
    }
}
