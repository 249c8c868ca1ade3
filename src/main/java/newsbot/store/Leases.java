package newsbot.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;

/** SQL for {@code instance_lease}: the one row that says which instance of a pair is active. */
public final class Leases {

    /** The advisory lock every fenced transaction and every takeover takes: a takeover waits for those in flight. */
    public static final long WRITE_LOCK = 0x6e657773626f74L; // "newsbot"

    /** The lease as last written; {@code holder} is empty when released. */
    public record Lease(String holder, long epoch, long beats, Instant renewedAt) {
        public boolean free() {
            return holder.isEmpty();
        }

        /** The instance name part of the holder, for operators. */
        public String instance() {
            int hash = holder.lastIndexOf('#');
            return hash < 0 ? holder : holder.substring(0, hash);
        }
    }

    public Optional<Lease> find(Handle h) {
        return h.createQuery("SELECT holder, epoch, beats, renewed_at FROM instance_lease WHERE name = 'active'")
                .map((rs, ctx) -> new Lease(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        Instant.ofEpochMilli(rs.getLong(4))))
                .findOne();
    }

    /** One beat of the holder; false when {@code holder} lost {@code epoch} to another instance. */
    public boolean renew(Handle h, String holder, long epoch, Instant now) {
        return h.createUpdate("UPDATE instance_lease SET beats = beats + 1, renewed_at = :now "
                        + "WHERE name = 'active' AND holder = :holder AND epoch = :epoch")
                .bind("now", now.toEpochMilli())
                .bind("holder", holder)
                .bind("epoch", epoch)
                .execute() == 1;
    }

    /** Takes the lease if it is still exactly as seen; the new epoch, or empty when something moved meanwhile. */
    public OptionalLong takeOver(Handle h, String holder, Lease seen, Instant now) {
        Optional<Long> epoch = h.createQuery("UPDATE instance_lease SET holder = :holder, epoch = epoch + 1, beats = 0, "
                        + "renewed_at = :now WHERE name = 'active' AND holder = :seenHolder AND epoch = :seenEpoch "
                        + "AND beats = :seenBeats RETURNING epoch")
                .bind("holder", holder)
                .bind("now", now.toEpochMilli())
                .bind("seenHolder", seen.holder())
                .bind("seenEpoch", seen.epoch())
                .bind("seenBeats", seen.beats())
                .mapTo(Long.class)
                .findOne();
        return epoch.map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** Gives the lease up (a clean stop): a standby takes it at its next look instead of after the timeout. */
    public boolean release(Handle h, String holder, long epoch) {
        return h.createUpdate("UPDATE instance_lease SET holder = '', beats = beats + 1 "
                        + "WHERE name = 'active' AND holder = :holder AND epoch = :epoch")
                .bind("holder", holder)
                .bind("epoch", epoch)
                .execute() == 1;
    }

    /** Takes the write lock for the rest of the caller's transaction. */
    public void lockWrites(Handle h) {
        h.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) l").bind("key", WRITE_LOCK)
                .mapTo(Integer.class).one();
    }

    /** As {@link #lockWrites}, but gives up with an exception after {@code wait} (a takeover tries again later). */
    public void lockWritesWaitingAtMost(Handle h, Duration wait) {
        // SET takes no bind parameters; set_config does, and is_local = true keeps it to this transaction
        h.createQuery("SELECT set_config('lock_timeout', :timeout, true)").bind("timeout", wait.toMillis() + "ms")
                .mapTo(String.class).one();
        lockWrites(h);
    }

    /** The epoch {@code holder} holds now, read after the write lock was taken; empty when it holds none. */
    public OptionalLong heldEpoch(Handle h, String holder) {
        return h.createQuery("SELECT epoch FROM instance_lease WHERE name = 'active' AND holder = :holder")
                .bind("holder", holder)
                .mapTo(Long.class)
                .findOne()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }
}
