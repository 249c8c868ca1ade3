package newsbot.delivery;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/** In-memory counts of what the sender did since start, for operators; the durable numbers are in the DB. */
public final class DeliveryCounters {

    private final LongAdder sent = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder blocked = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder expired = new LongAdder();
    private final LongAdder outages = new LongAdder();
    private volatile Instant outageSince;

    /**
     * A consistent-enough copy: each number is exact, the set is not taken atomically.
     *
     * @param expired     rows dropped because they outlived their use (old breaking alerts, old replies)
     * @param outages     times Telegram or the network failed for everybody
     * @param outageSince when the outage in progress began, or {@code null} while Telegram answers
     */
    public record Snapshot(long sent, long retried, long rateLimited, long blocked, long failed, long expired,
                           long outages, Instant outageSince) {

        public Optional<Instant> outage() {
            return Optional.ofNullable(outageSince);
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(sent.sum(), retried.sum(), rateLimited.sum(), blocked.sum(), failed.sum(), expired.sum(),
                outages.sum(), outageSince);
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

    void expired(int n) {
        expired.add(n);
    }

    void outageBegan(Instant at) {
        outages.increment();
        outageSince = at;
    }

    void outageEnded() {
        outageSince = null;
    }
}
