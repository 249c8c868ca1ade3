package newsbot.delivery;

/** Lets tests outside this package step a dispatcher on virtual time instead of running its thread. */
public final class DispatcherDriver {

    private DispatcherDriver() {
    }

    /** One dispatcher decision; returns the nanoseconds it would wait before the next one. */
    public static long step(Dispatcher dispatcher) {
        return dispatcher.step();
    }

    /** Whether callback answers, edits or editors' messages still wait for a step. */
    public static boolean callsPending(Dispatcher dispatcher) {
        return dispatcher.callsPending();
    }
}
