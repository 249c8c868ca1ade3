package newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.DeliveryTime;
import newsbot.delivery.Manner;
import newsbot.delivery.Outbox;
import newsbot.telegram.FakeDocument;
import newsbot.telegram.FakeMessage;
import newsbot.telegram.FakeUserMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader's data end to end (issue 25): {@code /mydata} sends a JSON file of what is stored about the chat and
 * nothing of another; {@code /forget} asks, then erases the chat and cancels what is queued for it, confirming
 * with a reply that still goes; a later {@code /start} is a new reader; in a group, a member may do neither.
 */
class ReaderDataFlowTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final long READER = 1001;
    static final long OTHER = 1002;
    static final long GROUP = -1500;
    static final long OWNER = 1051;
    static final long MEMBER = 1052;

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

    @Test
    void myDataHoldsWhatWasSetAndNothingOfOtherReaders() throws Exception {
        bot.says(READER, "/start");
        bot.says(READER, "/subscribe economy");
        bot.says(READER, "/subscribe sport");
        bot.says(READER, "/breaking off sport");
        bot.says(READER, "/follow курс доллара");
        bot.says(READER, "/mute футбол");
        bot.says(READER, "/timezone Asia/Tokyo");
        bot.says(READER, "/search налоги");
        bot.says(READER, "/language en");
        bot.clock.advance(Duration.ofMinutes(5));
        bot.says(OTHER, "/start");
        bot.says(OTHER, "/subscribe world");
        bot.says(OTHER, "/follow выборы");
        bot.says(OTHER, "/mute погода");
        bot.says(OTHER, "/search выборы президента");

        bot.telegram.userSends(READER, READER, "/mydata", "ru");
        FakeDocument file = bot.telegram.awaitDocument(READER, 0, WAIT);

        assertThat(file.fileName()).isEqualTo("mydata-" + READER + ".json");
        assertThat(file.caption()).isEqualTo("📄 Everything the bot keeps about this chat.");
        JsonNode data = new ObjectMapper().readTree(file.bytes());
        assertThat(data.path("chat_id").asLong()).isEqualTo(READER);
        assertThat(data.path("joined_at").asText()).isEqualTo("2026-11-28T06:00:00Z");
        assertThat(data.path("language").asText()).isEqualTo("en");
        assertThat(data.path("time_zone").asText()).isEqualTo("Asia/Tokyo");
        assertThat(data.path("settings").path("digest_times").asText()).isEqualTo("08:00,19:00");
        assertThat(data.path("settings").path("status").asText()).isEqualTo("ACTIVE");
        assertThat(data.path("categories").toString()).isEqualTo(
                "[{\"slug\":\"economy\",\"name\":\"Economy\",\"breaking_alerts\":true},"
                        + "{\"slug\":\"sport\",\"name\":\"Sport\",\"breaking_alerts\":false}]");
        assertThat(data.path("followed_topics").toString()).isEqualTo("[\"курс доллара\"]");
        assertThat(data.path("muted_phrases").toString()).isEqualTo("[\"футбол\"]");
        // a search is kept only while its "more" button may be pressed: none without articles
        assertThat(data.path("recent_searches").isArray()).isTrue();
        assertThat(data.path("messages").path("kept_days").asInt()).isEqualTo(14);
        assertThat(data.path("messages").path("by_kind_and_state").path("reply").path("sent").asInt())
                .as("its replies so far").isGreaterThanOrEqualTo(9);
        assertThat(file.text()).doesNotContain(Long.toString(OTHER), "выборы", "погода", "world");
    }

    @Test
    void forgetAsksThenErasesTheChatAndCancelsWhatIsQueuedForIt() {
        bot.says(READER, "/start");
        bot.says(READER, "/subscribe economy");
        bot.says(READER, "/follow курс доллара");
        bot.says(READER, "/mute футбол");
        bot.says(OTHER, "/start");
        // queued for later: a digest and a reply, both due in an hour
        Instant later = bot.clock.instant().plus(Duration.ofHours(1));
        Outbox outbox = new Outbox(DeliveryTime.system());
        try (var db = bot.db()) {
            db.useTransaction(h -> {
                outbox.enqueue(h, READER, DeliveryKind.DIGEST, 77, "Queued digest", Manner.PLAIN, later);
                outbox.enqueue(h, READER, DeliveryKind.REPLY, 78, "Queued reply", Manner.PLAIN, later);
                outbox.enqueue(h, OTHER, DeliveryKind.DIGEST, 77, "Other digest", Manner.PLAIN, later);
            });
        }

        FakeMessage question = bot.says(READER, "/forget");
        assertThat(question.text()).startsWith("🗑 Удалить всё, что бот хранит об этом чате");
        // Cancel first: nothing changes
        String keep = bot.telegram.userPresses(READER, READER, question.messageId(),
                question.button("Отмена").orElseThrow().callbackData());
        assertThat(bot.telegram.awaitCallbackAnswer(keep, WAIT).text()).isEqualTo("Ничего не удалено.");
        assertThat(count("SELECT COUNT(*) FROM subscribers WHERE chat_id = " + READER)).isEqualTo(1);

        question = bot.says(READER, "/forget");
        int before = bot.telegram.messagesTo(READER).size();
        bot.telegram.userPresses(READER, READER, question.messageId(),
                question.button("🗑 Удалить всё").orElseThrow().callbackData());
        FakeMessage done = bot.telegram.awaitMessages(READER, before + 1, WAIT).get(before);
        assertThat(done.text()).isEqualTo("🗑 Готово: всё об этом чате удалено. /start, если снова захотите новости.");

        for (String table : new String[] {"subscribers", "subscriptions", "followed_topics", "muted_phrases",
                "searches"}) {
            assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE chat_id = " + READER)).as(table).isZero();
        }
        assertThat(count("SELECT COUNT(*) FROM deliveries WHERE chat_id = " + READER + " AND state = 'PENDING'"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM deliveries WHERE chat_id = " + READER + " AND state = 'CANCELLED'"))
                .as("the digest and the reply").isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM deliveries WHERE chat_id = " + OTHER + " AND state = 'PENDING'"))
                .as("another reader's queue is untouched").isEqualTo(1);

        // an hour later the other reader's digest goes, the forgotten reader's does not; /start is a new reader
        bot.clock.advance(Duration.ofHours(2));
        bot.awaitText(OTHER, "Other digest");
        assertThat(bot.says(READER, "/start").text()).startsWith("👋 <b>Здравствуйте!</b>");
        assertThat(bot.telegram.messagesTo(READER)).noneMatch(m -> m.text().startsWith("Queued"));
        assertThat(count("SELECT COUNT(*) FROM subscriptions WHERE chat_id = " + READER)).isZero();
    }

    @Test
    void inAGroupOnlyItsAdministratorsMayForgetOrExportIt() {
        bot.telegram.setMemberStatus(GROUP, OWNER, "administrator");
        inGroup(OWNER, "/start@" + bot.telegram.botUsername());
        assertThat(inGroup(MEMBER, "/forget").text()).contains("Only this group's administrators");
        assertThat(inGroup(MEMBER, "/mydata").text()).contains("Only this group's administrators");
        FakeMessage question = inGroup(OWNER, "/forget");
        String press = bot.telegram.userPresses(GROUP, MEMBER, question.messageId(),
                question.button("🗑 Delete everything").orElseThrow().callbackData());
        assertThat(bot.telegram.awaitCallbackAnswer(press, WAIT).text())
                .isEqualTo("Only the group's administrators can do that.");
        assertThat(count("SELECT COUNT(*) FROM subscribers WHERE chat_id = " + GROUP)).isEqualTo(1);

        int before = bot.telegram.messagesTo(GROUP).size();
        bot.telegram.userPresses(GROUP, OWNER, question.messageId(),
                question.button("🗑 Delete everything").orElseThrow().callbackData());
        assertThat(bot.telegram.awaitMessages(GROUP, before + 1, WAIT).get(before).text()).startsWith("🗑 Done");
        assertThat(count("SELECT COUNT(*) FROM subscribers WHERE chat_id = " + GROUP)).isZero();
        assertThat(bot.telegram.documents()).isEmpty();
    }

    private FakeMessage inGroup(long user, String text) {
        FakeUserMessage message = FakeUserMessage.of(GROUP, user, text).withLanguage("en").withChatType("group");
        int before = bot.telegram.messagesTo(GROUP).size();
        bot.telegram.userSends(message);
        return bot.telegram.awaitMessages(GROUP, before + 1, WAIT).get(before);
    }

    private int count(String sql) {
        try (var db = bot.db()) {
            return db.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
        }
    }
}
