package newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import newsbot.config.BotConfig;
import newsbot.feed.FeedServer;
import newsbot.telegram.FakeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /push/<feed>}: the site says "there is news now" and the bot polls that feed at once. */
class PushFlowTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final String TOKEN = "push-token-0123456789abcdef";
    static final long READER = 811;

    @TempDir
    Path dir;
    FeedServer feeds;
    TestBot bot;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void start() throws Exception {
        feeds = FeedServer.start();
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        feeds.close();
    }

    private void startBot(boolean withToken) throws Exception {
        bot = TestBot.create(dir).withFixtureFeeds(feeds);
        if (withToken) {
            bot.set("push.token", TOKEN);
        }
        bot.start(c -> c.withHttp(Optional.of(new BotConfig.Http(0, "127.0.0.1"))));
        assertThat(bot.app().awaitPolling(WAIT)).isTrue();
        assertThat(bot.app().pollFeedsNow()).as("the first poll stores what the feeds hold").isGreaterThan(0);
        bot.telegram.userSends(READER, READER, "/start", "ru");
        bot.telegram.awaitMessages(READER, 1, WAIT);
        bot.telegram.userSends(READER, READER, "/subscribe economy", "ru");
        bot.telegram.awaitMessages(READER, 2, WAIT);
    }

    @Test
    void aPingBringsABreakingItemToReadersBeforeTheNextPollWouldHave() throws Exception {
        startBot(true);
        feeds.serve("/economy", withBreaking("Нацбанк экстренно повысил ставку", "rate-hike"), RSS);
        assertThat(bot.app().pollFeedsNow()).as("the next regular poll is two minutes away").isZero();

        long sentAt = System.nanoTime();
        HttpResponse<String> answer = push("economy", "Bearer " + TOKEN);

        assertThat(answer.statusCode()).isEqualTo(202);
        FakeMessage alert = bot.telegram.awaitMessage(m -> m.chatId() == READER
                && m.text().contains("Нацбанк экстренно повысил ставку"), WAIT);
        System.out.printf("push: ping to the reader's alert %.0f ms%n", (System.nanoTime() - sentAt) / 1e6);
        assertThat(alert.text()).startsWith("⚡");
        assertThat(feeds.requests("/economy").get(1).header("If-None-Match")).as("the usual conditional GET")
                .isNotNull();

        bot.telegram.userSends(TestBot.ADMIN, TestBot.ADMIN, "/log", "ru");
        FakeMessage log = bot.telegram.awaitMessage(m -> m.chatId() == TestBot.ADMIN && m.text().contains("📒"), WAIT);
        assertThat(log.plainText()).contains("сайт · пуш от сайта economy · polling now");
    }

    @Test
    void pingsWithoutOrWithAWrongTokenOrForAnUnknownFeedAreRefused() throws Exception {
        startBot(true);
        int fetches = feeds.requests("/economy").size();

        assertThat(push("economy", null).statusCode()).isEqualTo(401);
        assertThat(push("economy", "Bearer " + TOKEN + "x").statusCode()).isEqualTo(401);
        assertThat(push("economy", "Basic " + TOKEN).statusCode()).isEqualTo(401);
        assertThat(push("nosuchfeed", "Bearer " + TOKEN).statusCode()).isEqualTo(404);
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(url("/push/economy")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");

        assertThat(feeds.requests("/economy")).as("a refused ping polls nothing").hasSize(fetches);
    }

    @Test
    void withoutAPushTokenTheRouteDoesNotExist() throws Exception {
        startBot(false);
        assertThat(push("economy", "Bearer " + TOKEN).statusCode()).isEqualTo(404);
        assertThat(push("economy", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aFloodOfPingsCoalescesIntoAFewPollsAndThenIsRefused() throws Exception {
        startBot(true);
        int fetches = feeds.requests("/economy").size();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            statuses.add(push("economy", "Bearer " + TOKEN).statusCode());
        }
        assertThat(statuses.subList(0, 10)).containsOnly(202);
        assertThat(statuses.subList(10, 40)).containsOnly(429);

        bot.app().awaitPushesIdle();
        assertThat(feeds.requests("/economy")).as("ten pings at once: one poll now").hasSize(fetches + 1);

        // ... and one more at the end of the joining window, in case the item came after the first fetch
        feeds.serve("/economy", withBreaking("Курс сома укрепился", "som"), RSS);
        bot.clock.advance(Duration.ofSeconds(3));
        bot.app().pollFeedsNow();
        bot.telegram.awaitMessage(m -> m.chatId() == READER && m.text().contains("Курс сома укрепился"), WAIT);
        assertThat(feeds.requests("/economy")).hasSize(fetches + 2);
        assertThat(feeds.requests("/sport")).as("the other feed is not due").hasSize(1);

        bot.clock.advance(Duration.ofMinutes(1));
        assertThat(push("economy", "Bearer " + TOKEN).statusCode()).as("a minute later pings are taken again")
                .isEqualTo(202);
    }

    static final String RSS = "application/rss+xml; charset=utf-8";

    static byte[] withBreaking(String title, String slug) {
        String feed = new String(FeedServer.fixture("rss-ekonomika.xml"), StandardCharsets.UTF_8);
        String item = "<item><title>СРОЧНО: " + title + "</title>"
                + "<link>https://news.example.kg/economy/" + slug + "</link>"
                + "<guid>https://news.example.kg/economy/" + slug + "</guid>"
                + "<pubDate>Sat, 28 Nov 2026 12:01:00 +0600</pubDate></item>";
        return feed.replaceFirst("<item>", item + "<item>").getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> push(String feed, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url("/push/" + feed)).timeout(WAIT)
                .POST(HttpRequest.BodyPublishers.ofString("{\"untrusted\":true}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + bot.app().httpPort().orElseThrow() + path);
    }
}
