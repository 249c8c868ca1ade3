package newsbot.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import newsbot.feed.FetchResult.Fetched;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedFetcherTest {

    private static final String RSS = "application/rss+xml; charset=utf-8";
    private static final FetchLimits LIMITS = new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(3), 3,
            1L << 20, "newsbot-test/1.0");

    private FeedServer server;
    private FeedFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = FeedServer.start();
        fetcher = FeedFetcher.create(LIMITS);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsTheHeadersAFeedReaderShould() throws Exception {
        server.serveFixture("/rss/society.xml", "rss-obshchestvo.xml");

        FetchResult result = fetcher.fetch(server.url("/rss/society.xml"), Validators.NONE);

        Fetched fetched = fetched(result);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(FeedServer.fixture("rss-obshchestvo.xml"));
        assertThat(fetched.contentType()).isEqualTo(RSS);
        assertThat(fetched.finalUrl()).isEqualTo(server.url("/rss/society.xml"));
        FeedServer.RecordedRequest request = server.requests("/rss/society.xml").get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.header("User-Agent")).isEqualTo("newsbot-test/1.0");
        assertThat(request.header("Accept-Encoding")).isEqualTo("gzip");
        assertThat(request.header("Accept")).startsWith("application/rss+xml, application/atom+xml");
        assertThat(request.header("If-None-Match")).isNull();
        assertThat(request.header("If-Modified-Since")).isNull();
    }

    @Test
    void etagCycleEndsIn304UntilTheFeedChanges() throws Exception {
        server.serve("/f.xml", FeedRoute.ok(FeedServer.fixture("rss-politika.xml"), RSS).withValidators(true, false));

        Fetched first = fetched(fetcher.fetch(server.url("/f.xml"), Validators.NONE));
        assertThat(first.validators().etag()).isNotBlank();
        assertThat(first.validators().lastModified()).isNull();

        FetchResult second = fetcher.fetch(server.url("/f.xml"), first.validators());
        assertThat(second).isEqualTo(new FetchResult.NotModified(304));
        assertThat(server.requests("/f.xml").get(1).header("If-None-Match")).isEqualTo(first.validators().etag());

        server.serve("/f.xml", FeedRoute.ok(FeedServer.fixture("rss-ekonomika.xml"), RSS).withValidators(true, false));
        Fetched third = fetched(fetcher.fetch(server.url("/f.xml"), first.validators()));
        assertThat(third.body()).isEqualTo(FeedServer.fixture("rss-ekonomika.xml"));
        assertThat(third.validators().etag()).isNotEqualTo(first.validators().etag());
    }

    @Test
    void lastModifiedCycleEndsIn304UntilTheFeedChanges() throws Exception {
        server.serve("/f.xml", FeedRoute.ok(FeedServer.fixture("rss-sport.xml"), RSS).withValidators(false, true));

        Fetched first = fetched(fetcher.fetch(server.url("/f.xml"), Validators.NONE));
        assertThat(first.validators()).isEqualTo(new Validators(null, server.lastModified("/f.xml")));

        assertThat(fetcher.fetch(server.url("/f.xml"), first.validators())).isInstanceOf(FetchResult.NotModified.class);
        assertThat(server.requests("/f.xml").get(1).header("If-Modified-Since"))
                .isEqualTo(first.validators().lastModified());

        server.serve("/f.xml", FeedRoute.ok(FeedServer.fixture("rss-v-mire.xml"), RSS).withValidators(false, true));
        Fetched changed = fetched(fetcher.fetch(server.url("/f.xml"), first.validators()));
        assertThat(changed.body()).isEqualTo(FeedServer.fixture("rss-v-mire.xml"));
    }

    @Test
    void decompressesGzip() throws Exception {
        byte[] feed = FeedServer.fixture("atom-glavnoe.xml");
        server.serve("/atom.xml", FeedRoute.ok(feed, "application/atom+xml").withGzip());

        assertThat(fetched(fetcher.fetch(server.url("/atom.xml"), Validators.NONE)).body()).isEqualTo(feed);
    }

    @Test
    void followsRelativeAndAbsoluteRedirects() throws Exception {
        server.serve("/old", FeedRoute.redirect(301, "/moved"));
        server.serve("/moved", FeedRoute.redirect(302, server.url("/again")));
        server.serve("/again", FeedRoute.redirect(308, "final.xml"));
        server.serveFixture("/final.xml", "rss-sport.xml");

        Fetched fetched = fetched(fetcher.fetch(server.url("/old"), Validators.NONE));

        assertThat(fetched.finalUrl()).isEqualTo(server.url("/final.xml"));
        assertThat(fetched.body()).isEqualTo(FeedServer.fixture("rss-sport.xml"));
    }

    @Test
    void stopsAfterTooManyRedirects() throws Exception {
        server.serve("/loop", FeedRoute.redirect(307, "/loop"));

        assertThat(failure(fetcher.fetch(server.url("/loop"), Validators.NONE)))
                .isEqualTo(new FeedError.TooManyRedirects());
        assertThat(server.requests("/loop")).hasSize(LIMITS.maxRedirects() + 1);
    }

    @Test
    void refusesRedirectsToOtherSchemes() throws Exception {
        server.serve("/file", FeedRoute.redirect(302, "file:///etc/passwd"));
        server.serve("/js", FeedRoute.redirect(303, "javascript:alert(1)"));
        server.serve("/bare", FeedRoute.status(302));

        assertThat(failure(fetcher.fetch(server.url("/file"), Validators.NONE))).isInstanceOf(FeedError.BadUrl.class);
        assertThat(failure(fetcher.fetch(server.url("/js"), Validators.NONE))).isInstanceOf(FeedError.BadUrl.class);
        assertThat(failure(fetcher.fetch(server.url("/bare"), Validators.NONE))).isEqualTo(new FeedError.HttpStatus(302));
    }

    @Test
    void refusesUrlsThatAreNotHttp() throws Exception {
        for (String url : new String[] {"ftp://127.0.0.1/feed.xml", "file:///etc/passwd", "feed.xml", "", null,
                "http://", "javascript:alert(1)"}) {
            assertThat(failure(fetcher.fetch(url, Validators.NONE))).as(url).isInstanceOf(FeedError.BadUrl.class);
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void reportsHttpErrorsWithTheirStatus() throws Exception {
        server.serve("/gone", FeedRoute.status(500));

        assertThat(failure(fetcher.fetch(server.url("/missing"), Validators.NONE))).isEqualTo(new FeedError.HttpStatus(404));
        assertThat(failure(fetcher.fetch(server.url("/gone"), Validators.NONE))).isEqualTo(new FeedError.HttpStatus(500));
        assertThat(new FeedError.HttpStatus(404).describe()).isEqualTo("HTTP status 404");
    }

    @Test
    void aTricklingServerTimesOutOnTheWholeBody() throws Exception {
        FeedFetcher impatient = FeedFetcher.create(new FetchLimits(Duration.ofSeconds(1), Duration.ofMillis(400), 3,
                1L << 20, "newsbot-test/1.0"));
        server.serve("/slow.xml", FeedRoute.ok(FeedServer.fixture("rss-obshchestvo.xml"), RSS)
                .withTrickle(16, Duration.ofMillis(50)));

        long started = System.nanoTime();
        assertThat(failure(impatient.fetch(server.url("/slow.xml"), Validators.NONE))).isEqualTo(new FeedError.Timeout());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void slowHeadersTimeOut() throws Exception {
        FeedFetcher impatient = FeedFetcher.create(new FetchLimits(Duration.ofSeconds(1), Duration.ofMillis(300), 3,
                1L << 20, "newsbot-test/1.0"));
        server.serve("/late.xml", FeedRoute.ok(FeedServer.fixture("rss-sport.xml"), RSS)
                .withHeaderDelay(Duration.ofSeconds(10)));

        assertThat(failure(impatient.fetch(server.url("/late.xml"), Validators.NONE))).isEqualTo(new FeedError.Timeout());
    }

    @Test
    void oversizedBodiesAreCutOffWithOrWithoutContentLength() throws Exception {
        server.serve("/declared", FeedRoute.oversized(3L << 20, true));
        server.serve("/chunked", FeedRoute.oversized(3L << 20, false));

        assertThat(failure(fetcher.fetch(server.url("/declared"), Validators.NONE)))
                .isEqualTo(new FeedError.TooLarge(1L << 20));
        assertThat(failure(fetcher.fetch(server.url("/chunked"), Validators.NONE)))
                .isEqualTo(new FeedError.TooLarge(1L << 20));
        assertThat(new FeedError.TooLarge(1L << 20).describe()).isEqualTo("response larger than the limit of 1 MiB");
    }

    @Test
    void aGzipBombIsRefusedWithoutInflatingIt() throws Exception {
        FeedFetcher defaults = FeedFetcher.create(FetchLimits.defaults());
        server.serve("/bomb.xml", FeedRoute.gzipBomb(50L << 20));

        assertThat(failure(defaults.fetch(server.url("/bomb.xml"), Validators.NONE)))
                .isEqualTo(new FeedError.TooLarge(5L << 20));
    }

    @Test
    void aClosedPortIsANetworkError() throws Exception {
        String url = server.url("/feed.xml");
        server.close();

        FeedError error = failure(fetcher.fetch(url, Validators.NONE));

        assertThat(error).isInstanceOf(FeedError.Network.class);
        assertThat(error.describe()).startsWith("network error: ").doesNotContain("\n");
    }

    @Test
    void interruptionIsPropagated() throws Exception {
        server.serve("/late.xml", FeedRoute.ok(new byte[10], RSS).withHeaderDelay(Duration.ofSeconds(30)));
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                fetcher.fetch(server.url("/late.xml"), Validators.NONE);
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        caller.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.requests("/late.xml").isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        caller.interrupt();

        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    }

    @Test
    void defaultsAreSensible() {
        FetchLimits defaults = FetchLimits.defaults();
        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(defaults.maxRedirects()).isEqualTo(5);
        assertThat(defaults.maxBytes()).isEqualTo(5L << 20);
        assertThat(defaults.userAgent()).startsWith("newsbot/");
        assertThatThrownBy(() -> new FetchLimits(Duration.ZERO, Duration.ofSeconds(1), 1, 1, "ua"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Fetched fetched(FetchResult result) {
        assertThat(result).isInstanceOf(Fetched.class);
        return (Fetched) result;
    }

    private static FeedError failure(FetchResult result) {
        assertThat(result).isInstanceOf(FetchResult.Failed.class);
        return ((FetchResult.Failed) result).error();
    }

}
