package newsbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit trail's SQL on SQLite ({@link AuditTrailPgTest}: on PostgreSQL). */
class AuditTrailTest {

    private static final Instant AT = Instant.parse("2026-11-28T06:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private final AuditTrail audit = new AuditTrail();

    @BeforeEach
    void open() {
        db = newsbot.testing.TestDatabases.open(dir.resolve("audit.db"));
    }

    @Test
    void rowsReadBackNewestFirstWithEveryField() {
        db.useTransaction(h -> audit.record(h, AT, 42, AuditAction.BROADCAST_DRAFTED, "#1", 10, "draft"));
        db.useTransaction(h -> audit.record(h, AT.plusSeconds(1), AuditTrail.SITE, AuditAction.PUSH_RECEIVED,
                "main", 0, "polled"));
        db.useTransaction(h -> audit.record(h, AT.plusSeconds(2), 42, AuditAction.PAID_SEND, "#1", 10,
                "x".repeat(1000)));

        List<AuditTrail.Entry> latest = db.withHandle(h -> audit.latest(h, 2));
        assertThat(latest).extracting(AuditTrail.Entry::action)
                .containsExactly(AuditAction.PAID_SEND, AuditAction.PUSH_RECEIVED);
        assertThat(latest.get(0).outcome()).as("a long outcome is cut").hasSize(300);
        AuditTrail.Entry push = latest.get(1);
        assertThat(push.at()).isEqualTo(AT.plusSeconds(1));
        assertThat(push.actor()).isEqualTo(AuditTrail.SITE);
        assertThat(push.subject()).isEqualTo("main");
        assertThat(push.audience()).isZero();
        assertThat(push.outcome()).isEqualTo("polled");
        List<AuditTrail.Entry> all = db.withHandle(h -> audit.latest(h, 10));
        assertThat(all).hasSize(3);
        assertThat(all.get(2)).extracting(AuditTrail.Entry::actor, AuditTrail.Entry::audience,
                AuditTrail.Entry::subject).containsExactly(42L, 10L, "#1");
    }

    @Test
    void pruningForgetsOnlyRowsOlderThanTheRetention() {
        db.useTransaction(h -> audit.record(h, AT, 42, AuditAction.CHANNEL_PAUSED, "site", 0, "posts held"));
        db.useTransaction(h -> audit.record(h, AT.plus(Duration.ofDays(30)), 42, AuditAction.CHANNEL_RESUMED,
                "site", 0, "posts released"));
        Instant now = AT.plus(Duration.ofDays(400));

        int pruned = db.inTransaction(h -> audit.prune(h, now, Duration.ofDays(380)));
        assertThat(pruned).isEqualTo(1);
        int again = db.inTransaction(h -> audit.prune(h, now, Duration.ofDays(380)));
        assertThat(again).isZero();
        List<AuditTrail.Entry> left = db.withHandle(h -> audit.latest(h, 10));
        assertThat(left).extracting(AuditTrail.Entry::action).containsExactly(AuditAction.CHANNEL_RESUMED);
    }
}
