package newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import newsbot.feed.FeedServer;
import newsbot.telegram.FakeMessage;
import newsbot.telegram.FakeRateLimits;
import newsbot.telegram.FakeUserMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers' groups that subscribe themselves, through the whole application against FakeBotApi. */
class GroupsFlowTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final long GROUP = -500;
    static final long FORUM = -1001000000777L;
    static final long OWNER = 51;
    static final long MEMBER = 52;
    static final String BREAKING = "СРОЧНО: Нацбанк экстренно повысил учётную ставку";

    @TempDir
    Path dir;
    FeedServer feeds;
    TestBot bot;

    @BeforeEach
    void start() throws Exception {
        feeds = FeedServer.start();
        bot = TestBot.create(dir).withFixtureFeeds(feeds);
    }

    @AfterEach
    void stop() {
        bot.close();
        feeds.close();
    }

    @Test
    void aGroupSetUpByItsAdministratorGetsBreakingAndDigestsUntilItStops() {
        bot.start();
        bot.app().pollFeedsNow();
        bot.telegram.setMemberStatus(GROUP, OWNER, "administrator");
        String addressed = "/start@" + bot.telegram.botUsername();
        inGroup(GROUP, OWNER, addressed, "group");
        inGroup(GROUP, OWNER, "/subscribe economy", "group");
        inGroup(GROUP, OWNER, "/timezone Asia/Tokyo", "group");
        inGroup(GROUP, OWNER, "/schedule 09:00", "group");
        assertThat(inGroup(GROUP, MEMBER, "/subscribe sport", "group").text())
                .contains("Only this group's administrators");
        assertThat(inGroup(GROUP, MEMBER, "/stop", "group").text()).contains("Only this group's administrators");

        breakingNews(1);
        FakeMessage alert = awaitIn(GROUP, m -> m.text().startsWith("⚡"));
        assertThat(alert.text()).contains("Нацбанк экстренно повысил учётную ставку 1");
        assertThat(bot.telegram.threadOf(alert)).isEmpty();

        bot.clock.set(Instant.parse("2026-11-29T00:00:30Z")); // 09:00:30 in Tokyo, the group's zone
        bot.app().digestTickNow();
        FakeMessage digest = awaitIn(GROUP, m -> m.plainText().startsWith("📰 What's new today"));
        assertThat(digest.text()).contains("Economy").doesNotContain("Sport");

        inGroup(GROUP, OWNER, "/stop", "group");
        int before = bot.telegram.messagesTo(GROUP).size();
        breakingNews(2);
        inGroup(GROUP, MEMBER, "/help", "group"); // the sender has moved past anything queued meanwhile
        assertThat(bot.telegram.messagesTo(GROUP)).hasSize(before + 1);
    }

    @Test
    void aForumGroupsNewsGoToTheTopicItsAdministratorChose() {
        bot.start();
        bot.app().pollFeedsNow();
        bot.telegram.setMemberStatus(FORUM, OWNER, "creator");
        inGroup(FORUM, OWNER, "/start", "supergroup");
        inGroup(FORUM, OWNER, "/subscribe economy", "supergroup");
        FakeMessage refused = say(FakeUserMessage.of(FORUM, MEMBER, "/here").withLanguage("en")
                .withChatType("supergroup").inTopic(7));
        assertThat(refused.text()).contains("Only this group's administrators");
        assertThat(bot.telegram.threadOf(refused)).as("answered where asked").contains(7);
        FakeMessage done = say(FakeUserMessage.of(FORUM, OWNER, "/here").withLanguage("en")
                .withChatType("supergroup").inTopic(42));
        assertThat(done.text()).contains("posted in this topic");
        assertThat(bot.telegram.threadOf(done)).contains(42);

        breakingNews(1);
        FakeMessage alert = awaitIn(FORUM, m -> m.text().startsWith("⚡"));
        assertThat(bot.telegram.threadOf(alert)).contains(42);

        // /here outside any topic: back to the main chat
        say(FakeUserMessage.of(FORUM, OWNER, "/here").withLanguage("en").withChatType("supergroup"));
        breakingNews(2);
        FakeMessage next = awaitIn(FORUM, m -> m.text().contains("ставку 2"));
        assertThat(bot.telegram.threadOf(next)).isEmpty();
    }

    @Test
    void aGroupMigratedToASupergroupIsFollowedWithItsSettings() {
        bot.start();
        bot.app().pollFeedsNow();
        bot.telegram.setMemberStatus(GROUP, OWNER, "administrator");
        inGroup(GROUP, OWNER, "/start", "group");
        inGroup(GROUP, OWNER, "/subscribe economy", "group");
        inGroup(GROUP, OWNER, "/language ky", "group");
        long supergroup = -1001000000500L;
        bot.telegram.migrate(GROUP, supergroup);

        breakingNews(1);
        FakeMessage alert = awaitIn(supergroup, m -> m.text().startsWith("⚡"));
        assertThat(alert.text()).contains("ставку 1");
        String language = bot.db().withHandle(h -> h.createQuery(
                "SELECT language FROM subscribers WHERE chat_id = :c").bind("c", supergroup).mapTo(String.class).one());
        assertThat(language).isEqualTo("ky");
        breakingNews(2);
        awaitIn(supergroup, m -> m.text().contains("ставку 2"));
        assertThat(bot.telegram.messagesTo(GROUP).stream().filter(m -> m.text().startsWith("⚡"))).isEmpty();
    }

    @Test
    void manyGroupsGetTheirAlertsWithinThePerGroupLimit() {
        Duration slack = Duration.ofMillis(100);
        // Telegram's 20 per minute scaled up 6x so the test takes seconds, not minutes
        bot.set("delivery.group-per-minute", "120");
        // 100 ms of slack: the bot spaces sends 0.5 s apart when it sends them; with both cores busy, one request
        // can reach the fake tens of milliseconds late and the next on time (the first suite run under load saw it)
        bot.telegram.enableRateLimits(new FakeRateLimits(1000, 100, 120, slack));
        bot.start();
        bot.app().pollFeedsNow();
        List<Long> groups = IntStream.rangeClosed(1, 12).mapToObj(i -> -700L - i).toList();
        for (long group : groups) {
            bot.telegram.setMemberStatus(group, OWNER, "administrator");
            bot.telegram.userSends(FakeUserMessage.of(group, OWNER, "/subscribe economy").withLanguage("en")
                    .withChatType("group"));
        }
        for (long group : groups) {
            bot.telegram.awaitMessages(group, 1, WAIT);
        }

        breakingNews(1, 2, 3);
        for (long group : groups) {
            List<FakeMessage> all = bot.telegram.awaitMessages(group, 4, WAIT);
            assertThat(all.stream().filter(m -> m.text().startsWith("⚡"))).hasSize(3);
            assertThat(gaps(all)).allSatisfy(g -> assertThat(g).isGreaterThan(0.5 - slack.toMillis() / 1000.0));
        }
        assertThat(bot.telegram.tooManyRequestsCount()).isZero();
    }

    private static List<Double> gaps(List<FakeMessage> messages) {
        long[] at = messages.stream().mapToLong(FakeMessage::sentAtNanos).toArray();
        return IntStream.range(1, at.length).mapToObj(i -> (at[i] - at[i - 1]) / 1e9).toList();
    }

    private FakeMessage inGroup(long group, long user, String text, String type) {
        return say(FakeUserMessage.of(group, user, text).withLanguage("en").withChatType(type));
    }

    private FakeMessage say(FakeUserMessage message) {
        int before = bot.telegram.messagesTo(message.chatId()).size();
        bot.telegram.userSends(message);
        return bot.telegram.awaitMessages(message.chatId(), before + 1, WAIT).get(before);
    }

    private FakeMessage awaitIn(long chat, Predicate<FakeMessage> what) {
        return bot.telegram.awaitMessage(m -> m.chatId() == chat && what.test(m), WAIT);
    }

    /** Serves the economy feed with these breaking items on top and polls it. */
    private void breakingNews(int... numbers) {
        String feed = new String(FeedServer.fixture("rss-ekonomika.xml"), StandardCharsets.UTF_8);
        StringBuilder items = new StringBuilder();
        for (int n : numbers) {
            items.append("<item><title>").append(BREAKING).append(' ').append(n).append("</title>")
                    .append("<link>https://news.example.kg/economy/rate-").append(n).append("</link>")
                    .append("<guid>https://news.example.kg/economy/rate-").append(n).append("</guid>")
                    .append("<pubDate>Sat, 28 Nov 2026 12:0").append(n).append(":00 +0600</pubDate></item>");
        }
        feeds.serve("/economy", feed.replaceFirst("<item>", items + "<item>").getBytes(StandardCharsets.UTF_8),
                "application/rss+xml; charset=utf-8");
        bot.clock.advance(Duration.ofMinutes(3));
        bot.app().pollFeedsNow();
    }
}
