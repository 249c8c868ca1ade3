package newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import newsbot.feed.FeedServer;
import newsbot.telegram.FakeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Followed topics end to end: FeedServer → poller → topic alerts in the outbox → dispatcher → FakeBotApi. An
 * article matching a reader's phrase in another form arrives at once, once, naming the phrase; not again as a
 * topic after it went out as breaking; silently in quiet hours.
 */
class TopicAlertsFlowTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final long FOLLOWER = 701;       // follows «курс доллара» and «ставка»; no categories
    static final long BREAKING_READER = 702; // economy with breaking on, follows «ставки»
    static final long QUIET_FOLLOWER = 703;  // follows «доллар», inside quiet hours
    static final long OTHER = 704;           // follows «футбол»
    static final String DOLLAR_TITLE = "Курс доллара на межбанке достиг 89 сомов";
    static final String BREAKING_TITLE = "Нацбанк повысил учётную ставку до 11%";

    @TempDir
    Path dir;
    FeedServer feeds;
    TestBot bot;

    @BeforeEach
    void start() throws Exception {
        feeds = FeedServer.start();
        bot = TestBot.create(dir).withFixtureFeeds(feeds);
        bot.start();
        say(FOLLOWER, "/start");
        assertThat(say(FOLLOWER, "/follow курс доллара").text()).contains("«курс доллара»");
        say(FOLLOWER, "/follow ставка");
        say(BREAKING_READER, "/start");
        say(BREAKING_READER, "/subscribe economy");
        say(BREAKING_READER, "/follow ставки");
        say(QUIET_FOLLOWER, "/start");
        say(QUIET_FOLLOWER, "/follow доллар");
        say(QUIET_FOLLOWER, "/quiet 11:00-14:00");      // it is 12:00 in Bishkek
        say(OTHER, "/start");
        say(OTHER, "/follow футбол");
    }

    @AfterEach
    void stop() {
        bot.close();
        feeds.close();
    }

    @Test
    void aMatchingArticleArrivesOnceNamingThePhraseNotAfterBreakingSilentInQuietHours() {
        assertThat(bot.app().pollFeedsNow()).as("the first fetch alerts nobody").isGreaterThan(10);
        assertThat(alerts(FOLLOWER)).isEmpty();

        feeds.serve("/economy", economyFeedWith(
                item("СРОЧНО: " + BREAKING_TITLE, "rate", "Решение вступает в силу с понедельника."),
                item(DOLLAR_TITLE, "usd", "Нацбанк не менял учётную ставку.")), "application/rss+xml; charset=utf-8");
        bot.clock.advance(Duration.ofMinutes(3));
        bot.app().pollFeedsNow();

        // Both articles match the follower: one alert each, even where both of their phrases match.
        FakeMessage dollar = awaitAlert(FOLLOWER, DOLLAR_TITLE);
        assertThat(dollar.text()).startsWith("🔔 <b>По теме «курс доллара»</b>").contains("Экономика");
        assertThat(dollar.disableNotification()).isFalse();
        assertThat(dollar.button("Читать в Telegram")).as("a topic alert offers the article in Telegram").isPresent();
        FakeMessage rate = awaitAlert(FOLLOWER, BREAKING_TITLE);
        assertThat(rate.text()).startsWith("🔔 <b>По теме «ставка»</b>");

        // The breaking reader got the breaking article as breaking news only, the other one as a topic.
        bot.telegram.awaitMessage(m -> m.chatId() == BREAKING_READER && m.text().startsWith("⚡")
                && m.text().contains(BREAKING_TITLE), WAIT);
        assertThat(awaitAlert(BREAKING_READER, DOLLAR_TITLE).text()).startsWith("🔔 <b>По теме «ставки»</b>");

        FakeMessage quiet = awaitAlert(QUIET_FOLLOWER, DOLLAR_TITLE);
        assertThat(quiet.disableNotification()).as("inside quiet hours").isTrue();

        // The same feed again, and one more poll: nothing is alerted twice.
        bot.clock.advance(Duration.ofMinutes(3));
        bot.app().pollFeedsNow();
        assertThat(deliveries(FOLLOWER)).isEqualTo(2);
        assertThat(deliveries(BREAKING_READER)).isEqualTo(2);
        assertThat(deliveries(QUIET_FOLLOWER)).isEqualTo(1);
        assertThat(deliveries(OTHER)).isZero();
        assertThat(alerts(FOLLOWER)).hasSize(2);
        assertThat(alerts(BREAKING_READER)).hasSize(1);
        assertThat(bot.telegram.messagesTo(BREAKING_READER).stream()
                .filter(m -> m.text().contains(BREAKING_TITLE))).hasSize(1);
    }

    @Test
    void followingListsTopicsWithRemoveButtonsAndWrongArgumentsGetHelp() {
        assertThat(say(FOLLOWER, "/follow").text()).contains("<code>/follow курс доллара</code>");
        assertThat(say(FOLLOWER, "/follow " + "очень длинная тема ".repeat(5)).text()).contains("64");
        assertThat(say(FOLLOWER, "/follow курса долларов").text()).contains("уже следите", "«курс доллара»");
        assertThat(say(FOLLOWER, "/follow ***").text()).contains("нет ни одного слова");
        for (int i = 3; i <= 10; i++) {
            assertThat(say(FOLLOWER, "/follow тема" + i).text()).startsWith("🔔");
        }
        assertThat(say(FOLLOWER, "/follow одиннадцатая").text()).contains("не больше чем за 10");
        assertThat(say(FOLLOWER, "/unfollow").text()).contains("/unfollow 1");
        assertThat(say(FOLLOWER, "/unfollow погода").text()).contains("Темы «погода» нет");
        assertThat(say(FOLLOWER, "/unfollow 2").text()).contains("«ставка»");
        assertThat(say(FOLLOWER, "/unfollow курсы доллара").text()).contains("«курс доллара»");

        FakeMessage list = say(FOLLOWER, "/following");
        assertThat(list.text()).startsWith("🔔 <b>Ваши темы</b> (8 из 10)").contains("1. тема3");
        assertThat(say(FOLLOWER, "/settings").text()).contains("Темы: «тема3», «тема4»");

        // the remove button of topic 1 removes it and edits the list in place
        String press = bot.telegram.userPresses(FOLLOWER, FOLLOWER, list.messageId(),
                list.button("✖️ 1. тема3").orElseThrow().callbackData());
        assertThat(bot.telegram.awaitCallbackAnswer(press, WAIT).text()).isEqualTo("Тема «тема3» удалена");
        FakeMessage edited = bot.telegram.awaitMessage(m -> m.messageId() == list.messageId() && m.edits() >= 1, WAIT);
        assertThat(edited.text()).contains("(7 из 10)", "1. тема4").doesNotContain("тема3");
        String again = bot.telegram.userPresses(FOLLOWER, FOLLOWER, list.messageId(),
                list.button("✖️ 1. тема3").orElseThrow().callbackData());
        assertThat(bot.telegram.awaitCallbackAnswer(again, WAIT).text()).isEqualTo("Этой темы уже нет в списке.");

        FakeMessage en = say(OTHER, "/language en");
        assertThat(en.text()).contains("English");
        assertThat(say(OTHER, "/unfollow 5").text()).isEqualTo("«5» is not among your topics. Your topics: /following");
    }

    static String item(String title, String slug, String description) {
        return "<item><title>" + title + "</title><link>https://news.example.kg/economy/" + slug + "</link>"
                + "<guid>https://news.example.kg/economy/" + slug + "</guid><description>" + description
                + "</description><pubDate>Sat, 28 Nov 2026 12:01:00 +0600</pubDate></item>";
    }

    static byte[] economyFeedWith(String... items) {
        String feed = new String(FeedServer.fixture("rss-ekonomika.xml"), StandardCharsets.UTF_8);
        return feed.replaceFirst("<item>", String.join("", items) + "<item>").getBytes(StandardCharsets.UTF_8);
    }

    private FakeMessage say(long chat, String text) {
        int before = bot.telegram.messagesTo(chat).size();
        bot.telegram.userSends(chat, chat, text, "ru");
        return bot.telegram.awaitMessages(chat, before + 1, WAIT).get(before);
    }

    private List<FakeMessage> alerts(long chat) {
        return bot.telegram.messagesTo(chat).stream().filter(m -> m.text().startsWith("🔔 <b>")).toList();
    }

    private FakeMessage awaitAlert(long chat, String title) {
        return bot.telegram.awaitMessage(m -> m.chatId() == chat && m.text().startsWith("🔔 <b>")
                && m.text().contains(title), WAIT);
    }

    /** Pushes (not replies) ever enqueued for the chat. */
    private int deliveries(long chat) {
        return bot.db().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM deliveries WHERE chat_id = :chat AND kind <> 'REPLY'")
                .bind("chat", chat).mapTo(Integer.class).one());
    }
}
