package newsbot.digest;

import newsbot.testing.World;


import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import newsbot.store.Subscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestSchedulerTest {

    @TempDir
    Path dir;

    private static void reader(World w, long chat, String zone, String times, String... categories) {
        w.say(chat, "/timezone " + zone);
        w.say(chat, "/schedule " + times);
        for (String c : categories) {
            w.say(chat, "/subscribe " + c);
        }
        // These tests are about ordinary digests; FirstDigestTest covers the first one.
        w.hadFirstDigest(chat);
    }

    private static int digestsOf(World w, long chat) {
        return (int) w.digests(chat).stream().filter(r -> r.part() == 0).count();
    }

    @Test
    void digestGoesOutAtEachReadersLocalTimeAcrossZonesAndDst() {
        World w = new World(dir);
        reader(w, 1, "Asia/Bishkek", "08:00", "economy");      // UTC+6
        reader(w, 2, "Europe/Moscow", "08:00", "economy");     // UTC+3
        reader(w, 3, "America/New_York", "08:00", "economy");  // UTC-5, UTC-4 from 2026-03-08
        w.clock.advance(Duration.ofMinutes(1));
        w.article("Курс сома укрепился", "economy");

        w.at("2026-03-07T01:59:00Z");
        assertThat(w.scheduler.tick().due()).isZero();
        w.at("2026-03-07T02:00:00Z");
        assertThat(w.scheduler.tick()).isEqualTo(new DigestScheduler.TickResult(1, 1));
        assertThat(digestsOf(w, 1)).isEqualTo(1);
        w.at("2026-03-07T05:00:00Z");
        w.scheduler.tick();
        assertThat(digestsOf(w, 2)).isEqualTo(1);
        w.at("2026-03-07T12:59:00Z");
        w.scheduler.tick();
        assertThat(digestsOf(w, 3)).isZero();
        w.at("2026-03-07T13:00:00Z");                          // 08:00 EST
        w.scheduler.tick();
        assertThat(digestsOf(w, 3)).isEqualTo(1);

        // After the spring-forward night, 08:00 in New York is an hour earlier in UTC.
        w.at("2026-03-08T10:00:00Z");
        w.article("Бюджет утверждён", "economy");
        w.at("2026-03-08T11:59:00Z");
        w.scheduler.tick();
        assertThat(digestsOf(w, 3)).isEqualTo(1);
        w.at("2026-03-08T12:00:00Z");                          // 08:00 EDT
        w.scheduler.tick();
        assertThat(digestsOf(w, 3)).isEqualTo(2);
        assertThat(w.digests(3).get(1).text()).contains("Бюджет утверждён").doesNotContain("Курс сома");
    }

    @Test
    void quietHoursAcrossMidnightHoldTheDigestUntilTheyEnd() {
        World w = new World(dir);
        reader(w, 10, "Asia/Bishkek", "23:30", "economy");
        w.say(10, "/quiet 23:00-07:00");
        w.article("Ночные торги", "economy");

        for (String at : List.of("2026-03-07T17:30:00Z", "2026-03-07T21:00:00Z", "2026-03-08T00:59:00Z")) {
            w.at(at);                                          // 23:30, 03:00, 06:59 in Bishkek
            assertThat(w.scheduler.tick().due()).as(at).isZero();
        }
        w.at("2026-03-08T01:00:00Z");                          // 07:00: the quiet hours end
        assertThat(w.scheduler.tick().sent()).isEqualTo(1);
        w.at("2026-03-08T01:01:00Z");
        assertThat(w.scheduler.tick().due()).isZero();
        assertThat(w.digests(10)).hasSize(1);
        assertThat(w.digests(10).get(0).silent()).isFalse();
    }

    /** /digest and the scheduled tick follow one "unseen by this reader" rule. */
    @Test
    void anAskedForDigestLeavesOutWhatWasPushedAsBreakingAsTheScheduledOneDoes() {
        World w = new World(dir);
        reader(w, 21, "Asia/Bishkek", "08:00", "economy", "sport");
        w.article("Рост ВВП", "economy");
        long s1 = w.article("Финал кубка", "sport");
        w.article("Курс доллара", "economy");
        w.pushBreaking(21, s1);
        w.say(21, "/digest");
        List<World.Row> rows = w.digests(21);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).text()).contains("Рост ВВП", "Курс доллара").doesNotContain("Финал кубка");
    }

    @Test
    void digestHoldsOnlySubscribedCategoriesAndNothingPushedAsBreaking() {
        World w = new World(dir);
        reader(w, 20, "Asia/Bishkek", "08:00", "economy", "sport");
        long e1 = w.article("Рост ВВП", "economy");
        w.article("Выборы в парламент", "politics");
        long s1 = w.article("Финал кубка", "sport");
        long e2 = w.article("Курс доллара", "economy");
        w.article("Бюджет и парламент", "politics", "economy");
        long last = w.article("Спонсоры клубов", "sport", "economy");
        w.pushBreaking(20, s1);
        w.pushBreaking(99, e2);                                // someone else's alert does not count

        w.at("2026-03-07T02:00:00Z");
        w.scheduler.tick();

        List<World.Row> rows = w.digests(20);
        assertThat(rows).hasSize(1);
        World.Row digest = rows.get(0);
        assertThat(digest.text())
                .startsWith("<b>📰 Ваш дайджест</b>")
                .contains("<b>Экономика</b>", "Рост ВВП", "Курс доллара", "Бюджет и парламент", "Спонсоры клубов")
                .doesNotContain("Выборы", "Финал кубка", "Политика", "<b>Спорт</b>");
        // An article in two of the reader's categories shows once.
        assertThat(digest.text().split("Спонсоры клубов", -1)).hasSize(2);
        assertThat(digest.linkPreview()).isFalse();
        assertThat(digest.refId()).isEqualTo(last);
        Subscriber after = w.reader(20);
        assertThat(after.digestCursor()).isEqualTo(last);
        assertThat(after.lastDigestAt()).isEqualTo(Instant.parse("2026-03-07T02:00:00Z"));
        assertThat(e1).isLessThan(last);
    }

    @Test
    void rerunningTheTickOrRestartingSendsNothingTwice() {
        World w = new World(dir);
        reader(w, 30, "Asia/Bishkek", "08:00", "economy");
        w.article("Новость", "economy");
        w.at("2026-03-07T02:00:00Z");
        assertThat(w.scheduler.tick().sent()).isEqualTo(1);
        assertThat(w.scheduler.tick().due()).isZero();
        assertThat(w.newScheduler(500).tick().due()).isZero();
        w.at("2026-03-07T02:01:00Z");
        assertThat(w.newScheduler(500).tick().due()).isZero();
        assertThat(w.digests(30)).hasSize(1);
    }

    @Test
    void botDownOverSeveralDigestTimesSendsOneDigestAfterwards() {
        World w = new World(dir);
        reader(w, 40, "Asia/Bishkek", "08:00,13:00,19:00", "economy");
        w.article("Утренняя новость", "economy");
        w.article("Дневная новость", "economy");
        w.at("2026-03-07T14:00:00Z");                          // 20:00 in Bishkek: three slots missed
        assertThat(w.scheduler.tick().sent()).isEqualTo(1);
        for (int minute = 1; minute <= 5; minute++) {
            w.clock.advance(Duration.ofMinutes(1));
            assertThat(w.scheduler.tick().due()).isZero();
        }
        assertThat(w.digests(40)).hasSize(1);
        assertThat(w.digests(40).get(0).text()).contains("Утренняя новость", "Дневная новость");
    }

    @Test
    void nothingNewSendsNothingButTheSlotCountsAsDone() {
        World w = new World(dir);
        reader(w, 50, "Asia/Bishkek", "08:00", "economy");
        w.article("Только политика", "politics");
        long cursor = w.reader(50).digestCursor();
        w.at("2026-03-07T02:00:00Z");
        assertThat(w.scheduler.tick()).isEqualTo(new DigestScheduler.TickResult(1, 0));
        assertThat(w.digests(50)).isEmpty();
        assertThat(w.reader(50).lastDigestAt()).isEqualTo(w.clock.instant());
        assertThat(w.reader(50).digestCursor()).isEqualTo(cursor);
        w.at("2026-03-07T02:01:00Z");
        assertThat(w.scheduler.tick().due()).isZero();
    }

    @Test
    void digestOnRequestCountsAsDeliveredForTheNextScheduledOne() {
        World w = new World(dir);
        reader(w, 60, "Asia/Bishkek", "08:00", "economy");
        w.article("Первая", "economy");
        w.say(60, "/digest");
        assertThat(w.digests(60)).hasSize(1);
        assertThat(w.digests(60).get(0).text()).contains("Первая");
        w.say(60, "/digest");
        assertThat(w.replier.last().html()).contains("Нового с вашего прошлого дайджеста нет");
        assertThat(w.digests(60)).hasSize(1);

        w.at("2026-03-07T01:00:00Z");
        w.article("Вторая", "economy");
        w.at("2026-03-07T02:00:00Z");
        w.scheduler.tick();
        assertThat(w.digests(60)).hasSize(2);
        assertThat(w.digests(60).get(1).text()).contains("Вторая").doesNotContain("Первая");
    }

    @Test
    void capsEachCategoryWithAndMore() {
        World w = new World(dir);
        reader(w, 70, "Asia/Bishkek", "08:00", "economy");
        for (int i = 1; i <= 7; i++) {
            w.article("Новость номер " + i, w.clock.instant().plusSeconds(i * 60L), "economy");
        }
        w.at("2026-03-07T02:00:00Z");
        w.scheduler.tick();
        String text = w.digestText(70);
        assertThat(text).contains("Новость номер 7", "Новость номер 3", "и ещё 2 — /latest economy")
                .doesNotContain("Новость номер 2<", "Новость номер 1<");
        assertThat(text.indexOf("номер 7")).isLessThan(text.indexOf("номер 6"));
    }

    /** Issue 22, finding 12: nobody in a channel can send /latest, so its digest's "and N more" names no command. */
    @Test
    void aChannelsDigestEndsACappedCategoryWithoutACommand() {
        World w = new World(dir);
        reader(w, -1001234, "Asia/Bishkek", "08:00", "economy");
        w.db.useTransaction(h -> h.execute("UPDATE subscribers SET chat_type = 'channel' WHERE chat_id = -1001234"));
        for (int i = 1; i <= 7; i++) {
            w.article("Новость номер " + i, w.clock.instant().plusSeconds(i * 60L), "economy");
        }
        w.at("2026-03-07T02:00:00Z");
        w.scheduler.tick();
        assertThat(w.digestText(-1001234)).contains("Новость номер 7", "и ещё 2 в этом разделе на сайте")
                .doesNotContain("/latest");
    }

    @Test
    void longDigestIsSplitIntoPartsAtSectionsAndLines() {
        World w = new World(dir, 50, 500);
        reader(w, 80, "Asia/Bishkek", "08:00", "politics", "economy", "sport");
        String filler = " — подробный заголовок".repeat(7);
        w.db.useTransaction(h -> {
            for (int i = 0; i < 40; i++) {
                for (String c : List.of("politics", "economy", "sport")) {
                    w.article(h, c + " " + i + filler, w.clock.instant(), c);
                }
            }
        });
        w.at("2026-03-07T02:00:00Z");
        w.scheduler.tick();
        List<World.Row> parts = w.digests(80);
        assertThat(parts).hasSizeGreaterThan(2);
        for (int i = 0; i < parts.size(); i++) {
            World.Row part = parts.get(i);
            assertThat(part.part()).isEqualTo(i);
            assertThat(part.refId()).isEqualTo(parts.get(0).refId());
            assertThat(part.text().length()).isLessThanOrEqualTo(4096);
            // Each later part starts with a category heading: cut where the composer cut, not mid-section.
            assertThat(part.text()).startsWith("<b>");
        }
        assertThat(w.digestText(80).split("\u2022 ", -1)).hasSize(121);
    }

    @Test
    void readersAreServedInBatchesAndInTheirLanguage() {
        World w = new World(dir, 5, 2);
        for (long chat = 100; chat < 105; chat++) {
            if (chat % 2 == 0) {
                w.say(chat, "en", "/start");
            }
            reader(w, chat, "Asia/Bishkek", "08:00", "world");
        }
        w.say(105, "/subscribe world");                        // default times 08:00,19:00 Bishkek
        w.hadFirstDigest(105);
        w.article("Саммит", "world");
        w.at("2026-03-07T02:00:00Z");
        assertThat(w.scheduler.tick()).isEqualTo(new DigestScheduler.TickResult(6, 6));
        assertThat(w.digests(100).get(0).text()).startsWith("<b>📰 Your digest</b>").contains("<b>World</b>");
        assertThat(w.digests(101).get(0).text()).startsWith("<b>📰 Ваш дайджест</b>").contains("<b>В мире</b>");
    }

    @Test
    void pausedReadersAndReadersWithDigestsOffGetNothing() {
        World w = new World(dir);
        reader(w, 110, "Asia/Bishkek", "08:00", "economy");
        reader(w, 111, "Asia/Bishkek", "off", "economy");
        w.say(110, "/pause");
        w.article("Новость", "economy");
        w.at("2026-03-07T02:00:00Z");
        assertThat(w.scheduler.tick().due()).isZero();
        assertThat(w.digests(110)).isEmpty();
        assertThat(w.digests(111)).isEmpty();
    }

    @Test
    void theScheduleStartsOnTheNextWholeMinuteAndAFailedTickDoesNotEscape() throws Exception {
        World w = new World(dir);
        w.at("2026-03-07T02:00:42.500Z");
        assertThat(w.scheduler.delayToNextMinute()).isEqualTo(Duration.ofMillis(17_500));
        w.at("2026-03-07T02:01:00Z");
        assertThat(w.scheduler.delayToNextMinute()).isEqualTo(Duration.ofMinutes(1));

        reader(w, 120, "Asia/Bishkek", "08:00", "economy");
        w.article("Новость", "economy");
        w.db.useTransaction(h -> {
            h.execute("DROP TABLE delivery_album_messages");
            h.execute("DROP TABLE deliveries");
        });  // the outbox is gone: every enqueue fails
        w.at("2026-03-07T02:05:00Z");
        w.scheduler.task().run();
        assertThat(w.reader(120).lastDigestAt()).isBefore(w.clock.instant());
    }
}
