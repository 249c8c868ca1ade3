package newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import newsbot.feed.FeedServer;
import newsbot.telegram.FakeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds to readers through the whole application: FeedServer → poller → breaking alerts and digests → dispatcher
 * → FakeBotApi, with the clock moved by hand.
 */
class NewsFlowTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final long ECONOMY_READER = 601;
    static final long SPORT_READER = 602;
    static final long QUIET_READER = 603;
    static final String BREAKING_TITLE = "Нацбанк экстренно повысил учётную ставку до 11%";

    @TempDir
    Path dir;
    FeedServer feeds;
    TestBot bot;

    @BeforeEach
    void start() throws Exception {
        feeds = FeedServer.start();
        bot = TestBot.create(dir).withFixtureFeeds(feeds);
        bot.start();
        // 12:00 in Bishkek; digests at 08:00 and 19:00 local
        bot.clock.set(Instant.parse("2026-11-28T06:00:00Z"));
        reader(ECONOMY_READER, "/subscribe economy");
        reader(SPORT_READER, "/subscribe sport");
        reader(QUIET_READER, "/subscribe economy");
        say(QUIET_READER, "/quiet 11:00-14:00");
    }

    @AfterEach
    void stop() {
        bot.close();
        feeds.close();
    }

    @Test
    void breakingAlertsThenDigestsThenNothingTwice() throws Exception {
        assertThat(bot.app().pollFeedsNow()).isGreaterThan(10);
        assertThat(pushes(ECONOMY_READER)).as("the first fetch floods nobody").isEmpty();

        feeds.serve("/economy", economyFeedWithBreakingItem(), "application/rss+xml; charset=utf-8");
        bot.clock.advance(Duration.ofMinutes(3));
        assertThat(bot.app().pollFeedsNow()).isEqualTo(1);

        FakeMessage alert = awaitPush(ECONOMY_READER, m -> m.text().contains(BREAKING_TITLE));
        assertThat(alert.text()).startsWith("⚡").doesNotContain("СРОЧНО");
        assertThat(alert.disableNotification()).isFalse();
        assertThat(alert.linkPreviewDisabled()).isFalse();
        FakeMessage silent = awaitPush(QUIET_READER, m -> m.text().contains(BREAKING_TITLE));
        assertThat(silent.disableNotification()).as("inside quiet hours").isTrue();

        bot.clock.advance(Duration.ofMinutes(3));
        bot.app().pollFeedsNow();
        assertThat(pushes(SPORT_READER)).as("not subscribed to economy").isEmpty();

        // 19:00:30 in Bishkek: everyone's first digest, "what's new today", the quiet reader's quiet hours are over
        bot.clock.set(Instant.parse("2026-11-28T13:00:30Z"));
        bot.app().digestTickNow();
        FakeMessage digest = awaitPush(ECONOMY_READER, m -> m.text().contains("Что нового сегодня"));
        assertThat(digest.text()).contains("Курс доллара").doesNotContain(BREAKING_TITLE).doesNotContain("Спорт");
        assertThat(digest.linkPreviewDisabled()).isTrue();
        assertThat(awaitPush(SPORT_READER, m -> m.text().contains("Что нового сегодня")).text())
                .contains("Спорт").doesNotContain("Курс доллара");
        awaitPush(QUIET_READER, m -> m.text().contains("Что нового сегодня"));

        assertThat(say(ECONOMY_READER, "/digest").text()).contains("Нового с вашего прошлого дайджеста нет");

        bot.restart();
        bot.app().digestTickNow();
        bot.app().pollFeedsNow();
        assertThat(pushes(ECONOMY_READER)).hasSize(2);
        assertThat(pushes(SPORT_READER)).hasSize(1);

        // the bot is down over the next two digest times: one digest when it is back, not two
        bot.stop();
        feeds.serve("/sport", sportFeedWithNewItem(), "application/rss+xml; charset=utf-8");
        bot.clock.set(Instant.parse("2026-11-29T13:30:00Z"));
        bot.start();
        bot.app().pollFeedsNow();
        bot.app().digestTickNow();
        bot.app().digestTickNow();
        FakeMessage late = awaitPush(SPORT_READER, m -> m.text().contains("Сборная Кыргызстана по футзалу"));
        assertThat(late.text()).contains("Ваш дайджест");
        assertThat(pushes(SPORT_READER)).hasSize(2);
    }

    private byte[] economyFeedWithBreakingItem() {
        String feed = new String(FeedServer.fixture("rss-ekonomika.xml"), StandardCharsets.UTF_8);
        String item = "<item><title>СРОЧНО: " + BREAKING_TITLE + "</title>"
                + "<link>https://news.example.kg/economy/rate-hike</link>"
                + "<guid>https://news.example.kg/economy/rate-hike</guid>"
                + "<description>Решение вступает в силу с понедельника.</description>"
                + "<pubDate>Sat, 28 Nov 2026 12:01:00 +0600</pubDate></item>";
        return feed.replaceFirst("<item>", item + "<item>").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] sportFeedWithNewItem() {
        String feed = new String(FeedServer.fixture("rss-sport.xml"), StandardCharsets.UTF_8);
        String item = "<item><title>Сборная Кыргызстана по футзалу вышла в полуфинал</title>"
                + "<link>https://news.example.kg/sport/futsal-semifinal</link>"
                + "<guid>https://news.example.kg/sport/futsal-semifinal</guid>"
                + "<pubDate>Sun, 29 Nov 2026 10:00:00 +0600</pubDate></item>";
        return feed.replaceFirst("<item>", item + "<item>").getBytes(StandardCharsets.UTF_8);
    }

    private void reader(long chat, String command) {
        say(chat, "/start");
        say(chat, command);
    }

    private FakeMessage say(long chat, String text) {
        int before = bot.telegram.messagesTo(chat).size();
        bot.telegram.userSends(chat, chat, text, "ru");
        return bot.telegram.awaitMessages(chat, before + 1, WAIT).get(before);
    }

    /** What reached the chat that was not an answer to a command: alerts and digests. */
    private List<FakeMessage> pushes(long chat) {
        return bot.telegram.messagesTo(chat).stream()
                .filter(m -> m.text().startsWith("⚡") || m.text().contains("Ваш дайджест")
                        || m.text().contains("Что нового сегодня"))
                .toList();
    }

    private FakeMessage awaitPush(long chat, java.util.function.Predicate<FakeMessage> what) {
        return bot.telegram.awaitMessage(m -> m.chatId() == chat && what.test(m), WAIT);
    }
}
