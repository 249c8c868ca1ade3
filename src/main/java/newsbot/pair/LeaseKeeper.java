package newsbot.pair;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import newsbot.store.Database;
import newsbot.store.Leases;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps or waits for the lease that makes one instance of a pair active. Active: beats every
 * {@link #RENEW_EVERY}; when a beat finds the lease taken, or no beat went through for {@link #STEP_DOWN_AFTER},
 * it steps down. Standby: watches the lease and takes it once neither holder nor beats moved for
 * {@link #TAKEOVER_AFTER} by its own clock, which is longer than the active's step-down time, so the two are never
 * active at once while their clocks run at the same rate. {@link #tick} does one step; the application calls it
 * every half second, tests call it by hand after moving the clock.
 */
public final class LeaseKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);
    public static final Duration RENEW_EVERY = Duration.ofSeconds(2);
    public static final Duration STEP_DOWN_AFTER = Duration.ofSeconds(7);
    public static final Duration TAKEOVER_AFTER = Duration.ofSeconds(10);
    /** A takeover waits this long at most for the old active's transaction in flight, then tries again later. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(3);

    /** Told on the keeper's thread when this instance becomes active or stops being so. */
    public interface Listener {
        void becameActive(long epoch);

        void becameStandby(String reason);
    }

    private final Database db;
    private final Leases leases = new Leases();
    private final Clock clock;
    private final String instance;
    private final String holder;
    private final Listener listener;

    private volatile long epoch = -1;
    private volatile long confirmedAt;
    private long lastBeatAt;
    private Leases.Lease seen;
    private long seenSince;
    private boolean unreachableLogged;
    /** After this instance's own start failed: it leaves a free lease to the other one until then. */
    private long takeOverNotBefore;

    /** @param db the unfenced database: the keeper's own statements must run whatever the lease says */
    public LeaseKeeper(Database db, Clock clock, String instance, Listener listener) {
        this.db = db;
        this.clock = clock;
        this.instance = instance;
        this.holder = instance + "#" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        this.listener = listener;
    }

    public String instance() {
        return instance;
    }

    /** Whether this instance may act as the active one now: it holds the lease and beat lately by its clock. */
    public boolean holds() {
        return epoch >= 0 && clock.millis() - confirmedAt < STEP_DOWN_AFTER.toMillis();
    }

    /** "active" or "standby", for {@code /health}. */
    public String role() {
        return holds() ? "active" : "standby";
    }

    /** The instance named in the lease now, if any: {@code /stats} shows it. */
    public Optional<String> activeInstance() {
        return heldLease().map(Leases.Lease::instance);
    }

    /** The lease as the database has it now, when someone holds it; empty also when the database does not answer. */
    public Optional<Leases.Lease> heldLease() {
        try {
            return db.withHandle(leases::find).filter(l -> !l.free());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The fence, run first in every transaction of a pair's instance: takes the write lock (a takeover takes it
     * too, so it waits for this transaction, and this one sees a takeover that committed) and checks the epoch.
     *
     * @throws LeaseLost when this instance is not the active one
     */
    public void fence(Handle h) {
        long held = epoch;
        if (held < 0 || !holds()) {
            throw new LeaseLost("instance " + instance + " is standby");
        }
        leases.lockWrites(h);
        OptionalLong current = leases.heldEpoch(h, holder);
        if (current.isEmpty() || current.getAsLong() != held) {
            throw new LeaseLost("instance " + instance + " lost the lease (epoch " + held + ")");
        }
    }

    /** The sender's check before it reads the queue: the database still names this instance with its epoch. */
    public boolean confirms(Handle h) {
        long held = epoch;
        if (held < 0 || !holds()) {
            return false;
        }
        OptionalLong current = leases.heldEpoch(h, holder);
        return current.isPresent() && current.getAsLong() == held;
    }

    /** One step: beat, or watch and maybe take over. */
    public synchronized void tick() {
        long now = clock.millis();
        if (epoch >= 0) {
            if (now - lastBeatAt >= RENEW_EVERY.toMillis()) {
                beat(now);
            }
            if (epoch >= 0 && now - confirmedAt >= STEP_DOWN_AFTER.toMillis()) {
                stepDown("no beat reached the database for " + (now - confirmedAt) / 1000 + " s");
            }
        } else {
            watch(now);
        }
    }

    private void beat(long started) {
        lastBeatAt = started;
        try {
            if (db.withHandle(h -> leases.renew(h, holder, epoch, clock.instant()))) {
                confirmedAt = started;
                unreachableLogged = false;
            } else {
                stepDown("another instance took the lease");
            }
        } catch (RuntimeException e) {
            if (!unreachableLogged) {
                LOG.warn("lease beat failed, still active for now: {}", firstLine(e));
                unreachableLogged = true;
            }
        }
    }

    private void watch(long now) {
        Optional<Leases.Lease> lease;
        try {
            lease = db.withHandle(leases::find);
            unreachableLogged = false;
        } catch (RuntimeException e) {
            if (!unreachableLogged) {
                LOG.warn("standby cannot read the lease: {}", firstLine(e));
                unreachableLogged = true;
            }
            return;
        }
        if (lease.isEmpty()) {
            return;
        }
        Leases.Lease l = lease.get();
        if (!l.free() && !l.equals(seen)) {
            seen = l;
            seenSince = now;
            return;
        }
        if ((l.free() || now - seenSince >= TAKEOVER_AFTER.toMillis()) && now >= takeOverNotBefore) {
            takeOver(l, now);
        }
    }

    private void takeOver(Leases.Lease from, long started) {
        OptionalLong taken;
        try {
            taken = db.inTransaction(h -> {
                leases.lockWritesWaitingAtMost(h, LOCK_WAIT);
                return leases.takeOver(h, holder, from, clock.instant());
            });
        } catch (RuntimeException e) {
            LOG.warn("taking over the lease failed, trying again: {}", firstLine(e));
            return;
        }
        if (taken.isEmpty()) {
            seen = null; // it moved: the holder lives, or another standby was quicker
            return;
        }
        epoch = taken.getAsLong();
        confirmedAt = started;
        lastBeatAt = started;
        LOG.info("instance {} is active (lease epoch {}, from {})", instance, epoch,
                from.free() ? "nobody" : from.instance());
        try {
            listener.becameActive(epoch);
        } catch (RuntimeException e) {
            // Holding the lease while running nothing would keep the standby waiting for ever: give it up, and
            // leave it to the other instance for a takeover's time before trying again here.
            LOG.error("instance {} could not start its active work, giving the lease up: {}", instance, firstLine(e));
            takeOverNotBefore = started + TAKEOVER_AFTER.toMillis();
            release();
            seen = null;
            listener.becameStandby("the start failed: " + firstLine(e));
        }
    }

    private void stepDown(String reason) {
        long lost = epoch;
        epoch = -1;
        seen = null;
        LOG.warn("instance {} steps down to standby (lease epoch {}): {}", instance, lost, reason);
        listener.becameStandby(reason);
    }

    /** A clean stop: gives the lease up so that a standby takes over at once. */
    public synchronized void release() {
        long held = epoch;
        if (held < 0) {
            return;
        }
        epoch = -1;
        try {
            db.withHandle(h -> leases.release(h, holder, held));
            LOG.info("instance {} released the lease (epoch {})", instance, held);
        } catch (RuntimeException e) {
            LOG.warn("releasing the lease failed; a standby takes over after {} s: {}", TAKEOVER_AFTER.toSeconds(),
                    firstLine(e));
        }
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
