package newsbot.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** SQL for {@code audit_log}: one row per editorial action, newest read first, old rows forgotten in batches. */
public final class AuditTrail {

    /** The site itself as the actor: a push ping or a WebSub delivery. */
    public static final long SITE = 0;
    private static final int MAX_TEXT = 300;
    private static final int PRUNE_BATCH = 5000;

    /** One row. */
    public record Entry(long id, Instant at, long actor, AuditAction action, String subject, long audience,
                        String outcome) {
    }

    /** Records an action in the caller's transaction, so the row exists exactly when the action does. */
    public void record(Handle h, Instant at, long actor, AuditAction action, String subject, long audience,
                       String outcome) {
        h.createUpdate("INSERT INTO audit_log (at, actor, action, subject, audience, outcome) "
                        + "VALUES (:at, :actor, :action, :subject, :audience, :outcome)")
                .bind("at", at.toEpochMilli())
                .bind("actor", actor)
                .bind("action", action.name())
                .bind("subject", cut(subject))
                .bind("audience", audience)
                .bind("outcome", cut(outcome))
                .execute();
    }

    /** The latest {@code n} rows, newest first. */
    public List<Entry> latest(Handle h, int n) {
        return h.createQuery("SELECT id, at, actor, action, subject, audience, outcome FROM audit_log "
                        + "ORDER BY id DESC LIMIT :n")
                .bind("n", n)
                .map((rs, ctx) -> new Entry(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("at")),
                        rs.getLong("actor"), AuditAction.valueOf(rs.getString("action")), rs.getString("subject"),
                        rs.getLong("audience"), rs.getString("outcome")))
                .list();
    }

    /** Forgets up to a batch of rows older than {@code retention}; returns how many. */
    public int prune(Handle h, Instant now, Duration retention) {
        return h.createUpdate("DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE at < :before "
                        + "ORDER BY at LIMIT :batch)")
                .bind("before", now.minus(retention).toEpochMilli())
                .bind("batch", PRUNE_BATCH)
                .execute();
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
