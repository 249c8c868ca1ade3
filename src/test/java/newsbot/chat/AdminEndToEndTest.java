package newsbot.chat;

import static newsbot.admin.AdminWorld.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import javax.imageio.ImageIO;
import newsbot.store.SubscriberStatus;
import newsbot.telegram.FakeButton;
import newsbot.telegram.FakeCallbackAnswer;
import newsbot.telegram.FakeEntity;
import newsbot.telegram.FakeMessage;
import newsbot.telegram.FakeUserMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editors' tools end to end: Telegram updates in, the real dispatcher and gateway out, FakeBotApi between. */
class AdminEndToEndTest {

    private static final long READER_A = 11;
    private static final long READER_B = 12;
    private static final long READER_C = 13;
    private static final long STOPPED = 14;

    @TempDir
    Path dir;
    private AdminRig rig;

    @BeforeEach
    void setUp() {
        rig = new AdminRig(dir);
        for (long user : List.of(READER_A, READER_B, READER_C, STOPPED, ADMIN)) {
            rig.says(user, "/start");
        }
        rig.says(STOPPED, "/stop");
    }

    @AfterEach
    void tearDown() {
        rig.close();
    }

    private List<FakeMessage> to(long chat, String html) {
        return rig.telegram.messagesTo(chat).stream().filter(m -> m.text().equals(html)).toList();
    }

    private FakeMessage lastTo(long chat, int back) {
        List<FakeMessage> all = rig.telegram.messagesTo(chat);
        return all.get(all.size() - 1 - back);
    }

    private FakeCallbackAnswer answer(String queryId) {
        return rig.telegram.callbackAnswers().stream().filter(a -> a.callbackQueryId().equals(queryId)).findFirst()
                .orElseThrow();
    }

    @Test
    void broadcastKeepsFormattingAndReachesItsAudienceOnce() {
        String text = "/broadcast Важно: новый раздел 👉 Спорт";
        rig.says(FakeUserMessage.of(ADMIN, ADMIN, text).withEntities(List.of(
                FakeEntity.of("bot_command", 0, 10),
                FakeEntity.of("bold", 11, 5),
                new FakeEntity("text_link", text.indexOf("Спорт"), 5, "https://example.org/sport"))));
        String html = "<b>Важно</b>: новый раздел 👉 <a href=\"https://example.org/sport\">Спорт</a>";
        FakeMessage preview = lastTo(ADMIN, 1);
        FakeMessage control = lastTo(ADMIN, 0);
        assertThat(preview.text()).isEqualTo(html);
        assertThat(preview.plainText()).isEqualTo("Важно: новый раздел 👉 Спорт");
        assertThat(control.plainText()).contains("Предпросмотр рассылки #1", "все читатели — читателей: 4");
        assertThat(control.buttons()).extracting(FakeButton::text, FakeButton::callbackData).containsExactly(
                org.assertj.core.groups.Tuple.tuple("✅ Отправить", "bc:1:send"),
                org.assertj.core.groups.Tuple.tuple("🧪 Только мне", "bc:1:test"),
                org.assertj.core.groups.Tuple.tuple("🕒 Запланировать…", "bc:1:schedule"),
                org.assertj.core.groups.Tuple.tuple("📌 Закрепить: нет", "bc:1:pin"),
                org.assertj.core.groups.Tuple.tuple("✖️ Отменить", "bc:1:cancel"));
        rig.run(2);
        assertThat(to(READER_A, html)).isEmpty(); // nothing before Send

        // a reader pressing Send on a forwarded copy gets nothing done
        String forwarded = rig.presses(READER_B, READER_B, 999, "bc:1:send");
        assertThat(answer(forwarded).text()).isNull();
        String send = rig.presses(ADMIN, ADMIN, control.messageId(), "bc:1:send");
        String again = rig.presses(ADMIN, ADMIN, control.messageId(), "bc:1:send");
        assertThat(answer(send).text()).isEqualTo("Рассылка #1: отправка началась.");
        assertThat(answer(again).text()).isEqualTo("Рассылка #1 уже отправлена или отменена.");
        rig.run(3);

        for (long reader : List.of(READER_A, READER_B, READER_C, ADMIN)) {
            assertThat(to(reader, html)).as("chat %d", reader).hasSize(reader == ADMIN ? 2 : 1);
        }
        assertThat(to(STOPPED, html)).isEmpty();
        FakeMessage report = rig.telegram.current(ADMIN, control.messageId()).orElseThrow();
        assertThat(report.plainText()).contains("Рассылка #1 завершена", "Доставлено: 4 из 4",
                "Заблокировали бота: 0", "Ошибок: 0");
        assertThat(report.buttons()).isEmpty();
        assertThat(rig.telegram.tooManyRequestsCount()).isZero();
    }

    @Test
    void pauseAndResumeThroughTheProgressButtons() {
        rig.world.readers(100, 129, SubscriberStatus.ACTIVE, "en", "sport");
        rig.says(ADMIN, "/broadcast cat=sport Match tonight");
        FakeMessage control = lastTo(ADMIN, 0);
        rig.presses(ADMIN, ADMIN, control.messageId(), "bc:1:send");
        rig.world.step(rig.dispatcher, 20);
        FakeMessage progress = rig.telegram.current(ADMIN, control.messageId()).orElseThrow();
        assertThat(progress.buttons()).extracting(FakeButton::callbackData).containsExactly("bc:1:pause", "bc:1:cancel");

        rig.presses(ADMIN, ADMIN, control.messageId(), "bc:1:pause");
        // what the sender had on the wire while the press was handled may still arrive; nothing after it
        int before = rig.telegram.sentMessages().size();
        rig.run(4);
        assertThat(rig.telegram.sentMessages()).hasSize(before);
        progress = rig.telegram.current(ADMIN, control.messageId()).orElseThrow();
        assertThat(progress.plainText()).contains("на паузе", "Пауза: ничего не отправляется.");
        assertThat(progress.buttons()).extracting(FakeButton::callbackData).containsExactly("bc:1:resume", "bc:1:cancel");

        rig.presses(ADMIN, ADMIN, control.messageId(), "bc:1:resume");
        rig.run(4);
        for (long chat = 100; chat < 130; chat++) {
            assertThat(to(chat, "Match tonight")).as("chat %d", chat).hasSize(1);
        }
        assertThat(to(READER_A, "Match tonight")).isEmpty();
        assertThat(rig.telegram.current(ADMIN, control.messageId()).orElseThrow().plainText())
                .contains("Доставлено: 30 из 30");
    }

    @Test
    void aRepliedMessageIsAnnouncedWithItsFormatting() {
        int original = rig.says(FakeUserMessage.of(ADMIN, ADMIN, "Собрание в 15:00, <не опаздывайте>")
                .withEntities(List.of(FakeEntity.of("italic", 0, 8))));
        rig.says(FakeUserMessage.of(ADMIN, ADMIN, "/broadcast lang=ru").replyingTo(original));
        assertThat(lastTo(ADMIN, 1).text()).isEqualTo("<i>Собрание</i> в 15:00, &lt;не опаздывайте&gt;");
        assertThat(lastTo(ADMIN, 0).plainText()).contains("язык ru — читателей: 4");
    }

    @Test
    void aNonAdminsCommandsDoNothing() {
        long article = rig.world.article("main", "Rates", "https://example.org/r", "economy",
                rig.world.time.instant());
        rig.world.db.useTransaction(h -> rig.world.subscriptions.add(h, READER_A, "economy"));
        int before = rig.telegram.messagesTo(READER_B).size();
        for (String command : List.of("/broadcast Hi all", "/broadcasts", "/stats", "/feeds")) {
            rig.says(READER_B, command);
            assertThat(lastTo(READER_B, 0).plainText()).startsWith("Я не знаю команды");
        }
        rig.says(READER_B, "/breaking " + article);
        assertThat(lastTo(READER_B, 0).plainText()).startsWith("Укажите /breaking on");
        rig.run(2);
        assertThat(rig.telegram.messagesTo(READER_B)).hasSize(before + 5);
        assertThat(rig.telegram.photos()).isEmpty();
        int rows = rig.world.db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM deliveries WHERE kind IN "
                + "('BROADCAST', 'BREAKING')").mapTo(Integer.class).one());
        int broadcasts = rig.world.db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM broadcasts")
                .mapTo(Integer.class).one());
        assertThat(rows).isZero();
        assertThat(broadcasts).isZero();
    }

    @Test
    void statsSendsNumbersAndAChart() throws Exception {
        rig.says(ADMIN, "/stats");
        assertThat(lastTo(ADMIN, 0).plainText()).contains("Статистика", "Читатели: активны 4 · на паузе 0 · "
                + "отписались 1 · заблокировали 0", "Очередь сейчас: 0");
        assertThat(rig.telegram.photos()).singleElement().satisfies(photo -> {
            assertThat(photo.chatId()).isEqualTo(ADMIN);
            assertThat(photo.caption()).contains("Asia/Bishkek");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo.bytes()));
            assertThat(image.getWidth()).isEqualTo(1000);
            assertThat(image.getHeight()).isEqualTo(800);
        });
        rig.says(ADMIN, "/feeds");
        assertThat(lastTo(ADMIN, 0).plainText()).startsWith("📡 Ленты (3), сначала сбойные:")
                .contains("⏳ main — ещё не загружалась");
    }

    @Test
    void anEditorsBreakingOnOrOffIsTheirOwnSwitchAndAnArticleIsAPush() {
        long article = rig.world.article("main", "Курс вырос", "https://example.org/rate", "economy",
                rig.world.time.instant());
        rig.world.db.useTransaction(h -> rig.world.subscriptions.add(h, READER_A, "economy"));
        rig.says(ADMIN, "/subscribe economy");
        rig.says(ADMIN, "/breaking off economy");
        assertThat(lastTo(ADMIN, 0).plainText())
                .isEqualTo("Срочные новости раздела «Экономика» теперь придут только в дайджесте.");
        int rows = rig.world.db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM deliveries WHERE kind = "
                + "'BREAKING'").mapTo(Integer.class).one());
        assertThat(rows).as("the switch pushed nothing").isZero();

        rig.says(ADMIN, "/breaking " + article);
        assertThat(lastTo(ADMIN, 0).plainText()).as("the editor's own economy alerts are off: reader A only")
                .contains("«Курс вырос» отправлена как срочная: в очереди 1");
        rig.run(2);
        assertThat(lastTo(READER_A, 0).plainText()).startsWith("⚡ Курс вырос");

        rig.says(ADMIN, "/breaking on");
        assertThat(lastTo(ADMIN, 0).plainText()).startsWith("⚡ Срочные новости включены");
    }

    @Test
    void breakingPushGoesOnceToItsCategoryAndSilentlyInQuietHours() {
        long article = rig.world.article("main", "Курс вырос", "https://example.org/rate", "economy",
                rig.world.time.instant());
        rig.world.db.useTransaction(h -> {
            rig.world.subscriptions.add(h, READER_A, "economy");
            rig.world.subscriptions.add(h, READER_B, "economy");
            rig.world.subscriptions.add(h, READER_C, "sport");
            // 16:00 in Bishkek: inside B's quiet hours
            rig.world.subscribers.setQuietHours(h, READER_B, LocalTime.of(15, 0), LocalTime.of(17, 0),
                    rig.world.time.instant());
        });
        rig.says(ADMIN, "/breaking " + article);
        assertThat(lastTo(ADMIN, 0).plainText()).contains("«Курс вырос» отправлена как срочная: в очереди 2");
        rig.run(2);
        FakeMessage toA = lastTo(READER_A, 0);
        assertThat(toA.plainText()).startsWith("⚡ Курс вырос").contains("Экономика");
        assertThat(toA.linkPreviewDisabled()).as("the same alert as a feed's, with its link preview").isFalse();
        assertThat(toA.disableNotification()).isFalse();
        assertThat(lastTo(READER_B, 0).disableNotification()).isTrue();
        assertThat(lastTo(READER_C, 0).plainText()).doesNotContain("Курс вырос");

        rig.says(ADMIN, "/breaking https://example.org/rate");
        assertThat(lastTo(ADMIN, 0).plainText()).contains("уже была отправлена как срочная");
        rig.run(1);
        assertThat(rig.telegram.messagesTo(READER_A).stream().filter(m -> m.plainText().contains("Курс вырос")))
                .hasSize(1);
    }
}
