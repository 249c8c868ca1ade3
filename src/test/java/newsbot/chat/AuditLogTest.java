package newsbot.chat;

import static newsbot.admin.AdminWorld.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import newsbot.store.AuditAction;
import newsbot.store.AuditTrail;
import newsbot.store.SubscriberStatus;
import newsbot.telegram.FakeMessage;
import newsbot.telegram.FakeUserMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editors' audit trail: one row per editorial action, shown by /log newest first. */
class AuditLogTest {

    /** Paid broadcasts on: 20 Stars a day, as in {@link PaidBroadcastTest}. */
    private static final java.util.Map<String, String> PAID = newsbot.testing.TestConfig.keys().paid(100, 20, "0.1")
            .values();

    @TempDir
    Path dir;
    private AdminRig rig;

    @BeforeEach
    void setUp() {
        rig = new AdminRig(dir);
        rig.says(ADMIN, "/start");
        rig.world.readers(100, 109, SubscriberStatus.ACTIVE, "ru", "sport");
    }

    @AfterEach
    void tearDown() {
        rig.close();
    }

    private String log(String args) {
        // past the flood guard's window: the editor pressed and wrote a lot within seconds
        rig.world.time.advance(Duration.ofSeconds(11));
        int before = rig.telegram.messagesTo(ADMIN).size();
        rig.says(ADMIN, "/log" + args);
        List<FakeMessage> all = rig.telegram.messagesTo(ADMIN);
        // the reply to /log: the first message after it (a campaign's edits and reports are not new messages)
        return all.subList(before, all.size()).stream().map(FakeMessage::plainText)
                .filter(t -> t.startsWith("📒") || t.startsWith("Журнал") || t.startsWith("/log")).findFirst()
                .orElseThrow(() -> new AssertionError("no answer to /log in " + all.subList(before, all.size())));
    }

    private int control() {
        List<FakeMessage> all = rig.telegram.messagesTo(ADMIN);
        return all.get(all.size() - 1).messageId();
    }

    @Test
    void everyKindOfCampaignActionIsOneRowWithWhoWhatAndAudience() {
        assertThat(log("")).isEqualTo("Журнал редакции пуст.");

        rig.says(ADMIN, "/broadcast cat=sport Матч сегодня");
        int first = control();
        assertThat(log("")).contains("рассылка подготовлена #1 · читателей: 10", String.valueOf(ADMIN));

        rig.presses(ADMIN, ADMIN, first, "bc:1:send");
        rig.presses(ADMIN, ADMIN, first, "bc:1:pause");
        rig.presses(ADMIN, ADMIN, first, "bc:1:resume");
        rig.says(ADMIN, "/broadcast cat=sport Второе");
        int second = control();
        rig.presses(ADMIN, ADMIN, second, "bc:2:cancel");
        long article = rig.world.article("main", "Гол на последней минуте", "https://news.example.kg/goal", "sport",
                rig.world.time.instant().minus(Duration.ofMinutes(5)));
        rig.says(ADMIN, "/breaking " + article);

        String shown = log("");
        assertThat(shown.lines().skip(1).toList()).hasSize(7);
        assertThat(shown).containsSubsequence("/breaking article " + article + " · читателей: 10",
                "отменено broadcast #2", "рассылка подготовлена #2",
                "продолжено broadcast #1", "пауза broadcast #1", "рассылка отправлена #1 · читателей: 10 · started",
                "рассылка подготовлена #1");
        assertThat(log(" 2").lines().skip(1).toList()).as("/log 2: the latest two").hasSize(2);
        assertThat(log(" abc")).contains("/log");

        List<AuditTrail.Entry> rows = rig.world.db.withHandle(h -> new AuditTrail().latest(h, 10));
        assertThat(rows).extracting(AuditTrail.Entry::action).containsExactly(AuditAction.BREAKING_PUSH,
                AuditAction.CANCELLED, AuditAction.BROADCAST_DRAFTED, AuditAction.RESUMED, AuditAction.PAUSED,
                AuditAction.BROADCAST_SENT, AuditAction.BROADCAST_DRAFTED);
        assertThat(rows).extracting(AuditTrail.Entry::actor).containsOnly(ADMIN);
    }

    @Test
    void scheduleCorrectionWithdrawalPaidSendAndChannelPauseAreRowsToo() {
        rig.close();
        rig = new AdminRig(dir, PAID);
        // the channel as the app registers it from channel.site.* at start (the rig starts no app)
        rig.world.db.useTransaction(h -> new newsbot.store.Channels().upsert(h, "site", "@site_news", null));

        rig.says(ADMIN, "/broadcast cat=sport Матч сегодня");
        int progress = control();
        rig.presses(ADMIN, ADMIN, progress, "bc:1:send");
        rig.run(5);
        rig.says(FakeUserMessage.of(ADMIN, ADMIN, "/correct Матч завтра").replyingTo(progress));
        rig.presses(ADMIN, ADMIN, control(), "bc:cr:1:confirm");
        rig.run(5);
        rig.says(FakeUserMessage.of(ADMIN, ADMIN, "/retract Матч перенесён").replyingTo(progress));
        rig.presses(ADMIN, ADMIN, control(), "bc:cr:2:confirm");
        rig.run(5);

        rig.says(ADMIN, "/broadcast cat=sport Анонс");
        int second = control();
        rig.presses(ADMIN, ADMIN, second, "bc:2:schedule");
        rig.says(FakeUserMessage.of(ADMIN, ADMIN, "25.12 09:00").replyingTo(second));
        rig.says(ADMIN, "/broadcast cat=sport Срочно");
        int third = control();
        rig.presses(ADMIN, ADMIN, third, "bc:3:fast");
        rig.presses(ADMIN, ADMIN, third, "bc:3:fastgo");
        rig.run(5);
        rig.says(ADMIN, "/channels pause site");
        rig.says(ADMIN, "/channels resume site");

        assertThat(log(" 20")).containsSubsequence("канал возобновлён site", "канал на паузе site",
                "платная отправка #3 · читателей: 10", "рассылка подготовлена #3",
                "рассылка запланирована #2 · читателей: 10", "рассылка подготовлена #2",
                "отзыв broadcast 1", "исправление broadcast 1", "рассылка отправлена #1 · читателей: 10",
                "рассылка подготовлена #1");
        List<AuditTrail.Entry> rows = rig.world.db.withHandle(h -> new AuditTrail().latest(h, 20));
        assertThat(rows).extracting(AuditTrail.Entry::action).containsExactly(AuditAction.CHANNEL_RESUMED,
                AuditAction.CHANNEL_PAUSED, AuditAction.PAID_SEND, AuditAction.BROADCAST_DRAFTED,
                AuditAction.BROADCAST_SCHEDULED, AuditAction.BROADCAST_DRAFTED, AuditAction.RETRACTION,
                AuditAction.CORRECTION, AuditAction.BROADCAST_SENT, AuditAction.BROADCAST_DRAFTED);
    }

    @Test
    void rowsOlderThanTheRetentionAreForgotten() {
        rig.says(ADMIN, "/broadcast cat=sport Матч сегодня");
        rig.world.time.advance(Duration.ofDays(401));
        rig.says(ADMIN, "/broadcast cat=sport Второе");
        assertThat(rig.admin.pruneAudit()).isEqualTo(1);
        assertThat(log("")).contains("#2").doesNotContain("#1");
    }
}
