package newsbot.delivery;

import java.util.function.BooleanSupplier;
import newsbot.testing.TestClock;

/** Lets tests outside this package step a dispatcher on virtual time instead of running its thread. */
public final class DispatcherDriver {

    private DispatcherDriver() {
    }

    /** One dispatcher decision; returns the nanoseconds it would wait before the next one. */
    public static long step(Dispatcher dispatcher) {
        return dispatcher.step();
    }

    /**
     * Steps the dispatcher, moving {@code time} over each wait it asks for, until {@code done} or {@code maxSteps};
     * returns the steps taken. The one stepping loop of the rigs on virtual time.
     */
    public static int run(Dispatcher dispatcher, TestClock time, BooleanSupplier done, int maxSteps) {
        int steps = 0;
        while (steps < maxSteps && !done.getAsBoolean()) {
            time.advance(dispatcher.step());
            steps++;
        }
        return steps;
    }

    /** Whether callback answers, edits or editors' messages still wait for a step. */
    public static boolean callsPending(Dispatcher dispatcher) {
        return dispatcher.callsPending();
    }
}
