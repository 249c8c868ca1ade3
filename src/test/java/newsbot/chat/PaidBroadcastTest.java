package newsbot.chat;

import static newsbot.admin.AdminWorld.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import newsbot.store.SubscriberStatus;
import newsbot.telegram.FakeButton;
import newsbot.telegram.FakeMessage;
import newsbot.testing.TestConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Send fast (paid): the cost shown before confirming, paid messages paced at the paid rate and never beyond the
 * day's Stars budget, the rest at the free rate, and Telegram's refusal of paid sending falling back to free.
 */
class PaidBroadcastTest {

    /** 20 Stars a day at 0.1 a message pay for 200 messages; paid ones go at 100 a second. */
    private static final int PAID_PER_SECOND = 100;
    private static final java.util.Map<String, String> PAID = TestConfig.keys().paid(PAID_PER_SECOND, 20, "0.1")
            .values();
    private static final long FIRST = 100;
    private static final long LAST = 399;

    @TempDir
    Path dir;
    private AdminRig rig;

    private void start() {
        rig = new AdminRig(dir, PAID);
        rig.says(ADMIN, "/start");
        rig.world.readers(FIRST, LAST, SubscriberStatus.ACTIVE, "ru", "sport");
    }

    @AfterEach
    void tearDown() {
        if (rig != null) {
            rig.close();
        }
    }

    private FakeMessage lastTo(long chat) {
        List<FakeMessage> all = rig.telegram.messagesTo(chat);
        return all.get(all.size() - 1);
    }

    @Test
    void aFastBroadcastGoesAtThePaidRateUntilTheBudgetIsSpentThenFree() {
        start();
        rig.says(ADMIN, "/broadcast Срочно: перекрытие дорог");
        FakeMessage control = lastTo(ADMIN);
        assertThat(control.plainText()).contains("Быстро (платно)", "до 20 ⭐", "Дневной бюджет оплачивает 200 из них",
                "остальные 101");
        assertThat(control.buttons()).extracting(FakeButton::callbackData).contains("bc:1:fast");

        rig.presses(ADMIN, ADMIN, control.messageId(), "bc:1:fast");
        FakeMessage confirm = rig.telegram.current(ADMIN, control.messageId()).orElseThrow();
        assertThat(confirm.plainText()).contains("301 читателям", "до 20 ⭐");
        assertThat(rig.telegram.paidMessageCount()).isZero(); // nothing spent before confirming
        rig.presses(ADMIN, ADMIN, control.messageId(), "bc:1:fastgo");
        rig.run(12);

        List<FakeMessage> got = rig.telegram.sentMessages().stream()
                .filter(m -> m.plainText().equals("Срочно: перекрытие дорог")).toList();
        assertThat(got).hasSize(302); // 300 readers, the editor as a reader, the preview
        List<FakeMessage> paid = got.stream().filter(FakeMessage::paid).toList();
        assertThat(paid).hasSize(200);
        assertThat(rig.telegram.paidMessageCount()).isEqualTo(200);
        assertThat(rig.telegram.starsSpent()).isEqualByComparingTo("20");
        double seconds = (paid.get(paid.size() - 1).sentAtNanos() - paid.get(0).sentAtNanos()) / 1e9;
        double rate = (paid.size() - 1) / seconds;
        assertThat(rate / PAID_PER_SECOND).as("paid rate ÷ paid limit").isBetween(0.9, 1.02);
        assertThat(rig.telegram.tooManyRequestsCount()).isZero();

        FakeMessage report = rig.telegram.current(ADMIN, control.messageId()).orElseThrow();
        assertThat(report.plainText()).contains("Рассылка #1 завершена", "Доставлено: 301 из 301",
                "Платных сообщений: 200 · 20 ⭐");
        rig.says(ADMIN, "/stats");
        assertThat(rig.telegram.messagesTo(ADMIN)).anyMatch(m -> m.plainText()
                .contains("Платных сообщений сегодня (UTC): 200 · 20 ⭐ из дневного бюджета 20 ⭐"));
    }

    @Test
    void whenTelegramRefusesPaidSendingEverythingStillArrivesAtTheFreeRate() {
        start();
        rig.telegram.refusePaidBroadcasts("Bad Request: not enough Stars to send paid broadcast");
        rig.says(ADMIN, "/broadcast Анонс");
        FakeMessage control = lastTo(ADMIN);
        rig.presses(ADMIN, ADMIN, control.messageId(), "bc:1:fast");
        rig.presses(ADMIN, ADMIN, control.messageId(), "bc:1:fastgo");
        rig.run(12);

        assertThat(rig.telegram.paidMessageCount()).isZero();
        assertThat(rig.telegram.sentMessages()).filteredOn(m -> m.plainText().equals("Анонс")).hasSize(302);
        int failed = rig.world.db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM deliveries "
                + "WHERE kind = 'BROADCAST' AND state <> 'SENT'").mapTo(Integer.class).one());
        assertThat(failed).isZero();
        assertThat(rig.telegram.current(ADMIN, control.messageId()).orElseThrow().plainText())
                .contains("Доставлено: 301 из 301", "Платных сообщений: 0");
    }

    @Test
    void withoutPaidBroadcastsTheOptionIsNotOffered() {
        rig = new AdminRig(dir);
        rig.says(ADMIN, "/start");
        rig.says(ADMIN, "/broadcast Текст");
        FakeMessage control = lastTo(ADMIN);
        assertThat(control.buttons()).extracting(FakeButton::callbackData).doesNotContain("bc:1:fast");
        assertThat(rig.presses(ADMIN, ADMIN, control.messageId(), "bc:1:fastgo")).isNotNull();
        rig.run(2);
        assertThat(rig.telegram.sentMessages()).filteredOn(m -> m.plainText().equals("Текст")).hasSize(1);
    }

    @Test
    void anEditorsBreakingPushGoesFastOnlyAfterTheCostIsConfirmedAndOnce() {
        start();
        long article = rig.world.article("main", "Землетрясение", "https://example.org/quake", "sport",
                rig.world.time.instant());
        rig.says(ADMIN, "/breaking fast " + article);
        FakeMessage confirm = lastTo(ADMIN);
        assertThat(confirm.plainText()).contains("быстро 300 читателям", "до 20 ⭐");
        rig.run(2);
        assertThat(rig.telegram.sentMessages()).noneMatch(m -> m.plainText().startsWith("⚡ Землетрясение"));

        String data = confirm.buttons().get(0).callbackData();
        rig.presses(ADMIN, ADMIN, confirm.messageId(), data);
        rig.presses(ADMIN, ADMIN, confirm.messageId(), data); // a double press pays once: the key is unique
        rig.run(12);
        List<FakeMessage> alerts = rig.telegram.sentMessages().stream()
                .filter(m -> m.plainText().startsWith("⚡ Землетрясение")).toList();
        assertThat(alerts).hasSize(300);
        assertThat(alerts.stream().filter(FakeMessage::paid)).hasSize(200);
        assertThat(rig.telegram.paidMessageCount()).isEqualTo(200);
        assertThat(rig.telegram.tooManyRequestsCount()).isZero();
    }

    @Test
    void breakingFastIsRefusedClearlyWhenPaidSendingIsOff() {
        rig = new AdminRig(dir);
        rig.says(ADMIN, "/start");
        rig.says(ADMIN, "/breaking fast 1");
        assertThat(lastTo(ADMIN).plainText()).contains("Быстрая (платная) отправка выключена");
    }
}
