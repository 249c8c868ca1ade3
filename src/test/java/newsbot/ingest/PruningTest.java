package newsbot.ingest;

import static newsbot.ingest.IngestFixture.INTERVAL;
import static newsbot.ingest.IngestFixture.NOW;
import static newsbot.ingest.IngestFixture.RETENTION;
import static newsbot.ingest.IngestFixture.RSS;
import static newsbot.ingest.IngestFixture.feed;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PruningTest {

    @TempDir
    Path dir;
    private IngestFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new IngestFixture(dir);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void articlesPastTheRetentionGoWithTheirIndexesAndDoNotComeBack() {
        f.server.serveFixture("/politics.xml", "rss-politika.xml");
        FeedPoller poller = f.poller(f.config(List.of(feed("politics", f.server.url("/politics.xml"), "politics")),
                Set.of()));
        poller.pollDue();
        assertThat(f.count("SELECT COUNT(*) FROM articles")).isEqualTo(4);

        // A day before the old ones expire, a fresh article arrives along with them.
        f.clock.set(NOW.plus(RETENTION).minus(Duration.ofDays(1)));
        Rss fresh = new Rss().item("fresh", "Свежая новость про кенеш", f.clock.instant());
        f.server.serve("/politics.xml", fresh.bytes(), RSS);
        poller.pollDue();
        assertThat(f.count("SELECT COUNT(*) FROM articles")).isEqualTo(5);

        f.clock.set(NOW.plus(RETENTION).plus(Duration.ofHours(1)));
        poller.pollDue();

        assertThat(f.rows("SELECT title FROM articles")).extracting(r -> r.get("title"))
                .containsExactly("Свежая новость про кенеш");
        assertThat(f.count("SELECT COUNT(*) FROM article_categories")).isEqualTo(1);
        assertThat(f.count("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'кенеш'")).isEqualTo(1);
        assertThat(f.count("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'депутат'")).isZero();

        // The feed still carries the expired items: too old to be stored again.
        f.clock.advance(INTERVAL);
        f.server.serveFixture("/politics.xml", "rss-politika.xml");
        assertThat(poller.pollDue()).isZero();
        assertThat(f.count("SELECT COUNT(*) FROM articles")).isEqualTo(1);
    }

    @Test
    void pruningRunsAtMostHourlyFromThePollCycle() {
        f.server.serveFixture("/politics.xml", "rss-politika.xml");
        FeedPoller poller = f.poller(f.config(List.of(feed("politics", f.server.url("/politics.xml"), "politics")),
                Set.of()));
        poller.pollDue(); // prunes (nothing) at NOW
        f.clock.set(NOW.plus(RETENTION).minus(Duration.ofMinutes(30)));
        poller.pollDue(); // prunes (nothing: not expired yet)

        f.clock.set(NOW.plus(RETENTION).plus(Duration.ofMinutes(1)));
        poller.pollDue();
        assertThat(f.count("SELECT COUNT(*) FROM articles")).as("31 minutes after the last pruning").isEqualTo(4);

        f.clock.set(NOW.plus(RETENTION).plus(Duration.ofMinutes(30)));
        poller.pollDue();
        assertThat(f.count("SELECT COUNT(*) FROM articles")).isZero();
    }

    @Test
    void pruneByHandDeletesInBatches() {
        Rss many = new Rss();
        for (int i = 0; i < 1234; i++) {
            many.item("m" + i, "Новость " + i, NOW.minusSeconds(i));
        }
        f.server.serve("/many.xml", many.bytes(), RSS);
        FeedPoller poller = f.poller(f.config(List.of(feed("many", f.server.url("/many.xml"), "society")), Set.of()));
        assertThat(poller.pollDue()).isEqualTo(1234);

        f.clock.advance(RETENTION.plusSeconds(1));

        assertThat(poller.prune()).isEqualTo(1234);
        assertThat(f.count("SELECT COUNT(*) FROM article_categories")).isZero();
    }
}
