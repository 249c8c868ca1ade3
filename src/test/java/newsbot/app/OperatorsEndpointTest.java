package newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import newsbot.config.BotConfig;
import newsbot.feed.FeedServer;
import newsbot.ops.PrometheusText;
import newsbot.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /health and /metrics of the whole application, over loopback on an ephemeral port. */
class OperatorsEndpointTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final long READER = 701;

    @TempDir
    Path dir;
    TestBot bot;
    FeedServer feeds;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void start() throws Exception {
        feeds = FeedServer.start();
        bot = TestBot.create(dir).withFixtureFeeds(feeds)
                .start(c -> c.withHttp(Optional.of(new BotConfig.Http(0, "127.0.0.1"))));
        assertThat(bot.app().awaitPolling(WAIT)).isTrue();
    }

    @AfterEach
    void stop() {
        bot.close();
        feeds.close();
    }

    @Test
    void healthTurns503WhileTheDatabaseRefusesWritesAndBack() throws Exception {
        HttpResponse<String> healthy = await("/health", r -> r.statusCode() == 200);
        assertThat(healthy.body()).isEqualTo("{\"status\":\"ok\"}\n");
        assertThat(healthy.headers().firstValue("Content-Type")).hasValue("application/json");

        Database db = bot.db();
        // A real refusal from SQLite itself: the heartbeat write aborts, as on a read-only or full disk.
        db.useTransaction(h -> h.execute("CREATE TRIGGER refuse_heartbeat BEFORE UPDATE ON bot_state "
                + "WHEN NEW.key = 'health_heartbeat' BEGIN SELECT RAISE(ABORT, 'attempt to write a readonly database'); END"));
        HttpResponse<String> sick = get("/health");
        assertThat(sick.statusCode()).isEqualTo(503);
        assertThat(sick.body()).startsWith("{\"status\":\"unhealthy\",\"problems\":[\"database not writable:")
                .contains("readonly database").doesNotContain("update loop").doesNotContain(bot.telegram.token());

        db.useTransaction(h -> h.execute("DROP TRIGGER refuse_heartbeat"));
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsParseAndTheCountersMove() throws Exception {
        PrometheusText before = metrics();
        assertThat(before.type("newsbot_updates_handled_total")).hasValue("counter");
        double handled = before.require("newsbot_updates_handled_total");
        double replies = before.require("newsbot_sends_total", "kind", "REPLY", "outcome", "sent");
        assertThat(before.require("newsbot_feed_fetches_total", "outcome", "fetched")).isZero();
        assertThat(before.require("newsbot_digest_tick_seconds_count")).isZero();
        assertThat(before.type("newsbot_article_reads_total")).hasValue("counter");
        assertThat(before.require("newsbot_article_reads_total")).isZero();

        int seen = bot.telegram.messagesTo(READER).size();
        bot.telegram.userSends(READER, READER, "/start", "en");
        bot.telegram.awaitMessages(READER, seen + 1, WAIT);
        assertThat(bot.app().pollFeedsNow()).isGreaterThan(0);
        bot.app().digestTickNow();

        PrometheusText after = awaitMetrics(m -> m.require("newsbot_sends_total", "kind", "REPLY", "outcome", "sent")
                > replies);
        assertThat(after.require("newsbot_updates_handled_total")).isEqualTo(handled + 1);
        assertThat(after.require("newsbot_feed_fetches_total", "outcome", "fetched")).isEqualTo(2);
        assertThat(after.require("newsbot_feed_fetches_total", "outcome", "failed")).isZero();
        assertThat(after.require("newsbot_feed_lag_seconds", "feed", "economy")).isZero(); // the test clock stands
        assertThat(after.require("newsbot_feed_failures", "feed", "sport")).isZero();
        assertThat(after.require("newsbot_digest_tick_seconds_count")).isEqualTo(1);
        assertThat(after.require("newsbot_queue_pending", "kind", "BROADCAST")).isZero();
        assertThat(after.require("newsbot_queue_oldest_pending_age_seconds")).isGreaterThanOrEqualTo(0);
        assertThat(after.require("newsbot_telegram_up")).isEqualTo(1);
        assertThat(after.require("newsbot_telegram_rate_limited_total")).isZero();
        assertThat(after.require("newsbot_sqlite_file_size_bytes")).isGreaterThan(0);
        assertThat(after.series()).anyMatch(s -> s.name().equals("jvm_memory_used_bytes"));
        assertThat(after.require("jvm_threads_live_threads")).isPositive();
        assertThat(after.require("process_uptime_seconds")).isPositive();
        assertThat(after.require("newsbot_sender_in_flight")).isGreaterThanOrEqualTo(0);
        assertThat(after.require("newsbot_telegram_outages_total")).isZero();

        // a read counted (as "Read in Telegram" counts it) shows in the next scrape
        bot.db().useTransaction(h -> new newsbot.store.ArticleReads().count(h,
                h.createQuery("SELECT MIN(id) FROM articles").mapTo(Long.class).one(), java.time.LocalDate.EPOCH));
        assertThat(awaitMetrics(m -> m.require("newsbot_article_reads_total") > 0)
                .require("newsbot_article_reads_total")).isEqualTo(1);
    }

    @Test
    void theLimitersUseAndTelegrams429sByScopeAreExported() throws Exception {
        PrometheusText before = metrics();
        assertThat(before.type("newsbot_sender_rate_sent")).hasValue("gauge");
        double limit = before.require("newsbot_sender_rate_limit", "lane", "free");
        assertThat(limit).isPositive(); // the tests' configuration, not Telegram's 30
        assertThat(before.require("newsbot_sender_rate_limit", "lane", "paid")).isPositive();
        assertThat(before.require("newsbot_sender_rate_allowed")).isEqualTo(limit);
        assertThat(before.require("newsbot_telegram_rate_limited_scope_total", "scope", "CHAT")).isZero();

        bot.telegram.failNext("sendMessage", 1, 429); // the reply is refused, retry_after 1
        bot.telegram.userSends(READER, READER, "/start", "en");
        PrometheusText after = awaitMetrics(m -> m.require("newsbot_telegram_rate_limited_scope_total", "scope",
                "CHAT") > 0);
        assertThat(after.require("newsbot_telegram_rate_limited_scope_total", "scope", "CHAT")).isEqualTo(1);
        assertThat(after.require("newsbot_telegram_rate_limited_scope_total", "scope", "ALL")).isZero();
        assertThat(after.require("newsbot_sender_slow_downs_total")).isZero();
        assertThat(after.require("newsbot_sender_rate_allowed")).as("one 429 slows nobody down").isEqualTo(limit);
        assertThat(after.require("newsbot_sender_rate_sent", "lane", "free")).isBetween(0.0, limit);
        assertThat(after.require("newsbot_sender_rate_sent", "lane", "paid")).isZero();
    }

    @Test
    void unknownPathsAndMethodsAreRefused() throws Exception {
        assertThat(get("/healthz").statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(url("/metrics"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    private PrometheusText metrics() throws Exception {
        HttpResponse<String> response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        return PrometheusText.parse(response.body());
    }

    /** The sender records an answer a moment after the fake shows the message: look again until it shows. */
    private PrometheusText awaitMetrics(Predicate<PrometheusText> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        PrometheusText m = metrics();
        while (!condition.test(m) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            m = metrics();
        }
        return m;
    }

    private HttpResponse<String> await(String path, Predicate<HttpResponse<String>> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        HttpResponse<String> r = get(path);
        while (!condition.test(r) && System.nanoTime() < deadline) {
            Thread.sleep(20); // the first getUpdates answer is on its way
            r = get(path);
        }
        return r;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).timeout(WAIT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + bot.app().httpPort().orElseThrow() + path);
    }
}
