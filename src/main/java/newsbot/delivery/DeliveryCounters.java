package newsbot.delivery;

import java.util.concurrent.atomic.LongAdder;

/** In-memory counts of what the dispatcher did since start, for operators; the durable numbers are in the DB. */
public final class DeliveryCounters {

    private final LongAdder sent = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder blocked = new LongAdder();
    private final LongAdder failed = new LongAdder();

    /** A consistent-enough copy: each number is exact, the set is not taken atomically. */
    public record Snapshot(long sent, long retried, long rateLimited, long blocked, long failed) {
    }

    public Snapshot snapshot() {
        return new Snapshot(sent.sum(), retried.sum(), rateLimited.sum(), blocked.sum(), failed.sum());
    }

    void sent() {
        sent.increment();
    }

    void retried() {
        retried.increment();
    }

    void rateLimited() {
        rateLimited.increment();
    }

    void blocked() {
        blocked.increment();
    }

    void failed() {
        failed.increment();
    }
}
