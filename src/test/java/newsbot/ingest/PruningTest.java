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
        assertThat(f.ftsCount("кенеш")).isEqualTo(1);
        assertThat(f.ftsCount("депутат")).isZero();

        // The feed still carries the expired items: too old to be stored again.
        f.clock.advance(INTERVAL);
        f.server.serveFixture("/politics.xml", "rss-politika.xml");
        assertThat(poller.pollDue()).isZero();
        assertThat(f.count("SELECT COUNT(*) FROM articles")).isEqualTo(1);
    }

    @Test
    void anUndatedItemStillInItsFeedDoesNotComeBackAfterItsArticleWasPruned() {
        Rss feed = new Rss().item("evergreen", "Справочник: как получить паспорт", null)
                .item(null, "Без ссылки и даты", null);
        f.server.serve("/politics.xml", feed.bytes(), RSS);
        FeedPoller poller = f.poller(f.config(List.of(feed("politics", f.server.url("/politics.xml"), "politics")),
                Set.of()));
        poller.pollDue();
        assertThat(f.count("SELECT COUNT(*) FROM articles")).isEqualTo(2);

        // dated with each fetch time, the items would look fresh forever; their articles are pruned nonetheless
        for (int day = 1; day <= 40; day++) {
            f.clock.set(NOW.plus(Duration.ofDays(day)));
            f.server.serve("/politics.xml", feed.bytes(), RSS); // a changed ETag: a full fetch, not a 304
            assertThat(poller.pollDue()).as("new articles on day " + day).isZero();
        }
        assertThat(f.count("SELECT COUNT(*) FROM articles")).isZero();
        assertThat(f.count("SELECT COUNT(*) FROM seen_items")).isEqualTo(2);
    }

    @Test
    void seenKeysAreForgottenThreeRetentionsAfterTheirItemLeftTheFeedAndAreBoundedInNumber() {
        f.server.serveFixture("/politics.xml", "rss-politika.xml");
        FeedPoller poller = f.poller(f.config(List.of(feed("politics", f.server.url("/politics.xml"), "politics")),
                Set.of()));
        poller.pollDue();
        assertThat(f.count("SELECT COUNT(*) FROM seen_items")).isEqualTo(4);
        f.server.serve("/politics.xml", new Rss().bytes(), RSS);

        f.clock.set(NOW.plus(RETENTION.multipliedBy(3)).minus(Duration.ofHours(1)));
        poller.pollDue();
        assertThat(f.count("SELECT COUNT(*) FROM seen_items")).isEqualTo(4);
        f.clock.set(NOW.plus(RETENTION.multipliedBy(3)).plus(Duration.ofHours(1)));
        poller.pollDue();
        assertThat(f.count("SELECT COUNT(*) FROM seen_items")).isZero();

        f.db.useTransaction(h -> {
            for (int i = 0; i < 30; i++) {
                new newsbot.store.SeenItems().firstSighting(h, "g:" + i, f.clock.instant().plusSeconds(i));
            }
        });
        Pruner capped = new Pruner(new WriteSession(f.db), RETENTION, f.clock, 10);
        capped.prune();
        assertThat(f.rows("SELECT dedup_key FROM seen_items ORDER BY seen_at")).extracting(r -> r.get("dedup_key"))
                .containsExactly("g:20", "g:21", "g:22", "g:23", "g:24", "g:25", "g:26", "g:27", "g:28", "g:29");
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
        // 1,001 rows: two full batches of 500 and one of 1.
        f.db.useTransaction(h -> {
            var articles = h.prepareBatch("INSERT INTO articles (feed_id, dedup_key, url, title, summary, category, "
                    + "published_at, fetched_at) VALUES ('f', :key, 'https://e.kg/', :title, '', 'society', 0, :at)");
            for (int i = 0; i < 1001; i++) {
                articles.bind("key", "g:" + i).bind("title", "Новость " + i).bind("at", NOW.toEpochMilli()).add();
            }
            articles.execute();
            h.execute("INSERT INTO article_categories (article_id, category) SELECT id, 'society' FROM articles");
        });
        FeedPoller poller = f.poller(f.config(List.of(), Set.of()));
        f.clock.advance(RETENTION);
        assertThat(poller.prune()).as("fetched exactly one retention ago").isZero();

        f.clock.advance(Duration.ofMillis(1));

        assertThat(poller.prune()).isEqualTo(1001);
        assertThat(f.count("SELECT COUNT(*) FROM article_categories")).isZero();
        assertThat(f.ftsCount("новость")).isZero();
    }
}
