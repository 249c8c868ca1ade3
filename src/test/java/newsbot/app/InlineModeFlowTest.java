package newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import newsbot.feed.FeedServer;
import newsbot.telegram.FakeButton;
import newsbot.telegram.FakeInlineAnswer;
import newsbot.telegram.FakeInlineResult;
import newsbot.telegram.FakeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Inline mode end to end (issue 25): a user types {@code @bot words} in some chat; the bot answers with the
 * ranked, morphology-aware search as article cards (the latest headlines for nothing typed), each with a link to
 * the site and one to the bot, which welcomes a newcomer, subscribes them to the article's category and sends it.
 */
class InlineModeFlowTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final long USER = 1201;
    static final long NEWCOMER = 1202;
    static final String TAX = "Жогорку Кенеш принял во втором чтении поправки в Налоговый кодекс";

    @TempDir
    Path dir;
    FeedServer feeds;
    TestBot bot;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger identityLogger = (Logger) LoggerFactory.getLogger(BotIdentity.class);

    @BeforeEach
    void start() throws Exception {
        log.start();
        identityLogger.addAppender(log);
        identityLogger.setLevel(ch.qos.logback.classic.Level.INFO);
        feeds = FeedServer.start();
        bot = TestBot.create(dir).withFixtureFeeds(feeds).start();
        assertThat(bot.app().pollFeedsNow()).isEqualTo(14);
    }

    @AfterEach
    void stop() {
        identityLogger.detachAppender(log);
        identityLogger.setLevel(null);
        bot.close();
        feeds.close();
    }

    @Test
    void anInflectedRussianQueryFindsTheArticleAsACardWithLinksToTheSiteAndTheBot() {
        String query = bot.telegram.userTypesInline(USER, "налогового кодекса", "ru");

        FakeInlineAnswer answer = bot.telegram.awaitInlineAnswer(query, WAIT);
        assertThat(answer.cacheTime()).isEqualTo(30);
        assertThat(answer.personal()).isFalse();
        assertThat(answer.results()).extracting(FakeInlineResult::title).containsExactly(TAX);
        FakeInlineResult card = answer.results().get(0);
        assertThat(card.id()).matches("a\\d+");
        assertThat(card.description()).startsWith("Экономика · ");
        assertThat(card.html()).startsWith("<b><a href=\"https://").contains(TAX, "\n<i>Экономика</i>");
        assertThat(card.button("🌐 На сайте").orElseThrow().url()).startsWith("https://");
        FakeButton readInBot = card.button("📰 Читать в боте").orElseThrow();
        assertThat(readInBot.url()).isEqualTo("https://t.me/" + bot.telegram.botUsername() + "?start=" + card.id());

        // a newcomer follows the link: the welcome, subscribed to the article's category, then the article
        bot.telegram.userSends(NEWCOMER, NEWCOMER, "/start " + card.id(), "ru");
        List<FakeMessage> got = bot.telegram.awaitMessages(NEWCOMER, 2, WAIT);
        assertThat(got.get(0).text()).startsWith("✅ Вы подписаны на рубрику «Экономика».")
                .contains("Здравствуйте");
        assertThat(got.get(0).button("✅ Экономика")).isPresent();
        assertThat(got.get(1).text()).isEqualTo(card.html());
        // a reader with categories of their own keeps them: the article alone
        bot.says(USER, "/start");
        bot.says(USER, "/subscribe sport");
        bot.telegram.userSends(USER, USER, "/start " + card.id(), "ru");
        int before = bot.telegram.messagesTo(USER).size();
        List<FakeMessage> again = bot.telegram.awaitMessages(USER, before + 2, WAIT);
        assertThat(again.get(before).text()).doesNotContain("Вы подписаны");
        assertThat(again.get(before + 1).text()).isEqualTo(card.html());
        assertThat(bot.says(USER, "/settings").text()).doesNotContain("Экономика");
    }

    @Test
    void anEmptyQueryListsTheLatestHeadlinesInTheUsersLanguage() {
        String query = bot.telegram.userTypesInline(USER, "", "en");

        FakeInlineAnswer answer = bot.telegram.awaitInlineAnswer(query, WAIT);
        assertThat(answer.results()).hasSize(14);
        assertThat(answer.results()).extracting(FakeInlineResult::id).doesNotHaveDuplicates();
        assertThat(answer.results().get(0).button("🌐 On the site")).isPresent();
        assertThat(answer.results().get(0).button("📰 Read in the bot")).isPresent();
        assertThat(answer.results()).extracting(FakeInlineResult::title).contains(TAX);

        // nothing matches: an empty answer, still answered
        String none = bot.telegram.userTypesInline(USER, "жирафы", "ru");
        assertThat(bot.telegram.awaitInlineAnswer(none, WAIT).results()).isEmpty();
    }

    @Test
    void startUpSaysOnceWhenGetMeReportsInlineModeOff() {
        // FakeBotApi's getMe says supports_inline_queries false, as for a bot never given /setinline
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "inline mode is off for @" + bot.telegram.botUsername() + ": enable it in @BotFather with /setinline "
                        + "to let users search articles from any chat");
    }
}
