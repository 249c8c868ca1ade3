package newsbot.chat;

import static newsbot.admin.AdminWorld.ADMIN;
import static newsbot.admin.AdminWorld.OTHER_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import newsbot.config.BotConfig;
import newsbot.store.SubscriberStatus;
import newsbot.telegram.FakeButton;
import newsbot.telegram.FakeMessage;
import newsbot.telegram.FakeUserMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two-person rule end to end: an editor's broadcast to more readers than editorial.approval-above waits for
 * another admin's Approve; the author cannot decide on their own; a rejection goes back with its reason; approval
 * survives a restart; a scheduled one still waiting at its time says so once; /log shows the decisions.
 */
class ApprovalEndToEndTest {

    static final long EDITOR = 1002;
    static final String TEXT = "Матч сегодня";

    @TempDir
    Path dir;
    private AdminRig rig;

    @BeforeEach
    void setUp() {
        rig = new AdminRig(dir, c -> c.withNewsroom(c.newsroom().withApproval(
                new BotConfig.Approval(Set.of(EDITOR), 5))));
        for (long user : List.of(ADMIN, OTHER_ADMIN, EDITOR)) {
            rig.says(user, "/start");
        }
        rig.world.readers(100, 109, SubscriberStatus.ACTIVE, "ru", "sport");
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

    private int readersWithText() {
        int n = 0;
        for (long reader = 100; reader <= 109; reader++) {
            n += (int) rig.telegram.messagesTo(reader).stream().filter(m -> m.text().equals(TEXT)).count();
        }
        return n;
    }

    /** The editor drafts and presses Send: it waits; returns the card the other admin got. */
    private FakeMessage editorSendsAndWaits() {
        rig.says(EDITOR, "/broadcast cat=sport " + TEXT);
        FakeMessage control = last(EDITOR);
        String send = rig.presses(EDITOR, EDITOR, control.messageId(), "bc:1:send");
        assertThat(answer(send)).isEqualTo("#1: ждёт одобрения администратора.");
        assertThat(rig.world.state(1)).isEqualTo("AWAITING_APPROVAL");
        assertThat(rig.telegram.current(EDITOR, control.messageId()).orElseThrow().plainText())
                .contains("#1: ждёт одобрения");
        FakeMessage card = last(OTHER_ADMIN);
        assertThat(card.plainText()).contains("Нужно одобрение", "рассылка #1", String.valueOf(EDITOR),
                "Читателей: 10");
        assertThat(card.buttons()).extracting(FakeButton::callbackData).containsExactly("bc:1:approve", "bc:1:reject");
        List<FakeMessage> toOther = rig.telegram.messagesTo(OTHER_ADMIN);
        assertThat(toOther.get(toOther.size() - 2).text()).as("the message as readers will see it").isEqualTo(TEXT);
        assertThat(last(ADMIN).plainText()).as("every admin is asked").contains("Нужно одобрение");
        return card;
    }

    private String log() {
        rig.world.time.advance(Duration.ofSeconds(11)); // past the flood guard
        rig.says(ADMIN, "/log");
        return last(ADMIN).plainText();
    }

    @Test
    void aboveTheThresholdItWaitsTheAuthorCannotApproveAndAnotherAdminLetsItGo() {
        FakeMessage card = editorSendsAndWaits();
        rig.run(3);
        assertThat(readersWithText()).as("nothing before approval").isZero();
        rig.world.time.advance(Duration.ofSeconds(11));
        rig.says(ADMIN, "/broadcasts");
        assertThat(last(ADMIN).plainText()).as("/broadcasts names the state").contains("ждёт одобрения")
                .doesNotContain("admin.state");

        String own = rig.presses(EDITOR, EDITOR, card.messageId(), "bc:1:approve");
        assertThat(answer(own)).isEqualTo("Нельзя одобрить или отклонить собственную заявку #1: это делает другой администратор.");
        assertThat(rig.world.state(1)).isEqualTo("AWAITING_APPROVAL");

        String approve = rig.presses(OTHER_ADMIN, OTHER_ADMIN, card.messageId(), "bc:1:approve");
        assertThat(answer(approve)).isEqualTo("#1: одобрено.");
        rig.run(4);
        assertThat(readersWithText()).isEqualTo(10);
        assertThat(rig.telegram.messagesTo(EDITOR).stream().map(FakeMessage::plainText))
                .contains("✅ #1: одобрено администратором " + OTHER_ADMIN + ".");
        assertThat(rig.telegram.current(OTHER_ADMIN, card.messageId()).orElseThrow().plainText())
                .isEqualTo("✅ #1: одобрено (" + OTHER_ADMIN + ").");
        String again = rig.presses(ADMIN, ADMIN, last(ADMIN).messageId(), "bc:1:approve");
        assertThat(answer(again)).as("a second approval does nothing").contains("#1");
        assertThat(readersWithText()).isEqualTo(10);

        assertThat(log()).containsSubsequence("одобрено broadcast #1 · читателей: 10",
                "рассылка отправлена #1 · читателей: 10 · awaiting approval");
    }

    @Test
    void aRejectionWithAReasonGoesBackToTheAuthor() {
        FakeMessage card = editorSendsAndWaits();
        rig.says(new FakeUserMessage(OTHER_ADMIN, OTHER_ADMIN, "/reject Опечатка в заголовке", null, null, null, null,
                card.messageId(), null));
        assertThat(rig.world.state(1)).isEqualTo("DRAFT");
        assertThat(last(EDITOR).plainText()).isEqualTo(
                "↩️ #1: отклонено администратором " + OTHER_ADMIN + ", снова черновик.\nПричина: Опечатка в заголовке");
        assertThat(last(OTHER_ADMIN).plainText()).isEqualTo("#1: отклонено.");
        rig.run(3);
        assertThat(readersWithText()).isZero();
        assertThat(log()).contains("отклонено broadcast #1 · читателей: 10 · Опечатка в заголовке");

        // the button alone rejects without a reason; the draft can be sent again and waits again
        rig.presses(EDITOR, EDITOR, 0, "bc:1:send");
        assertThat(rig.world.state(1)).isEqualTo("AWAITING_APPROVAL");
        String reject = rig.presses(ADMIN, ADMIN, last(ADMIN).messageId(), "bc:1:reject");
        assertThat(answer(reject)).isEqualTo("#1: отклонено.");
        assertThat(last(EDITOR).plainText()).isEqualTo(
                "↩️ #1: отклонено администратором " + ADMIN + ", снова черновик.");
    }

    @Test
    void approvalSurvivesARestart() {
        FakeMessage card = editorSendsAndWaits();
        rig.restart();
        assertThat(rig.world.state(1)).isEqualTo("AWAITING_APPROVAL");
        rig.presses(OTHER_ADMIN, OTHER_ADMIN, card.messageId(), "bc:1:approve");
        rig.run(4);
        assertThat(readersWithText()).isEqualTo(10);
    }

    @Test
    void atOrBelowTheThresholdOrByAnAdminItStartsAtOnce() {
        rig.world.readers(200, 204, SubscriberStatus.ACTIVE, "en", "world");
        rig.says(EDITOR, "/broadcast cat=world Five readers");
        String send = rig.presses(EDITOR, EDITOR, last(EDITOR).messageId(), "bc:1:send");
        assertThat(answer(send)).isEqualTo("Рассылка #1: отправка началась.");
        rig.says(ADMIN, "/broadcast cat=sport Admin's own");
        String admin = rig.presses(ADMIN, ADMIN, last(ADMIN).messageId(), "bc:2:send");
        assertThat(answer(admin)).isEqualTo("Рассылка #2: отправка началась.");
    }

    @Test
    void aScheduledOneStillWaitingAtItsTimeWaitsAndSaysSoOnce() {
        rig.says(EDITOR, "/broadcast cat=sport " + TEXT);
        long minute = rig.world.time.instant().plus(Duration.ofHours(1)).getEpochSecond() / 60;
        String at = rig.presses(EDITOR, EDITOR, last(EDITOR).messageId(), "bc:1:at:" + minute);
        assertThat(answer(at)).isEqualTo("#1: ждёт одобрения администратора.");
        assertThat(rig.world.state(1)).isEqualTo("AWAITING_APPROVAL");
        FakeMessage card = last(OTHER_ADMIN);
        assertThat(card.plainText()).contains("Запланирована на");

        rig.world.time.advance(Duration.ofHours(2));
        rig.run(3);
        assertThat(readersWithText()).isZero();
        assertThat(rig.telegram.messagesTo(EDITOR).stream().map(FakeMessage::plainText)
                .filter(t -> t.contains("одобрения ещё нет"))).hasSize(1);

        rig.presses(OTHER_ADMIN, OTHER_ADMIN, card.messageId(), "bc:1:approve");
        rig.run(4);
        assertThat(readersWithText()).as("past its time, it starts once approved").isEqualTo(10);
    }

    @Test
    void anEditorsWithdrawalOfAMassSendWaitsAndRunsOnceApproved() {
        rig.says(ADMIN, "/broadcast cat=sport " + TEXT);
        rig.presses(ADMIN, ADMIN, last(ADMIN).messageId(), "bc:1:send");
        rig.run(4);
        assertThat(readersWithText()).isEqualTo(10);
        int deletesBefore = rig.telegram.requestCount("deleteMessage");

        rig.says(EDITOR, "/retract #1");
        String confirm = rig.presses(EDITOR, EDITOR, last(EDITOR).messageId(), "bc:cr:1:confirm");
        assertThat(answer(confirm)).isEqualTo("#1: ждёт одобрения администратора.");
        assertThat(correctionState()).isEqualTo("AWAITING_APPROVAL");
        FakeMessage card = last(OTHER_ADMIN);
        assertThat(card.plainText()).contains("отзыв #1", "Читателей: 10", "рассылки #1");
        rig.run(3);
        assertThat(rig.telegram.requestCount("deleteMessage")).as("nothing withdrawn yet").isEqualTo(deletesBefore);

        String own = rig.presses(EDITOR, EDITOR, card.messageId(), "bc:cr:1:approve");
        assertThat(answer(own)).startsWith("Нельзя одобрить");
        String approve = rig.presses(OTHER_ADMIN, OTHER_ADMIN, card.messageId(), "bc:cr:1:approve");
        assertThat(answer(approve)).isEqualTo("#1: одобрено.");
        rig.run(6);
        assertThat(rig.telegram.requestCount("deleteMessage") - deletesBefore).isEqualTo(10);
        assertThat(correctionState()).isEqualTo("DONE");
        assertThat(log()).contains("одобрено retract #1");
    }

    private String correctionState() {
        return rig.world.db.withHandle(h -> h.createQuery("SELECT state FROM corrections WHERE id = 1")
                .mapTo(String.class).one());
    }
}
