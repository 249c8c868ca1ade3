package newsbot.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fetch → parse → clean → key, the way the ingest layer will chain them, against the loopback server. */
class FeedPipelineTest {

    private static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");
    private static final Map<String, String> CATEGORY_FEEDS = Map.of(
            "/rss/society.xml", "rss-obshchestvo.xml",
            "/rss/economy.xml", "rss-ekonomika.xml",
            "/rss/politics.xml", "rss-politika.xml",
            "/rss/incidents.xml", "rss-proisshestviya.xml",
            "/rss/sport.xml", "rss-sport.xml",
            "/rss/world.xml", "rss-v-mire.xml");

    private FeedServer server;
    private final FeedFetcher fetcher = FeedFetcher.create(new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(3),
            3, 1L << 20, "newsbot-test/1.0"));
    private final FeedParser parser = new FeedParser();
    private final ArticleCleaner cleaner = new ArticleCleaner(300, List.of("СРОЧНО", "Срочно", "BREAKING", "⚡"));

    @BeforeEach
    void start() throws IOException {
        server = FeedServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void allCategoryFeedsThenA304Round() throws Exception {
        CATEGORY_FEEDS.forEach((path, fixture) -> server.serve(path,
                FeedRoute.ok(FeedServer.fixture(fixture), "application/rss+xml; charset=utf-8").withGzip()));
        Set<String> keys = new HashSet<>();
        int items = 0;
        Map<String, Validators> validators = new HashMap<>();

        for (String path : CATEGORY_FEEDS.keySet()) {
            FetchResult.Fetched fetched = (FetchResult.Fetched) fetcher.fetch(server.url(path), Validators.NONE);
            validators.put(path, fetched.validators());
            ParseResult.Parsed parsed = (ParseResult.Parsed) parser.parse(fetched.body(), fetched.contentType(), NOW);
            for (RawItem raw : parsed.items()) {
                items++;
                cleaner.clean(raw, parsed.feedLink()).map(DedupKeys::of).ifPresent(keys::add);
            }
        }

        assertThat(items).isEqualTo(5 + 5 + 5 + 6 + 9 + 8);
        // One duplicate inside politics, two shared with economy, one item in "world" with no text at all.
        assertThat(keys).hasSize(items - 1 - 2 - 1);
        for (String path : CATEGORY_FEEDS.keySet()) {
            assertThat(fetcher.fetch(server.url(path), validators.get(path))).isInstanceOf(FetchResult.NotModified.class);
        }
    }

    @Test
    void windows1251NamedOnlyByTheHeader() throws Exception {
        String latin1 = new String(FeedServer.fixture("rss-cp1251.xml"), StandardCharsets.ISO_8859_1)
                .replace(" encoding=\"windows-1251\"", "");
        server.serve("/osh.xml", latin1.getBytes(StandardCharsets.ISO_8859_1),
                "text/xml; charset=windows-1251");

        FetchResult.Fetched fetched = (FetchResult.Fetched) fetcher.fetch(server.url("/osh.xml"), Validators.NONE);
        ParseResult.Parsed parsed = (ParseResult.Parsed) parser.parse(fetched.body(), fetched.contentType(), NOW);

        assertThat(parsed.items()).first().extracting(RawItem::title)
                .isEqualTo("В Оше завершили реконструкцию моста через Ак-Буру");
    }

    @Test
    void aFeedServedAsTextHtmlStillParses() throws Exception {
        server.serve("/mislabelled.xml", FeedServer.fixture("rss-sport.xml"), "text/html; charset=utf-8");

        FetchResult.Fetched fetched = (FetchResult.Fetched) fetcher.fetch(server.url("/mislabelled.xml"), Validators.NONE);

        assertThat(parser.parse(fetched.body(), fetched.contentType(), NOW)).isInstanceOf(ParseResult.Parsed.class);
    }

    @Test
    void everyErrorDescribesItselfOnOneLine() {
        List<FeedError> errors = List.of(new FeedError.HttpStatus(503), new FeedError.Timeout(),
                new FeedError.TooLarge(5L << 20), new FeedError.Network("reset\nby peer"), new FeedError.BadUrl(null),
                new FeedError.TooManyRedirects(), new FeedError.NotAFeed("an HTML page"),
                new FeedError.Malformed("x".repeat(1000)));

        assertThat(errors).allSatisfy(e -> assertThat(e.describe()).isNotBlank().doesNotContain("\n").hasSizeLessThan(400));
        assertThat(new FeedError.Network("reset\nby peer").describe()).isEqualTo("network error: reset by peer");
    }
}
