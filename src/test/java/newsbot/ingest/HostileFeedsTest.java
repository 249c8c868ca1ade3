package newsbot.ingest;

import static newsbot.ingest.IngestFixture.INTERVAL;
import static newsbot.ingest.IngestFixture.MAX_BYTES;
import static newsbot.ingest.IngestFixture.NOW;
import static newsbot.ingest.IngestFixture.feed;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import newsbot.feed.FeedRoute;
import newsbot.feed.FeedServer;
import newsbot.store.FeedState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each hostile feed fails alone: the poller returns, the good feed next to it is stored, the error is recorded. */
class HostileFeedsTest {

    private static final String SECRET = "TOP-SECRET-7d2e91";

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

    /** A hostile answer, the error it must be recorded as, and the HTTP status (null: none). */
    record Hostile(String name, FeedRoute route, String error, Integer status) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Hostile> hostileFeeds() {
        String xml = "application/xml";
        return Stream.of(
                new Hostile("slow server", FeedRoute.ok(FeedServer.fixture("rss-sport.xml"), xml)
                        .withHeaderDelay(Duration.ofSeconds(5)), "timed out", null),
                new Hostile("oversized body", FeedRoute.oversized(3 * MAX_BYTES, false), "larger than the limit", null),
                new Hostile("gzip bomb", FeedRoute.gzipBomb(20 * MAX_BYTES), "larger than the limit", null),
                new Hostile("truncated XML", FeedRoute.ok(FeedServer.fixture("truncated.xml"), xml), "malformed", 200),
                new Hostile("HTML page", FeedRoute.ok(FeedServer.fixture("page.html"), "text/html; charset=utf-8"),
                        "not a feed", 200),
                new Hostile("billion laughs", FeedRoute.ok(FeedServer.fixture("billion-laughs.xml"), xml), "DOCTYPE",
                        200),
                new Hostile("HTTP 500", FeedRoute.status(500), "HTTP status 500", 500));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFeeds")
    void aHostileFeedFailsAloneAndBacksOff(Hostile hostile) {
        FeedPoller poller = pollerWithGoodAndBadFeed(hostile.route());

        assertThat(poller.pollDue()).isEqualTo(4);

        assertGoodFeedStored();
        FeedState bad = f.state("bad");
        assertThat(bad.failures()).isEqualTo(1);
        assertThat(bad.lastError()).contains(hostile.error()).doesNotContain("\n");
        assertThat(bad.lastStatus()).isEqualTo(hostile.status());
        assertThat(bad.lastAttemptAt()).isEqualTo(NOW);
        assertThat(bad.lastSuccessAt()).isNull();
        assertThat(bad.initialized()).isFalse();
        assertThat(bad.nextFetchAt()).isEqualTo(NOW.plus(INTERVAL.multipliedBy(2)));
        assertThat(f.count("SELECT COUNT(*) FROM articles WHERE feed_id = 'bad'")).isZero();

        f.clock.set(bad.nextFetchAt());
        poller.pollDue();

        FeedState again = f.state("bad");
        assertThat(again.failures()).isEqualTo(2);
        assertThat(again.nextFetchAt()).isEqualTo(bad.nextFetchAt().plus(INTERVAL.multipliedBy(4)));
        assertThat(f.state("good").failures()).isZero();
    }

    @Test
    void xxeNeverPutsTheFileIntoAnyColumn() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, SECRET);
        byte[] xxe = new String(FeedServer.fixture("xxe.xml"), StandardCharsets.UTF_8)
                .replace("SECRET_FILE_URI", secret.toUri().toString()).getBytes(StandardCharsets.UTF_8);
        FeedPoller poller = pollerWithGoodAndBadFeed(FeedRoute.ok(xxe, "application/rss+xml"));

        poller.pollDue();

        assertGoodFeedStored();
        assertThat(f.state("bad").failures()).isEqualTo(1);
        assertThat(f.state("bad").lastError()).contains("DOCTYPE");
        for (String table : List.of("feeds", "articles", "article_categories")) {
            for (Map<String, Object> row : f.rows("SELECT * FROM " + table)) {
                assertThat(row.values()).noneMatch(v -> String.valueOf(v).contains(SECRET));
            }
        }
        assertThat(f.count("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH '\"" + SECRET + "\"'")).isZero();
    }

    @Test
    void backoffDoublesUpToTheCapAndASuccessResetsIt() {
        f.server.serve("/bad.xml", FeedRoute.status(503));
        FeedPoller poller = f.poller(f.config(List.of(feed("bad", f.server.url("/bad.xml"), null)), Set.of()));
        long[] waits = new long[6];
        for (int i = 0; i < waits.length; i++) {
            poller.pollDue();
            FeedState state = f.state("bad");
            assertThat(state.failures()).isEqualTo(i + 1);
            waits[i] = Duration.between(f.clock.instant(), state.nextFetchAt()).toMinutes();
            // Just before it is due, nothing is requested.
            int requests = f.server.requests().size();
            f.clock.set(state.nextFetchAt().minusMillis(1));
            poller.pollDue();
            assertThat(f.server.requests()).hasSize(requests);
            f.clock.set(state.nextFetchAt());
        }
        assertThat(waits).containsExactly(2, 4, 8, 10, 10, 10);

        f.server.serveFixture("/bad.xml", "rss-politika.xml");
        poller.pollDue();

        FeedState recovered = f.state("bad");
        assertThat(recovered.failures()).isZero();
        assertThat(recovered.lastError()).isNull();
        assertThat(recovered.lastStatus()).isEqualTo(200);
        assertThat(recovered.nextFetchAt()).isEqualTo(f.clock.instant().plus(INTERVAL));
        assertThat(f.count("SELECT COUNT(*) FROM articles")).isEqualTo(4);
    }

    @Test
    void anUnreachableServerIsANetworkError() {
        f.server.serveFixture("/good.xml", "rss-politika.xml");
        FeedPoller poller = f.poller(f.config(List.of(feed("good", f.server.url("/good.xml"), null),
                feed("bad", "http://127.0.0.1:9/feed.xml", null)), Set.of()));

        assertThat(poller.pollDue()).isEqualTo(4);

        assertThat(f.state("bad").lastError()).startsWith("network error");
        assertThat(f.state("bad").lastStatus()).isNull();
    }

    @Test
    void aFailingFanOutRollsBackTheFeedAndIsRetried() {
        f.server.serveFixture("/incidents.xml", "rss-proisshestviya.xml");
        FeedPoller poller = f.poller(f.config(List.of(feed("incidents", f.server.url("/incidents.xml"), null)),
                Set.of()), (h, article) -> {
                    throw new IllegalStateException("outbox unavailable");
                });
        poller.pollDue(); // first fetch: no fan-out
        f.clock.advance(INTERVAL);
        f.server.serve("/incidents.xml", new Rss().item("n1", "СРОЧНО: новое", NOW, "Происшествия").bytes(),
                IngestFixture.RSS);

        assertThat(poller.pollDue()).isZero();

        FeedState state = f.state("incidents");
        assertThat(state.failures()).isEqualTo(1);
        assertThat(state.lastError()).contains("outbox unavailable");
        assertThat(f.count("SELECT COUNT(*) FROM articles WHERE title = 'новое'")).isZero();
    }

    private FeedPoller pollerWithGoodAndBadFeed(FeedRoute bad) {
        f.server.serve("/bad.xml", bad);
        f.server.serveFixture("/good.xml", "rss-politika.xml");
        // The bad feed first, on the same server: the good one waits its turn but is not harmed.
        return f.poller(f.config(List.of(feed("bad", f.server.url("/bad.xml"), null),
                feed("good", f.server.url("/good.xml"), "politics")), Set.of()));
    }

    private void assertGoodFeedStored() {
        assertThat(f.count("SELECT COUNT(*) FROM articles WHERE feed_id = 'good'")).isEqualTo(4);
        FeedState good = f.state("good");
        assertThat(good.failures()).isZero();
        assertThat(good.lastError()).isNull();
    }
}
