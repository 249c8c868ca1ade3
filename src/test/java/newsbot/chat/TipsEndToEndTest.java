package newsbot.chat;

import static newsbot.admin.AdminWorld.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import newsbot.config.BotConfig;
import newsbot.telegram.FakeButton;
import newsbot.telegram.FakeMessage;
import newsbot.telegram.FakeUserMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers' tips end to end: a tip of a text, a photo and an album reaches the desk as copies under its header; an
 * editor's reply there reaches the reader from the bot; the reader's name only with consent; a blocked tipster's
 * tips go nowhere without a word to them; the daily limit.
 */
class TipsEndToEndTest {

    static final long DESK = -100_777;
    static final long READER = 100;
    static final long OTHER = 101;

    @TempDir
    Path dir;
    private AdminRig rig;

    @BeforeEach
    void setUp() {
        rig = new AdminRig(dir, c -> c.withNewsroom(c.newsroom().withTips(
                new BotConfig.TipDesk(DESK, Duration.ofDays(90), 2))));
        for (long user : List.of(ADMIN, READER, OTHER)) {
            rig.says(user, "/start");
        }
    }

    @AfterEach
    void tearDown() {
        rig.close();
    }

    private FakeMessage last(long chat) {
        return rig.last(chat);
    }

    private String answer(String queryId) {
        return rig.answer(queryId);
    }

    /** The reader opens a tip with /tip, writes {@code text}, and presses {@code button}; returns the answer. */
    private String tip(long reader, String text, String button) {
        rig.world.time.advance(Duration.ofSeconds(11)); // past the flood guard
        rig.says(reader, "/tip");
        int intro = last(reader).messageId();
        rig.says(FakeUserMessage.of(reader, reader, text).withUsername("reader" + reader));
        return answer(rig.presses(reader, reader, intro, button));
    }

    @Test
    void aTipWithAPhotoAndAnAlbumReachesTheDeskAndTheEditorsReplyReachesTheReader() {
        rig.says(READER, "/help");
        assertThat(last(READER).buttons()).extracting(FakeButton::callbackData).containsExactly("tip:start");
        rig.presses(READER, READER, last(READER).messageId(), "tip:start");
        FakeMessage intro = last(READER);
        assertThat(intro.plainText()).startsWith("📝 Напишите редакции");
        rig.says(FakeUserMessage.of(READER, READER, "Пожар на улице Ленина").withUsername("ivan"));
        assertThat(last(READER).plainText()).startsWith("Добавлено.");
        rig.world.time.advance(Duration.ofSeconds(11)); // past the flood guard
        int photo = rig.says(FakeUserMessage.photo(READER, READER, "Вот фото"));
        rig.world.time.advance(Duration.ofSeconds(11));
        rig.telegram.userSendsAlbum(READER, READER, "Ещё", 3);
        rig.pump();
        rig.world.time.advance(Duration.ofSeconds(11));
        String sent = answer(rig.presses(READER, READER, intro.messageId(), "tip:send"));
        assertThat(sent).isEqualTo("✅ Сообщение №1 передано в редакцию. Спасибо!");
        rig.run(3);

        List<FakeMessage> desk = rig.telegram.messagesTo(DESK);
        assertThat(desk).hasSize(1 + 1 + 1 + 3);
        assertThat(desk.get(0).plainText()).contains("Сообщение читателя №1", "язык читателя: ru", "Анонимно")
                .doesNotContain("ivan");
        assertThat(desk.get(1).text()).isEqualTo("Пожар на улице Ленина");
        assertThat(desk.get(2).copiedFrom()).isEqualTo(new FakeMessage.Ref(READER, photo));
        assertThat(desk.subList(3, 6)).extracting(FakeMessage::mediaGroupId).doesNotContainNull().hasSize(3);

        rig.world.time.advance(Duration.ofSeconds(11));
        rig.says(new FakeUserMessage(DESK, ADMIN, "Спасибо, проверим!", null, "supergroup", "editor_anna", null,
                desk.get(2).messageId(), null));
        rig.run(2);
        List<FakeMessage> toReader = rig.telegram.messagesTo(READER);
        assertThat(toReader.get(toReader.size() - 2).plainText())
                .isEqualTo("✉️ Редакция отвечает на ваше сообщение №1:");
        FakeMessage reply = toReader.get(toReader.size() - 1);
        assertThat(reply.text()).isEqualTo("Спасибо, проверим!");
        assertThat(reply.copiedFrom()).as("a copy: from the bot, not forwarded from the editor").isNotNull();
        assertThat(toReader).noneMatch(m -> m.plainText().contains("editor_anna")
                || m.plainText().contains(String.valueOf(ADMIN)));
    }

    @Test
    void theNameOnlyWithConsent() {
        assertThat(tip(READER, "Без имени", "tip:send")).startsWith("✅");
        assertThat(tip(READER, "С именем", "tip:named")).startsWith("✅");
        rig.run(3);
        List<String> headers = rig.telegram.messagesTo(DESK).stream().map(FakeMessage::plainText)
                .filter(t -> t.startsWith("📝")).toList();
        assertThat(headers).hasSize(2);
        assertThat(headers.get(0)).contains("Анонимно").doesNotContain("reader100");
        assertThat(headers.get(1)).contains("От: ", "@reader100").doesNotContain("Анонимно");
    }

    @Test
    void aBlockedTipsterIsToldNothingAndTheirTipsGoNowhere() {
        tip(OTHER, "Первое", "tip:send");
        rig.run(3);
        int before = rig.telegram.messagesTo(DESK).size();
        rig.world.time.advance(Duration.ofSeconds(11));
        rig.says(ADMIN, "/block 1");
        assertThat(last(ADMIN).plainText()).startsWith("Автор сообщения №1 заблокирован");
        assertThat(tip(OTHER, "Второе", "tip:send")).as("the same answer as ever")
                .isEqualTo("✅ Сообщение №2 передано в редакцию. Спасибо!");
        rig.run(3);
        assertThat(rig.telegram.messagesTo(DESK)).hasSize(before);
        assertThat(rig.telegram.messagesTo(OTHER)).noneMatch(m -> m.plainText().contains("заблок"));
    }

    @Test
    void tipsAreRateLimitedPerReader() {
        tip(READER, "Раз", "tip:send");
        tip(READER, "Два", "tip:send");
        assertThat(tip(READER, "Три", "tip:send")).isEqualTo("В день можно отправить 2 сообщений; попробуйте позже.");
        assertThat(tip(OTHER, "Другой читатель", "tip:send")).startsWith("✅");
        rig.run(3);
        assertThat(rig.telegram.messagesTo(DESK).stream().filter(m -> m.plainText().startsWith("📝"))).hasSize(3);
        rig.world.time.advance(Duration.ofDays(1));
        assertThat(tip(READER, "Назавтра", "tip:send")).as("the open tip goes the next day").startsWith("✅");
    }

    @Test
    void tipsAreKeptForTheirRetentionAndErasedOnRequest() {
        tip(READER, "Раз", "tip:send");
        tip(OTHER, "Другой", "tip:send");
        Tipline tips = new Tipline(rig.world.config, rig.world.db, rig.world.outbox, rig.world.texts, null,
                rig.world.time);
        assertThat(tips.erase(READER)).isEqualTo(1);
        assertThat(tips.prune()).as("younger than 90 days").isZero();
        rig.world.time.advance(Duration.ofDays(91));
        assertThat(tips.prune()).isEqualTo(1);
        int parts = rig.world.db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM tip_messages")
                .mapTo(Integer.class).one());
        assertThat(parts).isZero();
    }
}
