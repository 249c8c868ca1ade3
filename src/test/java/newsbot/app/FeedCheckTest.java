package newsbot.app;

import newsbot.testing.TestConfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import newsbot.config.BotConfig;
import newsbot.config.Category;
import newsbot.config.FeedSource;
import newsbot.feed.FeedFetcher;
import newsbot.feed.FeedRoute;
import newsbot.feed.FeedServer;
import newsbot.feed.FetchLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedCheckTest {

    private FeedServer server;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        server = FeedServer.start();
        server.serveFixture("/politics.xml", "rss-politika.xml");
        server.serveFixture("/sport.xml", "rss-sport.xml");
        server.serve("/page.xml", FeedServer.fixture("page.html"), "text/html");
        server.serve("/down.xml", FeedRoute.status(503));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyFeedParsedMeansExitZero() {
        int code = check(feed("politics", "/politics.xml"), feed("sport", "/sport.xml"));

        assertThat(code).isZero();
        assertThat(lines()).containsExactly(
                "feed                     status  items  result",
                "politics                    200      5  ok",
                "sport                       200      9  ok",
                "2 feeds: 2 ok, 0 failed");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void anyFailureMeansExitOneWithTheErrorInItsRow() {
        // no row for a URL that is not http(s): the loader refuses such a configuration before any check runs
        int code = check(feed("politics", "/politics.xml"), feed("page", "/page.xml"), feed("down", "/down.xml"));

        assertThat(code).isEqualTo(1);
        assertThat(lines()).containsExactly(
                "feed                     status  items  result",
                "politics                    200      5  ok",
                "page                        200      -  not a feed: an HTML page",
                "down                        503      -  HTTP status 503",
                "3 feeds: 1 ok, 2 failed");
    }

    private FeedSource feed(String id, String path) {
        return new FeedSource(id, server.url(path), null, false);
    }

    private int check(FeedSource... feeds) {
        BotConfig config = TestConfig.keys().dbPath(Path.of("unused.db"))
                .category(new Category("politics", "Политика", "Politics", List.of())).feeds(List.of(feeds))
                .set("feed.max-bytes", Integer.toString(1 << 20)).set("digest.times", "08:00").load();
        FeedFetcher fetcher = FeedFetcher.create(new FetchLimits(Duration.ofSeconds(1), Duration.ofSeconds(2), 3,
                1 << 20, "newsbot-test/1.0"));
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        return new FeedCheck(config, out, fetcher,
                Clock.fixed(Instant.parse("2026-11-28T06:00:00Z"), ZoneOffset.UTC)).run();
    }

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().map(String::stripTrailing).toList();
    }
}
