package newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import newsbot.admin.ChannelCheck;
import newsbot.feed.FeedServer;
import newsbot.telegram.FakeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The site's own channel, configured by the operator, through the whole application against FakeBotApi. */
class ChannelsFlowTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final long CHANNEL = -1001234567890L;
    static final String BREAKING_TITLE = "Нацбанк экстренно повысил учётную ставку до 11%";

    @TempDir
    Path dir;
    FeedServer feeds;
    TestBot bot;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger checkLogger = (Logger) LoggerFactory.getLogger(ChannelCheck.class);

    @BeforeEach
    void start() throws Exception {
        log.start();
        checkLogger.addAppender(log);
        checkLogger.setLevel(ch.qos.logback.classic.Level.INFO);
        feeds = FeedServer.start();
        bot = TestBot.create(dir).withFixtureFeeds(feeds)
                .set("channel.site.chat", "@site_news")
                .set("channel.site.categories", "economy")
                .set("channel.site.breaking", "true")
                .set("channel.site.digest-times", "09:00")
                .set("channel.site.timezone", "Asia/Tokyo")
                .set("channel.site.language", "en")
                .set("channel.site.silent", "true");
        bot.telegram.addChannel(CHANNEL, "@site_news");
    }

    @AfterEach
    void stop() {
        checkLogger.detachAppender(log);
        checkLogger.setLevel(null);
        bot.close();
        feeds.close();
    }

    @Test
    void breakingItemIsPostedToTheChannelOnceWithItsPreview() {
        makeBotAdministrator();
        bot.start();
        bot.app().checkChannelsNow();
        assertThat(bot.app().pollFeedsNow()).isGreaterThan(10);
        assertThat(bot.telegram.messagesTo(CHANNEL)).as("the first fetch floods nobody").isEmpty();

        feeds.serve("/economy", economyFeedWithBreakingItem(), "application/rss+xml; charset=utf-8");
        bot.clock.advance(Duration.ofMinutes(3));
        bot.app().pollFeedsNow();
        FakeMessage post = bot.telegram.awaitMessage(m -> m.chatId() == CHANNEL, WAIT);
        assertThat(post.text()).startsWith("⚡").contains(BREAKING_TITLE).contains("Economy");
        assertThat(post.linkPreviewDisabled()).isFalse();
        assertThat(post.disableNotification()).as("channel.site.silent").isTrue();

        // the same article again (another poll, a restart, an editor's /breaking) is never posted twice
        bot.clock.advance(Duration.ofMinutes(3));
        bot.app().pollFeedsNow();
        bot.restart();
        bot.app().checkChannelsNow();
        bot.clock.advance(Duration.ofMinutes(3));
        bot.app().pollFeedsNow();
        bot.telegram.userSends(TestBot.ADMIN, TestBot.ADMIN, "/stats");
        bot.telegram.awaitMessages(TestBot.ADMIN, 1, WAIT);
        assertThat(bot.telegram.messagesTo(CHANNEL)).hasSize(1);
    }

    @Test
    void aChannelTakenOutOfTheConfigGetsNothingMore() {
        makeBotAdministrator();
        bot.start();
        bot.app().checkChannelsNow();
        bot.app().pollFeedsNow();
        bot.stop();
        bot.properties.keySet().removeIf(key -> key.startsWith("channel."));
        bot.start();
        bot.telegram.userSends(777, 777, "/subscribe economy");
        bot.telegram.awaitMessages(777, 1, WAIT);
        feeds.serve("/economy", economyFeedWithBreakingItem(), "application/rss+xml; charset=utf-8");
        bot.clock.advance(Duration.ofMinutes(3));
        bot.app().pollFeedsNow();
        bot.telegram.awaitMessage(m -> m.chatId() == 777 && m.text().contains(BREAKING_TITLE), WAIT);
        assertThat(bot.telegram.messagesTo(CHANNEL)).isEmpty();
        assertThat(pendingFor(CHANNEL)).isZero();
    }

    @Test
    void channelDigestComesAtItsTimeInItsZoneInItsLanguage() {
        makeBotAdministrator();
        bot.clock.set(Instant.parse("2026-11-27T23:50:00Z")); // 08:50 in Tokyo, 05:50 in Bishkek
        bot.start();
        bot.app().checkChannelsNow();
        bot.app().pollFeedsNow();
        bot.app().digestTickNow();
        assertThat(bot.telegram.messagesTo(CHANNEL)).as("09:00 in Tokyo has not come").isEmpty();

        bot.clock.set(Instant.parse("2026-11-28T00:00:30Z")); // 09:00:30 in Tokyo
        bot.app().digestTickNow();
        FakeMessage digest = bot.telegram.awaitMessage(m -> m.chatId() == CHANNEL, WAIT);
        assertThat(digest.text()).contains("What's new today").contains("Economy").contains("Курс доллара")
                .doesNotContain("Спорт").doesNotContain("Sport");
        bot.app().digestTickNow();
        bot.clock.set(Instant.parse("2026-11-28T00:05:00Z"));
        bot.app().digestTickNow();
        assertThat(bot.telegram.messagesTo(CHANNEL)).hasSize(1);
    }

    @Test
    void channelWhereTheBotIsNotAnAdministratorKeepsItsPostsUntilFixed() {
        bot.start();
        bot.app().checkChannelsNow();
        assertThat(lines()).singleElement().satisfies(line -> assertThat(line).contains("channel site (@site_news)")
                .contains("add it as an administrator with the right to post messages"));
        bot.app().pollFeedsNow();
        feeds.serve("/economy", economyFeedWithBreakingItem(), "application/rss+xml; charset=utf-8");
        bot.clock.advance(Duration.ofMinutes(3));
        bot.app().pollFeedsNow();

        // made a member, not an administrator: another line, saying what is missing now
        bot.telegram.setMemberStatus(CHANNEL, bot.telegram.botId(), "member");
        bot.app().checkChannelsNow();
        assertThat(lines()).anySatisfy(line -> assertThat(line).contains("not an administrator")
                .contains("Post messages"));
        bot.app().checkChannelsNow();
        assertThat(lines()).as("the same problem is logged once").hasSize(2);
        assertThat(log.list).allSatisfy(e -> assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN));
        // the sender has taken later rows meanwhile: a reader's reply goes out, the held post does not
        bot.telegram.userSends(777, 777, "/help");
        bot.telegram.awaitMessages(777, 1, WAIT);
        assertThat(bot.telegram.messagesTo(CHANNEL)).isEmpty();
        assertThat(pendingFor(CHANNEL)).as("the post waits in the outbox, not failed").isEqualTo(1);

        makeBotAdministrator();
        bot.app().checkChannelsNow();
        FakeMessage post = bot.telegram.awaitMessage(m -> m.chatId() == CHANNEL, WAIT);
        assertThat(post.text()).contains(BREAKING_TITLE);
        assertThat(lines()).last().asString().contains("can post");
        assertThat(bot.telegram.messagesTo(CHANNEL)).hasSize(1);
    }

    @Test
    void anAdministratorWithoutThePostRightIsToldSoAndARefusedPostWaits() {
        makeBotAdministrator();
        bot.start();
        bot.app().checkChannelsNow();
        bot.app().pollFeedsNow();
        // demoted between two checks: Telegram refuses the post, which waits instead of failing
        bot.telegram.setCanPostMessages(CHANNEL, bot.telegram.botId(), false);
        feeds.serve("/economy", economyFeedWithBreakingItem(), "application/rss+xml; charset=utf-8");
        bot.clock.advance(Duration.ofMinutes(3));
        bot.app().pollFeedsNow();
        bot.telegram.awaitRequests("sendMessage", 1, WAIT);
        awaitPendingNotAttempted();
        bot.app().checkChannelsNow();
        assertThat(lines()).anySatisfy(line -> assertThat(line).contains("give its administrator right \"Post messages\""));

        bot.telegram.setCanPostMessages(CHANNEL, bot.telegram.botId(), true);
        bot.app().checkChannelsNow();
        assertThat(bot.telegram.awaitMessage(m -> m.chatId() == CHANNEL, WAIT).text()).contains(BREAKING_TITLE);
    }

    @Test
    void anEditorSeesThePausesAndResumesTheChannel() {
        makeBotAdministrator();
        bot.start();
        bot.app().checkChannelsNow();
        bot.app().pollFeedsNow();
        assertThat(editorSays("/channels")).contains("site").contains("@site_news").contains("posting")
                .contains("waiting: 0");
        assertThat(editorSays("/channels pause site")).contains("Channel site paused");
        assertThat(editorSays("/channels pause nosuch")).contains("There is no channel “nosuch”");

        feeds.serve("/economy", economyFeedWithBreakingItem(), "application/rss+xml; charset=utf-8");
        bot.clock.advance(Duration.ofMinutes(3));
        bot.app().pollFeedsNow();
        assertThat(editorSays("/channels")).contains("paused by an editor").contains("waiting: 1");
        assertThat(bot.telegram.messagesTo(CHANNEL)).isEmpty();

        bot.telegram.userSends(777, 777, "/channels", "en");
        assertThat(bot.telegram.awaitMessages(777, 1, WAIT).get(0).text()).as("editors only")
                .doesNotContain("@site_news");
        assertThat(editorSays("/channels resume site")).contains("Channel site resumed");
        assertThat(bot.telegram.awaitMessage(m -> m.chatId() == CHANNEL, WAIT).text()).contains(BREAKING_TITLE);
    }

    private String editorSays(String text) {
        int before = bot.telegram.messagesTo(TestBot.ADMIN).size();
        bot.telegram.userSends(TestBot.ADMIN, TestBot.ADMIN, text, "en");
        return bot.telegram.awaitMessages(TestBot.ADMIN, before + 1, WAIT).get(before).plainText();
    }

    private void awaitPendingNotAttempted() {
        long until = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < until) {
            String problem = bot.db().withHandle(h -> h.createQuery(
                            "SELECT problem FROM channels WHERE channel_key = 'site'")
                    .mapTo(String.class).findOne().orElse(null));
            if (problem != null && problem.contains("need administrator rights")) {
                assertThat(pendingFor(CHANNEL)).isEqualTo(1);
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // a query per millisecond, not a spin
        }
        throw new AssertionError("the refused post was not held");
    }

    private void makeBotAdministrator() {
        bot.telegram.setMemberStatus(CHANNEL, bot.telegram.botId(), "administrator");
    }

    private int pendingFor(long chat) {
        return bot.db().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM deliveries WHERE chat_id = :c AND state = 'PENDING'")
                .bind("c", chat).mapTo(Integer.class).one());
    }

    private List<String> lines() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static byte[] economyFeedWithBreakingItem() {
        String feed = new String(FeedServer.fixture("rss-ekonomika.xml"), StandardCharsets.UTF_8);
        String item = "<item><title>СРОЧНО: " + BREAKING_TITLE + "</title>"
                + "<link>https://news.example.kg/economy/rate-hike</link>"
                + "<guid>https://news.example.kg/economy/rate-hike</guid>"
                + "<description>Решение вступает в силу с понедельника.</description>"
                + "<pubDate>Sat, 28 Nov 2026 12:01:00 +0600</pubDate></item>";
        return feed.replaceFirst("<item>", item + "<item>").getBytes(StandardCharsets.UTF_8);
    }
}
