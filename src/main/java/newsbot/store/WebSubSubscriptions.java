package newsbot.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for {@code websub_subscriptions}: the bot's subscription to a hub per feed, its secret and its lease. */
public final class WebSubSubscriptions {

    /** Where a subscription stands; stored by name. */
    public enum State {
        /** Asked for; the hub has not verified it yet (or is verifying a renewal). */
        REQUESTED,
        /** Verified; content signed with the secret is taken until {@code leaseUntil}. */
        ACTIVE,
        /** The hub refused, denied or could not be reached: asked again later. */
        FAILED
    }

    /** One row; {@code leaseUntil} is the epoch until the hub first verified it. */
    public record Row(String feedId, String hub, String topic, String secret, State state, Instant requestedAt,
                      Instant leaseUntil) {
    }

    private static final String COLUMNS = "feed_id, hub, topic, secret, state, requested_at, lease_until";

    public Optional<Row> find(Handle h, String feedId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM websub_subscriptions WHERE feed_id = :id")
                .bind("id", feedId)
                .map((rs, ctx) -> new Row(rs.getString("feed_id"), rs.getString("hub"), rs.getString("topic"),
                        rs.getString("secret"), State.valueOf(rs.getString("state")),
                        Instant.ofEpochMilli(rs.getLong("requested_at")),
                        Instant.ofEpochMilli(rs.getLong("lease_until"))))
                .findOne();
    }

    public List<String> feedIds(Handle h) {
        return h.createQuery("SELECT feed_id FROM websub_subscriptions ORDER BY feed_id").mapTo(String.class).list();
    }

    /** A request sent (first, or a renewal, or after a failure): the lease stays until the hub verifies again. */
    public void requested(Handle h, String feedId, String hub, String topic, String secret, Instant at) {
        h.createUpdate("INSERT INTO websub_subscriptions (" + COLUMNS + ") "
                        + "VALUES (:id, :hub, :topic, :secret, :state, :at, 0) ON CONFLICT (feed_id) DO UPDATE SET "
                        + "hub = excluded.hub, topic = excluded.topic, secret = excluded.secret, "
                        + "state = CASE WHEN websub_subscriptions.state = 'ACTIVE' THEN 'ACTIVE' ELSE excluded.state END, "
                        + "requested_at = excluded.requested_at")
                .bind("id", feedId)
                .bind("hub", hub)
                .bind("topic", topic)
                .bind("secret", secret)
                .bind("state", State.REQUESTED.name())
                .bind("at", at.toEpochMilli())
                .execute();
    }

    /** The hub verified the subscription: active until {@code leaseUntil}. */
    public void verified(Handle h, String feedId, Instant leaseUntil) {
        h.createUpdate("UPDATE websub_subscriptions SET state = :state, lease_until = :until WHERE feed_id = :id")
                .bind("state", State.ACTIVE.name())
                .bind("until", leaseUntil.toEpochMilli())
                .bind("id", feedId)
                .execute();
    }

    public void failed(Handle h, String feedId) {
        h.createUpdate("UPDATE websub_subscriptions SET state = :state WHERE feed_id = :id")
                .bind("state", State.FAILED.name())
                .bind("id", feedId)
                .execute();
    }
}
