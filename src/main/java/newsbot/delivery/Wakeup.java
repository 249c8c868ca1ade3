package newsbot.delivery;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/** "There may be new rows": set by the outbox after a commit, consumed by the dispatcher, cutting its sleep short. */
final class Wakeup {

    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile Thread sleeper;

    void signal() {
        pending.set(true);
        Thread t = sleeper;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** True once per burst of signals. */
    boolean consume() {
        return pending.getAndSet(false);
    }

    void bind(Thread thread) {
        sleeper = thread;
    }
}
