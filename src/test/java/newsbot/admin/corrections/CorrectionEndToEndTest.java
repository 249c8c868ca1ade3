package newsbot.admin.corrections;

import static newsbot.admin.AdminWorld.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import newsbot.store.SubscriberStatus;
import newsbot.telegram.FakeButton;
import newsbot.telegram.FakeEntity;
import newsbot.telegram.FakeMessage;
import newsbot.telegram.FakeUserMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /correct end to end: Telegram updates in, the real dispatcher and gateway out, FakeBotApi between. */
class CorrectionEndToEndTest {

    private static final String ORIGINAL = "Курс вырос на 5%";
    private static final String CORRECTED = "Курс вырос на <b>0,5%</b>";
    /** Readers' chats start here, clear of the editors' (1000, 1001). */
    private static final long FIRST = 2001;

    @TempDir
    Path dir;
    private CorrectionRig rig;

    @AfterEach
    void tearDown() {
        rig.close();
    }

    /** A text broadcast with a link button to {@code readers} readers from {@link #FIRST}; returns its progress message. */
    private int broadcastTo(int readers) {
        rig.world.readers(FIRST, FIRST + readers - 1, SubscriberStatus.ACTIVE, "ru");
        rig.says(ADMIN, "/start");
        rig.says(ADMIN, "/broadcast lang=ru " + ORIGINAL + " | Подробнее = https://example.org/rates");
        int control = rig.lastTo(ADMIN, 0).messageId();
        rig.presses(ADMIN, ADMIN, control, "bc:1:send");
        return control;
    }

    private int sent(String kind) {
        return rig.count("SELECT COUNT(*) FROM deliveries WHERE kind = '" + kind + "' AND state = 'SENT'");
    }

    /** The broadcast's one copy in a reader's chat, as sent. */
    private FakeMessage copyIn(long chat) {
        List<FakeMessage> all = rig.telegram.messagesTo(chat).stream()
                .filter(m -> m.plainText().startsWith("Курс вырос")).toList();
        assertThat(all).as("copies in chat %d", chat).hasSize(1);
        return all.get(0);
    }

    /** /correct in reply to the broadcast's progress message, then Confirm; returns the correction's preview. */
    private FakeMessage correct(int progressMessage) {
        rig.says(FakeUserMessage.of(ADMIN, ADMIN, "/correct Курс вырос на 0,5%")
                .withEntities(List.of(FakeEntity.of("bot_command", 0, 8),
                        FakeEntity.of("bold", 23, 4)))
                .replyingTo(progressMessage));
        FakeMessage info = rig.lastTo(ADMIN, 0);
        assertThat(rig.lastTo(ADMIN, 1).text()).isEqualTo(CORRECTED);
        assertThat(info.buttons()).extracting(FakeButton::callbackData)
                .containsExactly("bc:cr:1:confirm", "bc:cr:1:cancel");
        return info;
    }

    @Test
    void everyDeliveredCopyIsEditedOnceAndQueuedCopiesGoOutCorrected() {
        rig = new CorrectionRig(dir, 1000);
        int progress = broadcastTo(1000);
        while (sent("BROADCAST") < 400) {
            rig.step(50);
        }
        FakeMessage info = correct(progress);
        assertThat(info.plainText()).contains("Исправление #1 рассылки #1", "Доставленных копий исправить: ",
                "Ожидающих копий исправить до отправки: ");
        rig.presses(ADMIN, ADMIN, info.messageId(), "bc:cr:1:confirm");
        for (int i = 0; i < 40 && rig.count("SELECT COUNT(*) FROM corrections WHERE state = 'DONE'") == 0; i++) {
            rig.run(10);
        }
        rig.run(2);

        List<Long> edited = new ArrayList<>();
        List<Long> sentCorrected = new ArrayList<>();
        for (long chat = FIRST; chat < FIRST + 1000; chat++) {
            FakeMessage copy = copyIn(chat);
            FakeMessage shown = rig.now(copy);
            assertThat(shown.text()).as("chat %d", chat).isEqualTo(CORRECTED);
            assertThat(shown.buttons()).as("chat %d keeps its button", chat).extracting(FakeButton::text)
                    .containsExactly("Подробнее");
            if (copy.text().equals(CORRECTED)) {
                assertThat(shown.edits()).as("chat %d, sent corrected", chat).isZero();
                sentCorrected.add(chat);
            } else {
                assertThat(shown.edits()).as("chat %d, edited", chat).isEqualTo(1);
                edited.add(chat);
            }
        }
        int queued = rig.count("SELECT queued FROM corrections WHERE id = 1");
        // the editor (chat 1000, first in chat order) is a reader too; the last reader's row came in a second batch,
        // after the correction started, with the corrected text
        int editedRows = rig.count("SELECT COUNT(*) FROM deliveries WHERE kind = 'CORRECTION' AND state = 'SENT'");
        assertThat(edited).hasSizeGreaterThanOrEqualTo(400).hasSize(editedRows - 1);
        assertThat(sentCorrected).hasSizeGreaterThanOrEqualTo(queued);
        FakeMessage report = rig.telegram.current(ADMIN, info.messageId()).orElseThrow();
        assertThat(report.plainText()).contains("Исправление #1 рассылки #1 завершено",
                "Исправлено: " + editedRows + " · Telegram отказал: 0 (из " + editedRows + ")",
                "Ожидавших копий исправлено до отправки: " + queued);
        assertThat(report.buttons()).isEmpty();
    }
}
