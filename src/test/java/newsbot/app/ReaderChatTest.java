package newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import newsbot.store.Database;
import newsbot.store.Subscriber;
import newsbot.store.SubscriberStatus;
import newsbot.store.Subscribers;
import newsbot.store.Subscriptions;
import newsbot.telegram.FakeButton;
import newsbot.telegram.FakeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader talks to the real application through the fake Bot API. */
class ReaderChatTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final long READER = 501;

    @TempDir
    Path dir;
    TestBot bot;

    @BeforeEach
    void start() {
        bot = TestBot.create(dir).start();
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    FakeMessage say(long chat, String text, String language) {
        int before = bot.telegram.messagesTo(chat).size();
        bot.telegram.userSends(chat, chat, text, language);
        return bot.telegram.awaitMessages(chat, before + 1, WAIT).get(before);
    }

    /**
     * A long database fault, not a blip: while SQLite refuses writes, the update is neither answered nor confirmed
     * to Telegram, and the bot asks for it again; once writes go through, it is handled once and answered.
     */
    @Test
    void anUpdateWhileTheDatabaseRefusesWritesIsAnsweredOnceWritesGoThroughAgain() {
        Database db = bot.db();
        say(READER, "/help", "en");
        db.useTransaction(h -> h.execute("CREATE TRIGGER refuse_marks BEFORE INSERT ON handled_updates "
                + "BEGIN SELECT RAISE(ABORT, 'attempt to write a readonly database'); END"));
        int polls = bot.telegram.requestCount("getUpdates");
        bot.telegram.userSends(READER, READER, "/start", "en");

        bot.telegram.awaitRequests("getUpdates", polls + 3, WAIT); // it was tried, and asked for again, twice
        assertThat(bot.telegram.pendingUpdates()).as("not confirmed to Telegram").isEqualTo(1);
        assertThat(bot.telegram.messagesTo(READER)).hasSize(1);

        db.useTransaction(h -> h.execute("DROP TRIGGER refuse_marks"));
        FakeMessage welcome = bot.telegram.awaitMessages(READER, 2, WAIT).get(1);
        assertThat(welcome.text()).contains("sections").doesNotContain("Sorry");
        FakeMessage later = say(READER, "/help", "en"); // the bot moved on: nothing more of /start comes
        assertThat(later.text()).contains("/subscribe");
        assertThat(bot.telegram.messagesTo(READER)).hasSize(3);
        bot.telegram.awaitUpdatesConsumed(WAIT);
    }

    @Test
    void startShowsWelcomeAndCategoryKeyboardInRussian() {
        FakeMessage welcome = say(READER, "/start", "ru");
        assertThat(welcome.text()).contains("Здравствуйте");
        assertThat(welcome.buttons()).extracting(FakeButton::text)
                .containsExactly("Общество", "Экономика", "Спорт", "В мире");
        assertThat(welcome.buttons()).allSatisfy(b -> assertThat(b.callbackData()).startsWith("cat:"));

        Subscriber reader = readerRow();
        assertThat(reader.language()).isEqualTo("ru");
        assertThat(reader.breakingOn()).isTrue();
        assertThat(reader.zone().getId()).isEqualTo("Asia/Bishkek");
        assertThat(reader.digestTimes()).hasSize(2);
    }

    @Test
    void englishSpeakersGetEnglish() {
        FakeMessage welcome = say(READER, "/start", "en-GB");
        assertThat(welcome.text()).contains("Hello");
        assertThat(welcome.buttons()).extracting(FakeButton::text).contains("Economy", "World");
    }

    @Test
    void pressingACategoryTogglesItAndEditsTheSameMessage() {
        FakeMessage welcome = say(READER, "/start", "ru");
        FakeButton economy = welcome.button("Экономика").orElseThrow();

        String press = bot.telegram.userPresses(READER, READER, welcome.messageId(), economy.callbackData());
        assertThat(bot.telegram.awaitCallbackAnswer(press, WAIT).text()).contains("Экономика");
        FakeMessage edited = bot.telegram.awaitMessage(
                m -> m.messageId() == welcome.messageId() && m.edits() >= 1, WAIT);
        assertThat(edited.buttons()).extracting(FakeButton::text).contains("✅ Экономика", "Спорт");
        assertThat(categories()).containsExactly("economy");
        // the first category of a reader who has had no digest yet: "what's new today" is offered at once
        FakeMessage offer = bot.telegram.awaitMessages(READER, 2, WAIT).get(1);
        assertThat(offer.text()).contains("что нового сегодня");
        assertThat(offer.button("📰 Что нового сегодня").orElseThrow().callbackData()).isEqualTo("dg:now");

        String again = bot.telegram.userPresses(READER, READER, welcome.messageId(), economy.callbackData());
        bot.telegram.awaitCallbackAnswer(again, WAIT);
        bot.telegram.awaitMessage(m -> m.messageId() == welcome.messageId() && m.edits() >= 2, WAIT);
        assertThat(categories()).isEmpty();
        assertThat(bot.telegram.messagesTo(READER)).as("no offer when a category is removed").hasSize(2);
    }

    @Test
    void deepLinkSubscribesAtOnce() {
        FakeMessage reply = say(READER, "/start sport", "ru");
        assertThat(reply.text()).contains("Спорт");
        assertThat(reply.button("✅ Спорт")).isPresent();
        assertThat(categories()).containsExactly("sport");
    }

    @Test
    void subscribeByNameAndUnknownNameGetsTheList() {
        say(READER, "/start", "ru");
        assertThat(say(READER, "/subscribe экономика", "ru").text()).contains("Экономика");
        FakeMessage bad = say(READER, "/subscribe погода", "ru");
        assertThat(bad.text()).contains("погода").contains("economy").contains("В мире");
        assertThat(say(READER, "/unsubscribe Economy", "ru").text()).contains("отменена");
        assertThat(say(READER, "/subscribe", "ru").text()).contains("/subscribe");
        assertThat(categories()).isEmpty();
    }

    @Test
    void settingsLanguageHelpStopAndUnknownInput() {
        say(READER, "/start", "ru");
        say(READER, "/subscribe sport", "ru");
        String settings = say(READER, "/settings", "ru").text();
        assertThat(settings).contains("Спорт", "08:00, 19:00", "Asia/Bishkek", "русский", "включены");

        assertThat(say(READER, "/language en", "ru").text()).contains("English");
        assertThat(say(READER, "/settings", "ru").text()).contains("Sections: Sport");
        assertThat(say(READER, "/language fr", "ru").text()).contains("/language ru");

        assertThat(say(READER, "/help", "ru").text()).contains("/subscribe", "/stop", "/search");
        assertThat(say(READER, "/frobnicate", "ru").text()).contains("/frobnicate").contains("/help");
        assertThat(say(READER, "hello there", "ru").text()).contains("/help");

        say(READER, "/stop", "ru");
        assertThat(readerRow().status()).isEqualTo(SubscriberStatus.STOPPED);
        FakeMessage back = say(READER, "/start", "ru");
        assertThat(back.text()).contains("Welcome back");
        assertThat(readerRow().status()).isEqualTo(SubscriberStatus.ACTIVE);
        assertThat(categories()).containsExactly("sport");
    }

    @Test
    void groupsAnswerOnlyCommandsAddressedToTheBot() {
        long group = -100777;
        String me = bot.telegram.botUsername();
        bot.telegram.userSends(newsbot.telegram.FakeUserMessage.of(group, READER, "just chatting").withChatType("group"));
        bot.telegram.userSends(newsbot.telegram.FakeUserMessage.of(group, READER, "/help@someotherbot").withChatType("group"));
        bot.telegram.userSends(newsbot.telegram.FakeUserMessage.of(group, READER, "/help@" + me).withChatType("group"));
        List<FakeMessage> sent = bot.telegram.awaitMessages(group, 1, WAIT);
        bot.telegram.awaitUpdatesConsumed(WAIT);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).text()).contains("/subscribe");
    }

    @Test
    void menuIsRegisteredInEveryLanguage() {
        bot.telegram.awaitRequests("setMyCommands", 4, WAIT);
        assertThat(bot.telegram.commands("ru")).extracting(c -> c.command()).contains("start", "latest", "stop", "follow");
        assertThat(bot.telegram.commands("en")).anySatisfy(c -> assertThat(c.description()).isEqualTo("Latest news"));
        assertThat(bot.telegram.commands("ky")).anySatisfy(c -> assertThat(c.description()).isEqualTo("Акыркы жаңылыктар"))
                .extracting(c -> c.command()).containsExactlyElementsOf(bot.telegram.commands("ru").stream()
                        .map(c -> c.command()).toList());
    }

    @Test
    void kyrgyzIsChosenFromTheTelegramLanguageCodeAndByCommand() {
        FakeMessage welcome = say(READER, "/start", "ky");
        assertThat(welcome.text()).startsWith("👋 <b>Саламатсызбы!</b>");
        assertThat(readerRow().language()).isEqualTo("ky");
        assertThat(say(READER, "/settings", "ky").text()).contains("Тил: кыргызча");
        assertThat(say(READER, "/language ru", "ky").text()).isEqualTo("Язык: русский.");
        assertThat(say(READER, "/language кыргызча", "ky").text()).isEqualTo("Тил: кыргызча.");
        assertThat(readerRow().language()).isEqualTo("ky");
    }

    @Test
    void restartKeepsChoicesAndHandlesNoUpdateTwice() {
        say(READER, "/start", "ru");
        say(READER, "/subscribe world", "ru");
        bot.restart();
        FakeMessage settings = say(READER, "/settings", "ru");
        assertThat(settings.text()).contains("В мире");
        bot.telegram.awaitUpdatesConsumed(WAIT);
        // three commands, three answers: nothing was answered again after the restart
        assertThat(bot.telegram.messagesTo(READER)).hasSize(3);
    }

    private Subscriber readerRow() {
        Database db = bot.db();
        return db.withHandle(h -> new Subscribers().find(h, READER)).orElseThrow();
    }

    private List<String> categories() {
        Database db = bot.db();
        return db.withHandle(h -> new Subscriptions().categoriesOf(h, READER));
    }
}
