package newsbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WebSub subscriptions' SQL on SQLite ({@link WebSubSubscriptionsPgTest}: on PostgreSQL). */
class WebSubSubscriptionsTest {

    private static final Instant AT = Instant.parse("2026-11-28T06:00:00Z");
    private static final String HUB = "http://127.0.0.1:1/hub";
    private static final String TOPIC = "http://127.0.0.1:1/feed.xml";

    @TempDir
    Path dir;
    private Database db;
    private final WebSubSubscriptions subs = new WebSubSubscriptions();

    @BeforeEach
    void open() {
        db = newsbot.testing.TestDatabases.open(dir.resolve("websub.db"));
    }

    private WebSubSubscriptions.Row row(String feedId) {
        return db.withHandle(h -> subs.find(h, feedId)).orElseThrow();
    }

    @Test
    void aRequestIsVerifiedRenewedWithoutLosingItsLeaseAndAskedAgainAfterAFailure() {
        boolean none = db.withHandle(h -> subs.find(h, "main")).isEmpty();
        assertThat(none).isTrue();
        db.useTransaction(h -> subs.requested(h, "main", HUB, TOPIC, "s1", AT));
        assertThat(row("main")).isEqualTo(new WebSubSubscriptions.Row("main", HUB, TOPIC, "s1",
                WebSubSubscriptions.State.REQUESTED, AT, Instant.EPOCH));

        Instant lease = AT.plus(Duration.ofDays(10));
        db.useTransaction(h -> subs.verified(h, "main", lease));
        assertThat(row("main").state()).isEqualTo(WebSubSubscriptions.State.ACTIVE);
        assertThat(row("main").leaseUntil()).isEqualTo(lease);

        // a renewal: new secret and request time, still active on the old lease until the hub verifies again
        Instant renewal = AT.plus(Duration.ofDays(9));
        db.useTransaction(h -> subs.requested(h, "main", HUB, TOPIC, "s2", renewal));
        assertThat(row("main")).isEqualTo(new WebSubSubscriptions.Row("main", HUB, TOPIC, "s2",
                WebSubSubscriptions.State.ACTIVE, renewal, lease));
        Instant longer = lease.plus(Duration.ofDays(10));
        db.useTransaction(h -> subs.verified(h, "main", longer));
        assertThat(row("main").leaseUntil()).isEqualTo(longer);

        db.useTransaction(h -> subs.failed(h, "main"));
        assertThat(row("main").state()).isEqualTo(WebSubSubscriptions.State.FAILED);
        db.useTransaction(h -> subs.requested(h, "main", HUB, TOPIC, "s3", renewal.plusSeconds(60)));
        assertThat(row("main").state()).as("a failed one asked again").isEqualTo(WebSubSubscriptions.State.REQUESTED);

        db.useTransaction(h -> subs.requested(h, "city", HUB, TOPIC, "s4", AT));
        List<String> ids = db.withHandle(subs::feedIds);
        assertThat(ids).containsExactly("city", "main");
    }
}
