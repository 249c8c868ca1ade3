package newsbot.delivery;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

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
    private final Map<RateLimiter.Scope, LongAdder> rateLimitedFor = new EnumMap<>(RateLimiter.Scope.class);
    private final LongAdder slowDowns = new LongAdder();
    /** The running sender's limiter; replaced when another one starts (a pair's takeover). */
    private volatile Supplier<RateLimiter.Pace> pace;
    /** The same outcomes per kind of row, for operators' metrics. */
    private final Map<KindOutcome, LongAdder> byKind = new ConcurrentHashMap<>();

    private record KindOutcome(DeliveryKind kind, Outcome outcome) {
    }

    /** What became of a row, as operators count it; {@link #label} is the metric's tag. */
    public enum Outcome {
        SENT, RETRIED, RATE_LIMITED, BLOCKED, FAILED, EXPIRED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

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

    public DeliveryCounters() {
        for (RateLimiter.Scope scope : RateLimiter.Scope.values()) {
            rateLimitedFor.put(scope, new LongAdder());
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(sent.sum(), retried.sum(), rateLimited.sum(), blocked.sum(), failed.sum(), expired.sum(),
                outages.sum(), outageSince);
    }

    /** How many rows of {@code kind} had {@code outcome} since start. */
    public long count(DeliveryKind kind, Outcome outcome) {
        LongAdder n = byKind.get(new KindOutcome(kind, outcome));
        return n == null ? 0 : n.sum();
    }

    void sent(DeliveryKind kind) {
        sent.increment();
        count(kind, Outcome.SENT, 1);
    }

    void retried(DeliveryKind kind) {
        retried.increment();
        count(kind, Outcome.RETRIED, 1);
    }

    void rateLimited(DeliveryKind kind) {
        rateLimited.increment();
        count(kind, Outcome.RATE_LIMITED, 1);
    }

    void blocked(DeliveryKind kind) {
        blocked.increment();
        count(kind, Outcome.BLOCKED, 1);
    }

    void failed(DeliveryKind kind) {
        failed.increment();
        count(kind, Outcome.FAILED, 1);
    }

    void expired(DeliveryKind kind, int n) {
        expired.add(n);
        count(kind, Outcome.EXPIRED, n);
    }

    private void count(DeliveryKind kind, Outcome outcome, int n) {
        byKind.computeIfAbsent(new KindOutcome(kind, outcome), k -> new LongAdder()).add(n);
    }

    /** 429s since start that concerned {@code scope}. */
    public long rateLimited(RateLimiter.Scope scope) {
        return rateLimitedFor.get(scope).sum();
    }

    /** Times since start the sender slowed down because 429s repeated. */
    public long slowDowns() {
        return slowDowns.sum();
    }

    /** How the running sender's limiter is used now; empty before a sender started. */
    public Optional<RateLimiter.Pace> pace() {
        Supplier<RateLimiter.Pace> source = pace;
        return source == null ? Optional.empty() : Optional.of(source.get());
    }

    void rateLimitedFor(RateLimiter.Scope scope) {
        rateLimitedFor.get(scope).increment();
    }

    void slowedDown() {
        slowDowns.increment();
    }

    void pacedBy(Supplier<RateLimiter.Pace> limiter) {
        pace = limiter;
    }

    void outageBegan(Instant at) {
        outages.increment();
        outageSince = at;
    }

    void outageEnded() {
        outageSince = null;
    }
}
