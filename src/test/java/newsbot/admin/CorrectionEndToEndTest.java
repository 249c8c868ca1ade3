package newsbot.admin;

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
        // Telegram refuses to edit one copy: counted, reported, not retried
        rig.telegram.makeUneditable(FIRST, copyIn(FIRST).messageId());
        rig.presses(ADMIN, ADMIN, info.messageId(), "bc:cr:1:confirm");
        for (int i = 0; i < 40 && rig.count("SELECT COUNT(*) FROM corrections WHERE state = 'DONE'") == 0; i++) {
            rig.run(10);
        }
        rig.run(2);
        assertThat(rig.now(copyIn(FIRST)).text()).isEqualTo(ORIGINAL);
        assertThat(rig.count("SELECT attempts FROM deliveries WHERE kind = 'CORRECTION' AND state = 'FAILED' "
                + "AND chat_id = " + FIRST)).as("tried once").isEqualTo(1);

        List<Long> edited = new ArrayList<>();
        List<Long> sentCorrected = new ArrayList<>();
        for (long chat = FIRST + 1; chat < FIRST + 1000; chat++) {
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
        assertThat(sentCorrected.size() + edited.size()).isEqualTo(999);
        assertThat(sentCorrected).hasSizeGreaterThanOrEqualTo(queued);
        FakeMessage report = rig.telegram.current(ADMIN, info.messageId()).orElseThrow();
        assertThat(report.plainText()).contains("Исправление #1 рассылки #1 завершено",
                "Исправлено: " + editedRows + " · Telegram отказал: 1 (из " + (editedRows + 1) + ")",
                "Ожидавших копий исправлено до отправки: " + queued);
        assertThat(report.buttons()).isEmpty();
    }

    @Test
    void aCorrectionDuringARunningBroadcastAlsoCorrectsTheCopyOnTheWireAndTheBatchesToCome() throws Exception {
        rig = new CorrectionRig(dir, 10);
        int progress = broadcastTo(300);
        rig.tick();
        while (sent("BROADCAST") < 15) {
            rig.step(5);
        }
        FakeMessage info = correct(progress);
        // Confirm is pressed while a copy with the old text is on the wire: its answer is recorded only after
        java.util.concurrent.CompletableFuture<String>[] press = new java.util.concurrent.CompletableFuture[1];
        long[] onTheWire = new long[1];
        rig.beforeCall(call -> {
            boolean match = call instanceof newsbot.telegram.OutgoingMessage m && m.chatId() >= FIRST
                    && m.html().equals(ORIGINAL);
            if (match) {
                onTheWire[0] = call.chatId();
            }
            return match;
        }, () -> {
            press[0] = java.util.concurrent.CompletableFuture.supplyAsync(() -> rig.admin.broadcasts()
                    .press(ADMIN, ADMIN, info.messageId(), "bc:cr:1:confirm", "ru"));
            while (rig.count("SELECT COUNT(*) FROM corrections WHERE state = 'RUNNING'") == 0) {
                Thread.onSpinWait();
            }
        });
        for (int i = 0; i < 40 && rig.count("SELECT COUNT(*) FROM corrections WHERE state = 'DONE'") == 0; i++) {
            rig.run(10);
        }
        assertThat(press[0].get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("#1: началось.");
        assertThat(rig.world.state(1)).isEqualTo("DONE");

        FakeMessage wire = copyIn(onTheWire[0]);
        assertThat(wire.text()).as("sent with the old text while the correction started").isEqualTo(ORIGINAL);
        assertThat(rig.now(wire).text()).isEqualTo(CORRECTED);
        int before = 0;
        for (long chat = FIRST; chat < FIRST + 300; chat++) {
            FakeMessage copy = copyIn(chat);
            assertThat(rig.now(copy).text()).as("chat %d", chat).isEqualTo(CORRECTED);
            assertThat(rig.now(copy).edits()).as("chat %d", chat).isEqualTo(copy.text().equals(ORIGINAL) ? 1 : 0);
            before += copy.text().equals(ORIGINAL) ? 1 : 0;
        }
        assertThat(before).isBetween(15, 250);
        // readers in batches enqueued after the correction got the corrected text from the broadcast itself
        assertThat(copyIn(FIRST + 299).text()).isEqualTo(CORRECTED);
        assertThat(rig.telegram.current(ADMIN, info.messageId()).orElseThrow().plainText())
                .contains("Исправление #1 рассылки #1 завершено", "Telegram отказал: 0");
    }

    @Test
    void aRestartMidCorrectionGoesOnWhereItStoppedAndEditsNothingTwice() {
        rig = new CorrectionRig(dir, 10);
        broadcastTo(200);
        rig.run(30);
        assertThat(rig.world.state(1)).isEqualTo("DONE");
        // the corrected version composed as a message of its own, then /correct #1 in reply to it
        int composed = rig.says(FakeUserMessage.of(ADMIN, ADMIN, "Курс вырос на 0,5%")
                .withEntities(List.of(FakeEntity.of("bold", 14, 4))));
        rig.says(FakeUserMessage.of(ADMIN, ADMIN, "/correct #1").replyingTo(composed));
        FakeMessage info = rig.lastTo(ADMIN, 0);
        assertThat(info.plainText()).contains("Доставленных копий исправить: 201", "до отправки: 0");
        rig.presses(ADMIN, ADMIN, info.messageId(), "bc:cr:1:confirm");
        rig.tick();
        rig.step(120);
        int editedBefore = rig.count("SELECT COUNT(*) FROM deliveries WHERE kind = 'CORRECTION' AND state = 'SENT'");
        assertThat(editedBefore).isBetween(20, 150);
        assertThat(rig.count("SELECT enqueued_all FROM corrections WHERE id = 1")).as("mid-enumeration").isZero();

        rig.restart();
        for (int i = 0; i < 20 && rig.count("SELECT COUNT(*) FROM corrections WHERE reported = 1") == 0; i++) {
            rig.run(10);
        }
        for (long chat = FIRST; chat < FIRST + 200; chat++) {
            FakeMessage shown = rig.now(copyIn(chat));
            assertThat(shown.text()).as("chat %d", chat).isEqualTo(CORRECTED);
            assertThat(shown.edits()).as("chat %d", chat).isEqualTo(1);
        }
        assertThat(rig.telegram.current(ADMIN, info.messageId()).orElseThrow().plainText())
                .contains("Исправление #1 рассылки #1 завершено", "Исправлено: 201 · Telegram отказал: 0 (из 201)");
    }

    @Test
    void aNonEditorsCorrectIsRefusedInPrivateAndInAGroup() {
        rig = new CorrectionRig(dir, 1000);
        broadcastTo(3);
        rig.run(3);
        long reader = FIRST;
        rig.says(reader, "/correct #1 Взломано");
        assertThat(rig.lastTo(reader, 0).plainText()).startsWith("Я не знаю команды");
        rig.says(reader, "/retract #1");
        assertThat(rig.lastTo(reader, 0).plainText()).startsWith("Я не знаю команды");
        long group = -5001;
        rig.says(FakeUserMessage.of(group, reader, "/correct #1 Взломано").withChatType("group"));
        assertThat(rig.lastTo(group, 0).plainText()).startsWith("Я не знаю команды");
        // nor does a press on a correction's button do anything for them
        rig.presses(reader, reader, 1, "bc:cr:1:confirm");
        rig.run(2);
        assertThat(rig.count("SELECT COUNT(*) FROM corrections")).isZero();
        assertThat(rig.count("SELECT COUNT(*) FROM deliveries WHERE kind = 'CORRECTION'")).isZero();
        for (long chat = FIRST; chat < FIRST + 3; chat++) {
            assertThat(rig.now(copyIn(chat)).edits()).isZero();
        }
    }

    @Test
    void aRetractionDeletesYoungCopiesEditsOldOnesToTheNoteAndFollowsWithTheNotice() {
        rig = new CorrectionRig(dir, 1000);
        rig.world.readers(FIRST, FIRST + 199, SubscriberStatus.ACTIVE, "ru", "sport");
        rig.says(ADMIN, "/start");
        rig.says(ADMIN, "/broadcast cat=sport " + ORIGINAL + " | Подробнее = https://example.org/rates");
        int progress = rig.lastTo(ADMIN, 0).messageId();
        rig.presses(ADMIN, ADMIN, progress, "bc:1:send");
        while (sent("BROADCAST") < 8) {
            rig.step(3);
        }
        rig.presses(ADMIN, ADMIN, progress, "bc:1:pause");
        long pausedAt = rig.world.time.nanoTime();
        // two days later the rest goes out: the first copies are now too old for Telegram to delete
        rig.world.time.advance(java.time.Duration.ofHours(49));
        rig.presses(ADMIN, ADMIN, progress, "bc:1:resume");
        rig.run(5);
        assertThat(rig.world.state(1)).isEqualTo("DONE");
        List<Long> old = new ArrayList<>();
        List<Long> young = new ArrayList<>();
        for (long chat = FIRST; chat < FIRST + 200; chat++) {
            (copyIn(chat).sentAtNanos() < pausedAt ? old : young).add(chat);
        }
        assertThat(old).hasSizeGreaterThanOrEqualTo(8);
        assertThat(young).isNotEmpty();
        // one young copy Telegram counts as older than the bot does: its delete is refused, it gets the note
        long refusedDelete = young.get(0);
        rig.telegram.ageMessage(refusedDelete, copyIn(refusedDelete).messageId(), java.time.Duration.ofHours(48));

        rig.says(FakeUserMessage.of(ADMIN, ADMIN, "/retract Ошибка в цифрах: исправленная версия выйдет позже")
                .replyingTo(progress));
        FakeMessage info = rig.lastTo(ADMIN, 0);
        assertThat(rig.lastTo(ADMIN, 1).text()).isEqualTo("Ошибка в цифрах: исправленная версия выйдет позже");
        assertThat(info.plainText()).contains("Отзыв #1 рассылки #1", "Доставленных копий удалить: " + young.size(),
                "вместо удаления заменить пометкой «отозвано»: " + old.size(), "Ожидающих копий отменить: 0",
                "Пояснение выше получат читатели");
        assertThat(info.buttons()).extracting(FakeButton::text).containsExactly("🗑 Отозвать везде", "✖️ Отменить");
        int deletesBefore = rig.telegram.requestCount("deleteMessage");
        rig.presses(ADMIN, ADMIN, info.messageId(), "bc:cr:1:confirm");
        for (int i = 0; i < 10 && rig.count("SELECT COUNT(*) FROM corrections WHERE reported = 1") == 0; i++) {
            rig.run(5);
        }

        String note = "Это сообщение отозвано редакцией.";
        for (long chat : old) {
            FakeMessage shown = rig.now(copyIn(chat));
            assertThat(shown.plainText()).as("chat %d", chat).isEqualTo(note);
            assertThat(shown.buttons()).as("chat %d", chat).isEmpty();
        }
        for (long chat : young) {
            if (chat == refusedDelete) {
                assertThat(rig.now(copyIn(chat)).plainText()).isEqualTo(note);
            } else {
                assertThat(rig.telegram.isDeleted(chat, copyIn(chat).messageId())).as("chat %d", chat).isTrue();
            }
        }
        assertThat(rig.telegram.requestCount("deleteMessage") - deletesBefore)
                .as("old copies are edited without trying a delete first").isEqualTo(young.size());
        for (long chat = FIRST; chat < FIRST + 200; chat++) {
            List<FakeMessage> all = rig.telegram.messagesTo(chat);
            assertThat(all).as("chat %d", chat).hasSize(2);
            assertThat(all.get(1).plainText()).isEqualTo("Ошибка в цифрах: исправленная версия выйдет позже");
        }
        assertThat(rig.telegram.current(ADMIN, info.messageId()).orElseThrow().plainText()).contains(
                "Отзыв #1 рассылки #1 завершено", "Удалено: " + (young.size() - 1) + " · заменено пометкой "
                        + "«отозвано»: " + (old.size() + 1) + " · Telegram отказал: 0", "Пояснений отправлено: 200");

        // a second withdrawal, or a correction, of what was withdrawn is refused with a reason
        rig.says(FakeUserMessage.of(ADMIN, ADMIN, "/retract").replyingTo(progress));
        assertThat(rig.lastTo(ADMIN, 0).plainText()).isEqualTo(
                "Сообщение рассылки #1 уже отозвано: исправлять или отзывать больше нечего.");
        rig.says(ADMIN, "/correct #1 Новый текст");
        assertThat(rig.lastTo(ADMIN, 0).plainText()).startsWith("Сообщение рассылки #1 уже отозвано");
    }

    @Test
    void aPhotosCaptionAndABreakingAlertAreCorrectedAndAPollIsRefused() {
        rig = new CorrectionRig(dir, 1000);
        rig.world.readers(FIRST, FIRST + 4, SubscriberStatus.ACTIVE, "ru", "sport", "economy");
        rig.says(ADMIN, "/start");
        int photo = rig.says(FakeUserMessage.photo(ADMIN, ADMIN, "Старая подпись"));
        rig.says(FakeUserMessage.of(ADMIN, ADMIN, "/broadcast cat=sport").replyingTo(photo));
        int progress = rig.lastTo(ADMIN, 0).messageId();
        rig.presses(ADMIN, ADMIN, progress, "bc:1:send");
        rig.run(3);
        assertThat(rig.world.state(1)).isEqualTo("DONE");
        rig.says(FakeUserMessage.of(ADMIN, ADMIN, "/correct Новая подпись").replyingTo(progress));
        FakeMessage info = rig.lastTo(ADMIN, 0);
        assertThat(info.plainText()).contains("Доставленных копий исправить: 5");
        rig.presses(ADMIN, ADMIN, info.messageId(), "bc:cr:1:confirm");
        rig.run(3);
        for (long chat = FIRST; chat < FIRST + 5; chat++) {
            FakeMessage copy = rig.telegram.messagesTo(chat).get(0);
            assertThat(rig.now(copy).caption()).as("chat %d", chat).isEqualTo("Новая подпись");
            assertThat(rig.now(copy).edits()).isEqualTo(1);
        }
        assertThat(rig.telegram.requestCount("editMessageCaption")).isEqualTo(5);

        int poll = rig.says(FakeUserMessage.poll(ADMIN, ADMIN, "Кто выиграет?", "Мы", "Они"));
        rig.says(FakeUserMessage.of(ADMIN, ADMIN, "/broadcast cat=sport").replyingTo(poll));
        int pollProgress = rig.lastTo(ADMIN, 0).messageId();
        rig.presses(ADMIN, ADMIN, pollProgress, "bc:2:send");
        rig.run(3);
        rig.says(FakeUserMessage.of(ADMIN, ADMIN, "/correct Кто победит?").replyingTo(pollProgress));
        assertThat(rig.lastTo(ADMIN, 0).plainText()).startsWith("Это опрос (рассылки #2): Telegram не даёт "
                + "редактировать опросы.");

        long article = rig.world.article("main", "Курс вырос на 5%", "https://example.org/rate", "economy",
                rig.world.time.instant());
        rig.says(ADMIN, "/breaking " + article);
        rig.run(3);
        rig.says(ADMIN, "/correct https://example.org/rate ⚡ Курс вырос на 0,5%");
        FakeMessage alertInfo = rig.lastTo(ADMIN, 0);
        assertThat(alertInfo.plainText()).contains("Исправление #2 срочной новости о статье " + article,
                "Доставленных копий исправить: 5");
        rig.presses(ADMIN, ADMIN, alertInfo.messageId(), "bc:cr:2:confirm");
        rig.run(3);
        for (long chat = FIRST; chat < FIRST + 5; chat++) {
            List<FakeMessage> all = rig.telegram.messagesTo(chat);
            assertThat(rig.now(all.get(all.size() - 1)).plainText()).isEqualTo("⚡ Курс вырос на 0,5%");
        }
        // issue 22, finding 12: a reader who joins later and gets the alert from a second /breaking gets it corrected
        rig.world.readers(FIRST + 50, FIRST + 50, SubscriberStatus.ACTIVE, "ru", "economy");
        rig.says(ADMIN, "/breaking " + article);
        rig.run(3);
        assertThat(rig.telegram.messagesTo(FIRST + 50)).extracting(FakeMessage::plainText)
                .containsExactly("⚡ Курс вырос на 0,5%");
        rig.world.time.advance(java.time.Duration.ofMinutes(2));
        rig.says(ADMIN, "/broadcasts");
        assertThat(rig.lastTo(ADMIN, 0).plainText()).contains("Последние исправления и отзывы",
                "Исправление #2 срочной новости о статье " + article + " · завершено\nИсправлено: 5 · Telegram "
                        + "отказал: 0 (из 5)", "Исправление #1 рассылки #1 · завершено");
        rig.says(ADMIN, "/stats");
        assertThat(rig.telegram.messagesTo(ADMIN).stream().map(FakeMessage::plainText)
                .filter(t -> t.startsWith("📊")).reduce((a, b) -> b).orElseThrow())
                .contains("Исправления за 30 дней: 2 · отзывы: 0 · копий исправлено 10 · удалено 0 · Telegram "
                        + "отказал 0", "исправления: отправлено 10");
    }

    @Test
    void badRequestsGetHelpfulAnswers() {
        rig = new CorrectionRig(dir, 1000);
        int progress = broadcastTo(3);
        rig.run(3);
        rig.says(ADMIN, "/correct");
        assertThat(rig.lastTo(ADMIN, 0).plainText()).startsWith("Как пользоваться: ответьте /correct");
        rig.says(ADMIN, "/retract");
        assertThat(rig.lastTo(ADMIN, 0).plainText()).startsWith("Как пользоваться: ответьте /retract");
        rig.says(ADMIN, "/correct #99 Текст");
        assertThat(rig.lastTo(ADMIN, 0).plainText()).startsWith("Не нашёл рассылку или статью «#99»");
        rig.says(ADMIN, "/correct 424242 Текст");
        assertThat(rig.lastTo(ADMIN, 0).plainText()).startsWith("Не нашёл рассылку или статью «424242»");
        rig.says(FakeUserMessage.of(ADMIN, ADMIN, "/correct " + "я".repeat(4100)).replyingTo(progress));
        assertThat(rig.lastTo(ADMIN, 0).plainText()).isEqualTo("Текст слишком длинный: 4100 символов, можно не "
                + "больше 4096.");
        rig.says(FakeUserMessage.of(ADMIN, ADMIN, "/retract первая строка\nвторая").replyingTo(progress));
        assertThat(rig.lastTo(ADMIN, 0).plainText()).startsWith("Пояснение должно быть одной строкой");
        rig.says(ADMIN, "/broadcast Черновик");
        rig.says(ADMIN, "/correct #2 Текст");
        assertThat(rig.lastTo(ADMIN, 0).plainText()).startsWith("Рассылка ещё не отправлена (рассылки #2)");
        rig.world.time.advance(java.time.Duration.ofMinutes(2)); // past the flood guard
        long article = rig.world.article("main", "Тишина", "https://example.org/quiet", "economy",
                rig.world.time.instant());
        rig.says(ADMIN, "/correct " + article + " Текст");
        assertThat(rig.lastTo(ADMIN, 0).plainText()).startsWith("У срочной новости о статье " + article
                + " нет доставленных или ожидающих копий");

        // a second correction while the first is paused
        rig.world.time.advance(java.time.Duration.ofMinutes(2));
        rig.says(FakeUserMessage.of(ADMIN, ADMIN, "/correct Первое исправление").replyingTo(progress));
        int first = rig.lastTo(ADMIN, 0).messageId();
        rig.presses(ADMIN, ADMIN, first, "bc:cr:1:confirm");
        rig.presses(ADMIN, ADMIN, first, "bc:cr:1:pause");
        rig.says(FakeUserMessage.of(ADMIN, ADMIN, "/correct Второе исправление").replyingTo(progress));
        assertThat(rig.lastTo(ADMIN, 0).plainText()).isEqualTo("Исправление рассылки #1 уже идёт (#1): дождитесь "
                + "его отчёта или сначала отмените его.");
        rig.presses(ADMIN, ADMIN, first, "bc:cr:1:resume");
        rig.run(3);
        assertThat(rig.now(copyIn(FIRST)).text()).isEqualTo("Первое исправление");
    }
}
