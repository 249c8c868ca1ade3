package newsbot.app;

import newsbot.testing.TestConfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
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
        int code = check(feed("politics", "/politics.xml"), feed("page", "/page.xml"), feed("down", "/down.xml"),
                new FeedSource("nowhere", "ftp://example.kg/feed", null, false));

        assertThat(code).isEqualTo(1);
        assertThat(lines()).containsExactly(
                "feed                     status  items  result",
                "politics                    200      5  ok",
                "page                        200      -  not a feed: an HTML page",
                "down                        503      -  HTTP status 503",
                "nowhere                       -      -  bad URL: not an absolute http(s) URL: ftp://example.kg/feed",
                "4 feeds: 1 ok, 3 failed");
    }

    private FeedSource feed(String id, String path) {
        return new FeedSource(id, server.url(path), null, false);
    }

    private int check(FeedSource... feeds) {
        BotConfig config = new BotConfig(new BotConfig.Telegram("1:x", URI.create("http://127.0.0.1:9"), Set.of()),
                Path.of("unused.db"), List.of(new Category("politics", "Политика", "Politics", List.of())),
                new BotConfig.Feeds(List.of(feeds), Duration.ofMinutes(2), 1 << 20, Duration.ofHours(1),
                        Duration.ofDays(30), 300),
                new BotConfig.Breaking(List.of("СРОЧНО"), Set.of()),
                new BotConfig.Digest(ZoneId.of("Asia/Bishkek"), List.of(LocalTime.of(8, 0)), 5),
                TestConfig.limits(30, 1, 20, 8, 1));
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
