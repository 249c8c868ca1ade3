package newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import newsbot.feed.FeedServer;
import newsbot.telegram.FakeMessage;
import newsbot.telegram.FakeUserMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Read in Telegram" end to end: FeedServer → breaking alert with its button → the reader presses → the article
 * arrives as one rich message (FakeBotApi checks it as Telegram would); a chat refusing rich messages gets the
 * compact text once; the deep link of a digest does the same.
 */
class ReadInTelegramFlowTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final long READER = 801;
    static final long GROUP = -900;
    static final long OWNER = 91;
    static final long MEMBER = 92;
    static final String TITLE = "Нацбанк повысил учётную ставку до 11%";

    @TempDir
    Path dir;
    FeedServer feeds;
    TestBot bot;

    @BeforeEach
    void start() throws Exception {
        feeds = FeedServer.start();
        bot = TestBot.create(dir).withFixtureFeeds(feeds);
        bot.start();
        say(READER, "/start");
        say(READER, "/subscribe economy");
        bot.telegram.setMemberStatus(GROUP, OWNER, "administrator");
        say(FakeUserMessage.of(GROUP, OWNER, "/start@" + bot.telegram.botUsername()).withChatType("group"));
        say(FakeUserMessage.of(GROUP, OWNER, "/subscribe economy").withChatType("group"));
        bot.app().pollFeedsNow();
        feeds.serve("/economy", economyFeedWith("<item><title>СРОЧНО: " + TITLE + "</title>"
                + "<link>https://news.example.kg/economy/rate</link><guid>https://news.example.kg/economy/rate</guid>"
                + "<description>Решение вступает в силу с понедельника.</description>"
                + "<pubDate>Sat, 28 Nov 2026 12:01:00 +0600</pubDate></item>"), "application/rss+xml; charset=utf-8");
        bot.clock.advance(Duration.ofMinutes(3));
        bot.app().pollFeedsNow();
    }

    @AfterEach
    void stop() {
        bot.close();
        feeds.close();
    }

    @Test
    void aReaderPressesReadInTelegramUnderABreakingAlertAndGetsTheArticleAsOneRichMessage() {
        FakeMessage alert = awaitAlert();
        String press = bot.telegram.userPresses(READER, READER, alert.messageId(),
                alert.button("Читать в Telegram").orElseThrow().callbackData());
        bot.telegram.awaitCallbackAnswer(press, WAIT);
        FakeMessage rich = bot.telegram.awaitMessage(m -> m.chatId() == READER && m.isRich(), WAIT);
        assertThat(rich.plainText()).contains(TITLE, "Решение вступает в силу с понедельника.", "Оригинал статьи");
        assertThat(reads()).isEqualTo(1);
    }

    @Test
    void aChatRefusingRichMessagesGetsTheTextOnceAndIsRemembered() {
        bot.telegram.refuseRichMessages(READER, "rich messages are not supported in the chat");
        FakeMessage alert = awaitAlert();
        String data = alert.button("Читать в Telegram").orElseThrow().callbackData();
        bot.telegram.userPresses(READER, READER, alert.messageId(), data);
        FakeMessage text = bot.telegram.awaitMessage(m -> m.chatId() == READER && !m.isRich()
                && m.text().startsWith("<b>" + TITLE), WAIT);
        assertThat(text.text()).contains("Решение вступает в силу с понедельника.");
        assertThat(bot.telegram.richMessagesTo(READER)).isEmpty();
        assertThat(attempts()).as("the refusal spent no attempt").isZero();

        // the chat is remembered: the next read goes as text at once, with no rich call refused first
        bot.telegram.userPresses(READER, READER, alert.messageId(), data);
        bot.telegram.awaitMessages(READER, bot.telegram.messagesTo(READER).size() + 1, WAIT);
        assertThat(bot.telegram.richMessagesTo(READER)).isEmpty();
        assertThat(reads()).isEqualTo(2);
    }

    @Test
    void theDeepLinkOfADigestSendsTheArticle() {
        awaitAlert();
        FakeMessage digest = say(READER, "/digest");
        // each item: its title linked to the site, then 📖 linked to the bot with the article's id
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("<a href=\"https://t\\.me/"
                + bot.telegram.botUsername() + "\\?start=r(\\d+)\">📖</a>").matcher(digest.text());
        assertThat(link.find()).as(digest.text()).isTrue();
        long id = Long.parseLong(link.group(1));
        String title = bot.db().withHandle(h -> h.createQuery("SELECT title FROM articles WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
        assertThat(digest.text()).contains(title + "</a> " + link.group());

        bot.telegram.userSends(READER, READER, "/start r" + id, "ru"); // what the link opens
        FakeMessage rich = bot.telegram.awaitMessage(m -> m.chatId() == READER && m.isRich(), WAIT);
        assertThat(rich.plainText()).contains(title);
    }

    @Test
    void aPressInAGroupSendsTheArticleToThePresserPrivatelyNotToTheGroup() {
        say(MEMBER, "/start"); // the member has a private chat with the bot
        FakeMessage alert = bot.telegram.awaitMessage(m -> m.chatId() == GROUP && m.text().startsWith("⚡")
                && m.text().contains(TITLE), WAIT);
        int groupMessages = bot.telegram.messagesTo(GROUP).size();
        String press = bot.telegram.userPresses(GROUP, MEMBER, alert.messageId(),
                alert.button("Читать в Telegram").orElseThrow().callbackData());
        assertThat(bot.telegram.awaitCallbackAnswer(press, WAIT).text()).contains("в личные сообщения");
        FakeMessage rich = bot.telegram.awaitMessage(m -> m.chatId() == MEMBER && m.isRich(), WAIT);
        assertThat(rich.plainText()).contains(TITLE);
        // the sender has moved past the press: a later reply in the group comes after nothing else
        say(FakeUserMessage.of(GROUP, MEMBER, "/help").withChatType("group"));
        assertThat(bot.telegram.messagesTo(GROUP)).hasSize(groupMessages + 1);
        assertThat(bot.telegram.richMessagesTo(GROUP)).isEmpty();
    }

    @Test
    void aMemberWhoNeverStartedTheBotIsSentToItsPrivateChatByTheDeepLink() {
        FakeMessage alert = bot.telegram.awaitMessage(m -> m.chatId() == GROUP && m.text().startsWith("⚡")
                && m.text().contains(TITLE), WAIT);
        String press = bot.telegram.userPresses(GROUP, MEMBER, alert.messageId(),
                alert.button("Читать в Telegram").orElseThrow().callbackData());
        String link = bot.telegram.awaitCallbackAnswer(press, WAIT).url();
        long id = bot.db().withHandle(h -> h.createQuery("SELECT id FROM articles WHERE url LIKE '%/economy/rate'")
                .mapTo(Long.class).one());
        assertThat(link).isEqualTo("https://t.me/" + bot.telegram.botUsername() + "?start=r" + id);
        assertThat(reads()).as("nothing read yet").isZero();

        // Telegram opens the private chat; the member presses Start, which sends /start r<id>
        bot.telegram.userSends(MEMBER, MEMBER, "/start r" + id, "ru");
        FakeMessage rich = bot.telegram.awaitMessage(m -> m.chatId() == MEMBER && m.isRich(), WAIT);
        assertThat(rich.plainText()).contains(TITLE);
        assertThat(reads()).isEqualTo(1);
    }

    @Test
    void topListsTodaysMostReadArticles() {
        FakeMessage alert = awaitAlert();
        assertThat(say(READER, "/top").text()).contains("никто не читал");
        String data = alert.button("Читать в Telegram").orElseThrow().callbackData();
        int before = bot.telegram.messagesTo(READER).size();
        for (int i = 0; i < 2; i++) {
            bot.telegram.userPresses(READER, READER, alert.messageId(), data);
        }
        bot.telegram.awaitMessages(READER, before + 2, WAIT);
        FakeMessage top = say(READER, "/top");
        assertThat(top.text()).startsWith("<b>Самое читаемое сегодня</b>").contains("1. <a href=\"https://news.example.kg/economy/rate\">")
                .contains(TITLE, "👁 2");
    }

    private FakeMessage awaitAlert() {
        return bot.telegram.awaitMessage(m -> m.chatId() == READER && m.text().startsWith("⚡")
                && m.text().contains(TITLE), WAIT);
    }

    private int reads() {
        return bot.db().withHandle(h -> h.createQuery("SELECT COALESCE(SUM(reads), 0) FROM article_reads")
                .mapTo(Integer.class).one());
    }

    private int attempts() {
        return bot.db().withHandle(h -> h.createQuery(
                "SELECT COALESCE(SUM(attempts), 0) FROM deliveries WHERE chat_id = :chat AND action = 'send'")
                .bind("chat", READER).mapTo(Integer.class).one());
    }

    private static byte[] economyFeedWith(String item) {
        String feed = new String(FeedServer.fixture("rss-ekonomika.xml"), StandardCharsets.UTF_8);
        return feed.replaceFirst("<item>", item + "<item>").getBytes(StandardCharsets.UTF_8);
    }

    private FakeMessage say(FakeUserMessage message) {
        int before = bot.telegram.messagesTo(message.chatId()).size();
        bot.telegram.userSends(message);
        return bot.telegram.awaitMessages(message.chatId(), before + 1, WAIT).get(before);
    }

    private FakeMessage say(long chat, String text) {
        int before = bot.telegram.messagesTo(chat).size();
        bot.telegram.userSends(chat, chat, text, "ru");
        return bot.telegram.awaitMessages(chat, before + 1, WAIT).get(before);
    }
}
