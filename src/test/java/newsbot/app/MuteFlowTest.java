package newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Muted phrases end to end (issue 25): FeedServer → poller → alerts and digests → FakeBotApi. A muted article
 * reaches the reader by no path (breaking, topic alert, digest), the digest's "and N more" counts leave it out,
 * mute beats follow and the reader is told so; a phrase added later mutes what is already stored.
 */
class MuteFlowTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final long MUTER = 801;    // economy, follows and mutes «курс доллара», mutes «налоговый кодекс» later
    static final long CONTROL = 802;  // economy, follows «курс доллара»
    static final String DOLLAR_TITLE = "Курс доллара на межбанке достиг 89 сомов";
    static final String RATE_TITLE = "Нацбанк повысил учётную ставку до 11%";

    @TempDir
    Path dir;
    FeedServer feeds;
    TestBot bot;

    @BeforeEach
    void start() throws Exception {
        feeds = FeedServer.start();
        bot = TestBot.create(dir).withFixtureFeeds(feeds).set("digest.max-per-category", "2");
        bot.start();
        for (long chat : List.of(MUTER, CONTROL)) {
            say(chat, "/start");
            say(chat, "/subscribe economy");
            say(chat, "/follow курс доллара");
        }
    }

    @AfterEach
    void stop() {
        bot.close();
        feeds.close();
    }

    @Test
    void aMutedArticleComesByNoPathAndTheDigestCountsStayTrue() {
        // mute beats follow, and the reader hears it when the phrase is on both lists
        assertThat(say(MUTER, "/mute курса доллара").text()).startsWith("🔇 Скрыто «курса доллара»")
                .contains("Вы также следите за темой «курс доллара»: скрытие важнее");
        assertThat(bot.app().pollFeedsNow()).as("the first fetch").isGreaterThan(5);
        // added after the articles were stored: «Жогорку Кенеш принял … поправки в Налоговый кодекс» is muted too
        assertThat(say(MUTER, "/mute налогового кодекса").text()).startsWith("🔇");

        feeds.serve("/economy", TopicAlertsFlowTest.economyFeedWith(
                TopicAlertsFlowTest.item("СРОЧНО: " + DOLLAR_TITLE, "usd", "Нацбанк вышел на рынок."),
                TopicAlertsFlowTest.item("СРОЧНО: " + RATE_TITLE, "rate", "Решение вступает в силу с понедельника.")),
                "application/rss+xml; charset=utf-8");
        bot.clock.advance(Duration.ofMinutes(3));
        bot.app().pollFeedsNow();

        // the control reader gets both as breaking news; the muter only the rate, neither as breaking nor as topic
        awaitPush(CONTROL, DOLLAR_TITLE);
        awaitPush(CONTROL, RATE_TITLE);
        awaitPush(MUTER, RATE_TITLE);
        assertThat(pushes(MUTER)).as("one BREAKING row: the rate").isEqualTo(1);

        // 19:00:30 in Bishkek: the first digest, today's economy articles not already pushed, at most 2 shown
        bot.clock.advance(Duration.ofHours(7));
        bot.app().digestTickNow();
        FakeMessage control = awaitPush(CONTROL, "Что нового сегодня");
        assertThat(control.text()).contains("и ещё 1 — /latest economy").doesNotContain(DOLLAR_TITLE);
        FakeMessage muter = awaitPush(MUTER, "Что нового сегодня");
        assertThat(muter.text()).contains("Кабмин утвердил план")
                .doesNotContain("Курс доллара").doesNotContain("Налоговый кодекс").doesNotContain("и ещё");
        assertThat(bot.telegram.messagesTo(MUTER).stream().filter(m -> m.text().contains(DOLLAR_TITLE)
                || m.text().contains("обменках"))).isEmpty();
    }

    @Test
    void mutedListsPhrasesWithRemoveButtonsAndSettingsShowThem() {
        assertThat(say(MUTER, "/mute").text()).contains("<code>/mute футбол</code>");
        assertThat(say(MUTER, "/mute " + "очень длинная фраза ".repeat(5)).text()).contains("64");
        assertThat(say(MUTER, "/mute ***").text()).contains("нет ни одного слова");
        for (int i = 1; i <= 20; i++) {
            assertThat(say(MUTER, "/mute слово" + i).text()).startsWith("🔇");
        }
        assertThat(say(MUTER, "/mute слово1").text()).contains("уже скрыто");
        assertThat(say(MUTER, "/mute двадцать первое").text()).contains("не больше 20");
        assertThat(say(MUTER, "/unmute 2").text()).isEqualTo("«слово2» больше не скрыто.");
        assertThat(say(MUTER, "/unmute погода").text()).contains("«погода» нет среди скрытого");
        assertThat(say(MUTER, "/settings").text()).contains("Скрыто: «слово1», «слово3»");
        // following after muting is told too
        assertThat(say(MUTER, "/follow слово3").text()).contains("«слово3» у вас также скрыто");

        FakeMessage list = say(MUTER, "/muted");
        assertThat(list.text()).startsWith("🔇 <b>Скрытое</b> (19 из 20)");
        String press = bot.telegram.userPresses(MUTER, MUTER, list.messageId(),
                list.button("✖️ 1. слово1").orElseThrow().callbackData());
        assertThat(bot.telegram.awaitCallbackAnswer(press, WAIT).text()).isEqualTo("«слово1» больше не скрыто");
        FakeMessage edited = bot.telegram.awaitMessage(m -> m.messageId() == list.messageId() && m.edits() >= 1, WAIT);
        assertThat(edited.text()).contains("(18 из 20)", "1. слово3");

        say(CONTROL, "/language en");
        assertThat(say(CONTROL, "/muted").text()).isEqualTo("Nothing is muted. Add a phrase: <code>/mute football</code>");
    }

    private FakeMessage say(long chat, String text) {
        return bot.says(chat, text);
    }

    private FakeMessage awaitPush(long chat, String text) {
        return bot.awaitText(chat, text);
    }

    /** Pushes (not replies) ever enqueued for the chat. */
    private int pushes(long chat) {
        return bot.db().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM deliveries WHERE chat_id = :chat AND kind <> 'REPLY'")
                .bind("chat", chat).mapTo(Integer.class).one());
    }
}
