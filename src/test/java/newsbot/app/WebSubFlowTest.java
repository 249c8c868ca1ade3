package newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import newsbot.feed.FeedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WebSub against a fake hub: subscription, verification, signed delivery, forgeries, renewal, the hub gone. */
class WebSubFlowTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final long READER = 821;

    @TempDir
    Path dir;
    FeedServer feeds;
    FakeHub hub;
    TestBot bot;
    String callback;

    @BeforeEach
    void start() throws Exception {
        feeds = FeedServer.start();
        hub = FakeHub.start();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        bot = TestBot.create(dir).withFixtureFeeds(feeds)
                .set("http.port", Integer.toString(port))
                .set("http.public-url", "http://127.0.0.1:" + port + "/")
                .set("feed.economy.hub", hub.url())
                .start();
        callback = "http://127.0.0.1:" + port + "/websub/economy";
        assertThat(bot.app().awaitPolling(WAIT)).isTrue();
        bot.app().pollFeedsNow();
        bot.telegram.userSends(READER, READER, "/start", "ru");
        bot.telegram.awaitMessages(READER, 1, WAIT);
        bot.telegram.userSends(READER, READER, "/subscribe economy", "ru");
        bot.telegram.awaitMessages(READER, 2, WAIT);
    }

    @AfterEach
    void stop() {
        bot.close();
        hub.close();
        feeds.close();
    }

    @Test
    void subscribesVerifiesTakesSignedContentOnlyRenewsAndOutlivesTheHub() throws Exception {
        String topic = feeds.url("/economy");
        bot.app().webSubTickNow();
        assertThat(hub.requests()).hasSize(1);
        Map<String, String> asked = hub.requests().get(0);
        assertThat(asked).containsEntry("hub.mode", "subscribe").containsEntry("hub.callback", callback)
                .containsEntry("hub.topic", topic).containsEntry("hub.lease_seconds", "864000");
        String secret = asked.get("hub.secret");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
        byte[] early = PushFlowTest.withBreaking("До проверки", "early");
        assertThat(hub.deliver(callback, early, FakeHub.sign("sha256", secret, early)).statusCode())
                .as("nothing is taken before the hub verified").isEqualTo(404);

        // verification: only what the bot asked for
        assertThat(hub.verify(callback, "subscribe", topic + "?other", "c0", 3600).statusCode()).isEqualTo(404);
        assertThat(hub.verify(callback, "unsubscribe", topic, "c1", 3600).statusCode()).isEqualTo(404);
        assertThat(hub.verify(callback.replace("economy", "sport"), "subscribe", topic, "c2", 3600).statusCode())
                .isEqualTo(404);
        HttpResponse<String> verified = hub.verify(callback, "subscribe", topic, "challenge-42", 3600);
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).isEqualTo("challenge-42");

        // a signed delivery reaches the reader through the usual rules, at once
        byte[] breaking = PushFlowTest.withBreaking("Парламент принял бюджет", "budget");
        long sentAt = System.nanoTime();
        assertThat(hub.deliver(callback, breaking, FakeHub.sign("sha256", secret, breaking)).statusCode())
                .isEqualTo(202);
        bot.telegram.awaitMessage(m -> m.chatId() == READER && m.text().contains("Парламент принял бюджет"), WAIT);
        System.out.printf("websub: delivery to the reader's alert %.0f ms%n", (System.nanoTime() - sentAt) / 1e6);

        // forged and unsigned content is refused and never ingested
        byte[] forged = PushFlowTest.withBreaking("Поддельная новость", "forged");
        assertThat(hub.deliver(callback, forged, FakeHub.sign("sha256", "not-the-secret", forged)).statusCode())
                .isEqualTo(403);
        assertThat(hub.deliver(callback, forged, null).statusCode()).isEqualTo(403);
        assertThat(hub.deliver(callback, forged, "sha256=zz").statusCode()).isEqualTo(403);
        byte[] later = PushFlowTest.withBreaking("Курс доллара снизился", "usd");
        assertThat(hub.deliver(callback, later, FakeHub.sign("sha1", secret, later)).statusCode()).isEqualTo(202);
        bot.telegram.awaitMessage(m -> m.chatId() == READER && m.text().contains("Курс доллара снизился"), WAIT);
        assertThat(bot.telegram.messagesTo(READER)).noneMatch(m -> m.text().contains("Поддельная"));

        // renewal: not while the lease is young; halfway through a one-hour lease, with the same secret
        bot.clock.advance(Duration.ofMinutes(10));
        bot.app().webSubTickNow();
        assertThat(hub.requests()).hasSize(1);
        bot.clock.advance(Duration.ofMinutes(21));
        bot.app().webSubTickNow();
        assertThat(hub.requests()).hasSize(2);
        assertThat(hub.requests().get(1)).containsEntry("hub.secret", secret).containsEntry("hub.mode", "subscribe");
        assertThat(hub.verify(callback, "subscribe", topic, "again", 3600).body()).isEqualTo("again");

        // the hub gone: the renewal fails, the bot says so and polling carries on
        hub.close();
        bot.clock.advance(Duration.ofMinutes(31));
        bot.app().webSubTickNow();
        feeds.serve("/economy", PushFlowTest.withBreaking("Опрос показал рост цен", "poll"), PushFlowTest.RSS);
        bot.app().pollFeedsNow();
        bot.telegram.awaitMessage(m -> m.chatId() == READER && m.text().contains("Опрос показал рост цен"), WAIT);

        bot.telegram.userSends(TestBot.ADMIN, TestBot.ADMIN, "/log", "ru");
        assertThat(bot.telegram.awaitMessage(m -> m.chatId() == TestBot.ADMIN && m.text().contains("📒"), WAIT)
                .plainText()).contains("получено по WebSub economy · 1 new articles");
    }

    @Test
    void aFeedNamingItsOwnHubIsSubscribedOnceItWasRead() throws Exception {
        String sport = new String(FeedServer.fixture("rss-sport.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("<rss ", "<rss xmlns:atom=\"http://www.w3.org/2005/Atom\" ")
                .replaceFirst("<channel>", "<channel><atom:link rel=\"hub\" href=\"" + hub.url() + "\"/>");
        feeds.serve("/sport", sport.getBytes(java.nio.charset.StandardCharsets.UTF_8), PushFlowTest.RSS);
        bot.clock.advance(Duration.ofMinutes(3));
        bot.app().pollFeedsNow();
        bot.app().webSubTickNow();
        assertThat(hub.requests()).extracting(r -> r.get("hub.topic"))
                .containsExactlyInAnyOrder(feeds.url("/economy"), feeds.url("/sport"));
        assertThat(hub.requests()).extracting(r -> r.get("hub.callback")).contains(callback.replace("economy", "sport"));
    }
}
