package newsbot.chat;

import static newsbot.admin.AdminWorld.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import newsbot.store.SubscriberStatus;
import newsbot.telegram.FakeButton;
import newsbot.telegram.FakeMessage;
import newsbot.telegram.FakeUserMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Editors broadcast anything they compose in the bot's chat: copies of photos and albums with their captions, a
 * link button, pins with Telegram's permission errors, and the refusals Telegram's rules call for, end to end
 * against FakeBotApi.
 */
class AnyMessageBroadcastTest {

    private static final List<Long> READERS = List.of(11L, 12L, 13L);
    private static final long GROUP = -500;

    @TempDir
    Path dir;
    private AdminRig rig;

    @BeforeEach
    void setUp() {
        rig = new AdminRig(dir);
        for (long user : READERS) {
            rig.says(user, "/start");
        }
        rig.says(ADMIN, "/start");
    }

    @AfterEach
    void tearDown() {
        rig.close();
    }

    private FakeMessage lastTo(long chat) {
        List<FakeMessage> all = rig.telegram.messagesTo(chat);
        return all.get(all.size() - 1);
    }

    private List<FakeMessage> copiesTo(long chat) {
        return rig.telegram.messagesTo(chat).stream().filter(FakeMessage::isCopy).toList();
    }

    @Test
    void aPhotoWithItsCaptionAndALinkButtonReachesEveryReaderAsComposed() {
        int photo = rig.says(FakeUserMessage.photo(ADMIN, ADMIN, "Матч сегодня в 19:00"));
        assertThat(lastTo(ADMIN).plainText()).contains("/broadcast"); // the hint how to send it
        rig.says(FakeUserMessage.of(ADMIN, ADMIN, "/broadcast | Подробнее = https://example.org/match")
                .replyingTo(photo));

        List<FakeMessage> admin = rig.telegram.messagesTo(ADMIN);
        FakeMessage preview = admin.get(admin.size() - 2);
        FakeMessage control = admin.get(admin.size() - 1);
        assertThat(preview.isCopy()).isTrue();
        assertThat(preview.kind()).isEqualTo("photo");
        assertThat(preview.plainText()).isEqualTo("Матч сегодня в 19:00");
        assertThat(preview.buttons()).extracting(FakeButton::url).containsExactly("https://example.org/match");
        assertThat(control.plainText()).contains("Предпросмотр рассылки #1", "Кнопка: Подробнее");

        rig.presses(ADMIN, ADMIN, control.messageId(), "bc:1:test");
        assertThat(copiesTo(ADMIN)).hasSize(2); // the preview and "send to me only", both copies with the button
        assertThat(copiesTo(ADMIN).get(1).buttons()).extracting(FakeButton::url)
                .containsExactly("https://example.org/match");
        rig.presses(ADMIN, ADMIN, control.messageId(), "bc:1:send");
        rig.run(3);

        for (long reader : READERS) {
            List<FakeMessage> copies = copiesTo(reader);
            assertThat(copies).as("chat %d", reader).hasSize(1);
            FakeMessage got = copies.get(0);
            assertThat(got.kind()).isEqualTo("photo");
            assertThat(got.plainText()).isEqualTo("Матч сегодня в 19:00");
            assertThat(got.copiedFrom()).isEqualTo(new FakeMessage.Ref(ADMIN, photo));
            assertThat(got.buttons()).extracting(FakeButton::text, FakeButton::url)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Подробнее", "https://example.org/match"));
        }
        assertThat(rig.telegram.current(ADMIN, control.messageId()).orElseThrow().plainText())
                .contains("Рассылка #1 завершена", "Доставлено: 4 из 4");
    }

    @Test
    void anAlbumStaysAnAlbumAndRefusesAButton() {
        List<Integer> album = rig.telegram.userSendsAlbum(ADMIN, ADMIN, "Фоторепортаж", 3);
        rig.pump();
        long hints = rig.telegram.messagesTo(ADMIN).stream().filter(m -> m.plainText().contains("Альбом получен"))
                .count();
        assertThat(hints).as("one hint per album, not per item").isEqualTo(1);

        rig.says(FakeUserMessage.of(ADMIN, ADMIN, "/broadcast | Ссылка = https://example.org").replyingTo(album.get(1)));
        assertThat(lastTo(ADMIN).plainText()).contains("Под альбомом Telegram не разрешает кнопки");

        rig.says(FakeUserMessage.of(ADMIN, ADMIN, "/broadcast").replyingTo(album.get(1)));
        FakeMessage control = lastTo(ADMIN);
        assertThat(control.plainText()).as(rig.telegram.messagesTo(ADMIN).toString()).contains("Предпросмотр рассылки #1");
        assertThat(control.buttons()).extracting(FakeButton::callbackData).doesNotContain("bc:1:fast");
        rig.presses(ADMIN, ADMIN, control.messageId(), "bc:1:send");
        rig.run(3);

        for (long reader : READERS) {
            List<FakeMessage> copies = copiesTo(reader);
            assertThat(copies).as("chat %d", reader).hasSize(3);
            assertThat(copies).extracting(m -> m.copiedFrom().messageId()).containsExactlyElementsOf(album);
            assertThat(copies.stream().map(FakeMessage::mediaGroupId).distinct()).hasSize(1).doesNotContainNull();
            assertThat(copies.get(0).plainText()).isEqualTo("Фоторепортаж");
        }
        assertThat(rig.telegram.requests().stream().filter(c -> c.status() != 200).map(Object::toString).toList())
                .isEmpty();
        assertThat(rig.telegram.requestCount("copyMessages")).isEqualTo(READERS.size() + 2); // + preview, editor
    }

    @Test
    void whatTelegramWouldRefuseIsRefusedBeforeAnythingIsSent() {
        int longCaption = rig.says(FakeUserMessage.photo(ADMIN, ADMIN, "ж".repeat(1100)));
        rig.says(FakeUserMessage.of(ADMIN, ADMIN, "/broadcast").replyingTo(longCaption));
        assertThat(lastTo(ADMIN).plainText()).contains("Подпись длиной 1100 символов", "не больше 1024");

        int service = rig.says(FakeUserMessage.newMember(ADMIN, ADMIN));
        rig.says(FakeUserMessage.of(ADMIN, ADMIN, "/broadcast").replyingTo(service));
        assertThat(lastTo(ADMIN).plainText()).contains("Telegram не даёт ботам копировать");

        rig.says(FakeUserMessage.of(ADMIN, ADMIN, "/broadcast Текст | Кнопка = ftp://example.org"));
        assertThat(lastTo(ADMIN).plainText()).contains("не распознана");

        int drafts = rig.world.db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM broadcasts")
                .mapTo(Integer.class).one());
        assertThat(drafts).isZero();
        assertThat(rig.telegram.requestCount("copyMessage")).isZero();
    }

    @Test
    void aPinnedBroadcastIsPinnedWhereAllowedAndTheRefusalsAreCounted() {
        rig.world.reader(GROUP, SubscriberStatus.ACTIVE, "ru", "sport");
        rig.telegram.denyPinning(GROUP);
        rig.says(ADMIN, "/broadcast Итоги года");
        FakeMessage control = lastTo(ADMIN);
        rig.presses(ADMIN, ADMIN, control.messageId(), "bc:1:pin");
        assertThat(rig.telegram.current(ADMIN, control.messageId()).orElseThrow().buttons())
                .extracting(FakeButton::text).contains("📌 Закрепить: да");
        rig.presses(ADMIN, ADMIN, control.messageId(), "bc:1:send");
        rig.run(6);

        for (long reader : READERS) {
            FakeMessage got = rig.telegram.messagesTo(reader).stream()
                    .filter(m -> m.plainText().equals("Итоги года")).findFirst().orElseThrow();
            assertThat(rig.telegram.isPinned(reader, got.messageId())).as("chat %d", reader).isTrue();
        }
        assertThat(rig.telegram.pinnedIn(GROUP)).isEmpty();
        assertThat(rig.telegram.current(ADMIN, control.messageId()).orElseThrow().plainText())
                .contains("Рассылка #1 завершена", "Закреплено: 4 · не разрешено: 1");
    }

    @Test
    void aScheduledBroadcastWaitsForItsTimeAndCanBeCancelledFromTheList() {
        // 10:00 UTC is 16:00 in Bishkek; 17:30 there is an hour and a half away
        rig.says(ADMIN, "/broadcast at 17:30 all Вечерний эфир");
        FakeMessage control = lastTo(ADMIN);
        assertThat(control.plainText()).contains("Запланировано на", "17:30", "Asia/Bishkek");
        rig.says(ADMIN, "/broadcast at 18:00 all Второй");
        rig.says(ADMIN, "/broadcasts");
        FakeMessage list = lastTo(ADMIN);
        assertThat(list.plainText()).contains("Запланированные", "#1", "#2");
        assertThat(list.buttons()).extracting(FakeButton::callbackData).containsExactly("bc:1:cancel", "bc:2:cancel");
        rig.presses(ADMIN, ADMIN, list.messageId(), "bc:2:cancel");

        rig.world.time.advance(Duration.ofMinutes(80));
        rig.run(2);
        assertThat(rig.telegram.messagesTo(READERS.get(0))).noneMatch(m -> m.plainText().equals("Вечерний эфир"));
        rig.world.time.advance(Duration.ofMinutes(10));
        rig.run(3);
        for (long reader : READERS) {
            assertThat(rig.telegram.messagesTo(reader)).as("chat %d", reader)
                    .filteredOn(m -> m.plainText().equals("Вечерний эфир")).hasSize(1);
            assertThat(rig.telegram.messagesTo(reader)).noneMatch(m -> m.plainText().equals("Второй"));
        }
        assertThat(rig.telegram.current(ADMIN, control.messageId()).orElseThrow().plainText())
                .contains("Рассылка #1 завершена").doesNotContain("опозданием");
    }

    @Test
    void aTimeGivenInReplyToTheScheduleButtonSchedulesTheDraft() {
        rig.says(ADMIN, "/broadcast Анонс");
        FakeMessage control = lastTo(ADMIN);
        rig.presses(ADMIN, ADMIN, control.messageId(), "bc:1:schedule");
        assertThat(rig.telegram.current(ADMIN, control.messageId()).orElseThrow().buttons())
                .extracting(FakeButton::text).contains("Через час", "↩️ Назад");
        rig.says(FakeUserMessage.of(ADMIN, ADMIN, "вчера").replyingTo(control.messageId()));
        assertThat(lastTo(ADMIN).plainText()).contains("Укажите время");
        rig.says(FakeUserMessage.of(ADMIN, ADMIN, "25.12 09:00").replyingTo(control.messageId()));
        assertThat(lastTo(ADMIN).plainText()).isEqualTo("Рассылка #1 запланирована.");
        rig.world.step(rig.dispatcher, 20);
        assertThat(rig.telegram.current(ADMIN, control.messageId()).orElseThrow().plainText())
                .contains("Запланировано на 25.12.2026 09:00");
    }

    @Test
    void aScheduledBroadcastMissedWhileTheBotWasDownGoesOutOnceAfterTheRestartAndSaysHowLate() {
        rig.says(ADMIN, "/broadcast at 17:30 all После перезапуска");
        rig.close();
        // the bot is down past 17:30 local (16:00 now); it comes back at 18:00 on the same database
        rig = new AdminRig(dir);
        rig.world.time.advance(Duration.ofHours(2));
        rig.run(3);
        rig.close();
        rig = new AdminRig(dir); // a second restart must not send it again
        rig.world.time.advance(Duration.ofHours(2));
        rig.run(3);

        int sent = rig.world.db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM deliveries WHERE kind = "
                + "'BROADCAST' AND ref_id = 1 AND state = 'SENT'").mapTo(Integer.class).one());
        assertThat(sent).isEqualTo(READERS.size() + 1);
        long lateMinutes = rig.world.db.withHandle(h -> h.createQuery("SELECT (started_at - scheduled_at) / 60000 "
                + "FROM broadcasts WHERE id = 1 AND state = 'DONE'").mapTo(Long.class).one());
        assertThat(lateMinutes).isEqualTo(30);
        assertThat(rig.telegram.sentMessages()).noneMatch(m -> m.plainText().equals("После перезапуска"));
    }

    @Test
    void theReportOfALateStartSaysSo() {
        rig.says(ADMIN, "/broadcast at 17:30 all Поздно");
        FakeMessage control = lastTo(ADMIN);
        rig.world.time.advance(Duration.ofHours(2)); // the monitor did not run meanwhile: the bot was stopped
        rig.run(3);
        assertThat(rig.telegram.current(ADMIN, control.messageId()).orElseThrow().plainText())
                .contains("Рассылка #1 завершена", "Начата с опозданием на 30 мин");
    }

    @Test
    void deletingTheOriginalMidBroadcastStopsItWithAClearNoteInsteadOfFailingReaderByReader() {
        rig.world.readers(100, 159, SubscriberStatus.ACTIVE, "ru", "sport");
        int photo = rig.says(FakeUserMessage.photo(ADMIN, ADMIN, "Фото дня"));
        rig.says(FakeUserMessage.of(ADMIN, ADMIN, "/broadcast").replyingTo(photo));
        FakeMessage control = lastTo(ADMIN);
        rig.presses(ADMIN, ADMIN, control.messageId(), "bc:1:send");
        rig.world.step(rig.dispatcher, 20);
        rig.gateway.deleteMessage(ADMIN, photo); // the editor deletes the original
        rig.run(8);

        int failed = rig.world.db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM deliveries WHERE kind = "
                + "'BROADCAST' AND state = 'FAILED'").mapTo(Integer.class).one());
        assertThat(failed).as("at most the copies in flight fail, not every reader").isLessThanOrEqualTo(2);
        assertThat(rig.telegram.messagesTo(ADMIN)).anyMatch(m -> m.plainText().contains("Рассылка #1 остановлена"));
        assertThat(rig.telegram.current(ADMIN, control.messageId()).orElseThrow().plainText())
                .contains("Рассылка #1 отменена");
    }
}
