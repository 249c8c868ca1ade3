package newsbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import newsbot.config.FeedSource;
import newsbot.feed.ArticleBodyCodec;
import newsbot.feed.FeedRoute;
import newsbot.feed.FeedServer;
import newsbot.store.ArticleText;
import newsbot.store.ArticleTexts;
import newsbot.store.Articles;
import newsbot.store.Database;
import newsbot.store.NewArticle;
import newsbot.store.PageState;
import newsbot.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticlePagesTest {

    private static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");
    private static final String PAGE = "/economy/2026/11/28/tarify/";

    @TempDir
    Path dir;
    private FeedServer server;
    private Database db;
    private final TestClock clock = new TestClock(NOW);
    private ArticlePages pages;

    @BeforeEach
    void setUp() throws Exception {
        server = FeedServer.start();
        db = newsbot.testing.TestDatabases.open(dir.resolve("p.db"));
        pages = new ArticlePages(db, IngestFixture.fetcher(),
                List.of(new FeedSource("economy", server.url("/economy.xml"), null, false)), clock, () -> 0L);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private long article(String url, String body) {
        return db.inTransaction(h -> {
            long id = new Articles().insertIfNew(h, new NewArticle("economy", url, url, "Тарифы снизят",
                    "Новые тарифы вступят в силу с 1 января.", null, NOW, NOW, false)).orElseThrow();
            new ArticleTexts().insert(h, id, null, body);
            return id;
        });
    }

    @Test
    void aSummaryOnlyArticleGetsItsPageOnceOnFirstDemand() throws Exception {
        server.serve(PAGE, FeedServer.fixture("page-og-image-only.html"), "text/html; charset=utf-8");
        long id = article(server.url(PAGE), "");

        ArticleText first = pages.textFor(id).orElseThrow();
        ArticleText second = pages.textFor(id).orElseThrow();

        assertThat(first.pageState()).isEqualTo(PageState.FETCHED);
        assertThat(first.image()).contains("https://news.example.kg/upload/2026/11/tarify-og.jpg");
        assertThat(new ArticleBodyCodec().decode(first.body()).characters()).isGreaterThan(500);
        assertThat(second).isEqualTo(first);
        assertThat(server.requests(PAGE)).hasSize(1);
        assertThat(server.requests(PAGE).get(0).header("Accept")).startsWith("text/html");
    }

    @Test
    void aFailedPageIsTriedAgainOnlyAfterItsBackoff() throws Exception {
        server.serve(PAGE, FeedRoute.status(503));
        long id = article(server.url(PAGE), "");

        assertThat(pages.textFor(id).orElseThrow().pageState()).isEqualTo(PageState.FAILED);
        clock.advance(Duration.ofMinutes(4));
        assertThat(pages.textFor(id).orElseThrow().body()).as("the reader has the summary meanwhile").isEmpty();
        assertThat(server.requests(PAGE)).hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        assertThat(pages.textFor(id).orElseThrow().pageAttempts()).as("tried again after 5 min").isEqualTo(2);
        clock.advance(Duration.ofMinutes(9));
        assertThat(pages.textFor(id).orElseThrow().pageAttempts()).as("then after 10 min more").isEqualTo(2);
        assertThat(server.requests(PAGE)).hasSize(2);

        server.serve(PAGE, FeedServer.fixture("page-og-image-only.html"), "text/html; charset=utf-8");
        clock.advance(Duration.ofMinutes(1));
        assertThat(pages.textFor(id).orElseThrow().pageState()).isEqualTo(PageState.FETCHED);
        assertThat(server.requests(PAGE)).hasSize(3);
    }

    @Test
    void onlyTheFeedsHostsAreFetched() throws Exception {
        server.serve(PAGE, FeedServer.fixture("page-og-image-only.html"), "text/html; charset=utf-8");
        long elsewhere = article(server.url(PAGE).replace("127.0.0.1", "localhost"), "");

        ArticleText text = pages.textFor(elsewhere).orElseThrow();

        assertThat(text.pageState()).isEqualTo(PageState.NOT_NEEDED);
        assertThat(text.body()).isEmpty();
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aFeedsFullTextNeedsNoPage() throws Exception {
        long id = article(server.url(PAGE), "{\"v\":1,\"b\":[{\"t\":\"p\",\"x\":[[\"Текст\"]]}]}");

        assertThat(pages.textFor(id).orElseThrow().pageState()).isEqualTo(PageState.NOT_NEEDED);
        assertThat(server.requests()).isEmpty();
        assertThat(pages.textFor(999)).isEqualTo(Optional.empty());
    }

}
