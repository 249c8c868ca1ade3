package newsbot.digest;

import newsbot.testing.World;


import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader who has had no digest yet gets "what's new today", from /digest, its button, or the scheduler. */
class FirstDigestTest {

    @TempDir
    Path dir;

    /** Articles that arrived before the reader signed up: today's six economy, an old one, one of sport. */
    private static void siteHadAnEventfulDay(World w) {
        w.at("2026-03-07T05:00:00Z");
        Instant now = w.clock.instant();
        w.article("Старая экономика", now.minus(Duration.ofHours(30)), "economy");
        for (int i = 1; i <= 6; i++) {
            w.article("Экономика дня " + i, now.minus(Duration.ofHours(7 - i)), "economy");
        }
        w.article("Матч дня", now.minus(Duration.ofHours(2)), "sport");
    }

    @Test
    void digestOnRequestHoldsTheLatestOfTheLastDayThenOnlyWhatIsNew() {
        World w = new World(dir, 5, 500);
        siteHadAnEventfulDay(w);
        w.say(1, "/start");
        w.say(1, "/subscribe economy");

        w.say(1, "/digest");
        String first = w.digestText(1);
        assertThat(first).startsWith("<b>📰 Что нового сегодня</b>")
                .contains("Экономика дня 6", "Экономика дня 2", "и ещё 1 — /latest economy")
                .doesNotContain("Экономика дня 1<", "Старая экономика", "Матч дня");

        w.say(1, "/digest");
        assertThat(w.replier.last().html()).isEqualTo("Нового с вашего прошлого дайджеста нет. Последние новости: /latest");
        w.article("Экономика вечера", "economy");
        w.say(1, "/digest");
        assertThat(w.digests(1)).hasSize(2);
        assertThat(w.digests(1).get(1).text()).startsWith("<b>📰 Ваш дайджест</b>").contains("Экономика вечера")
                .doesNotContain("Экономика дня");
    }

    @Test
    void theFirstScheduledDigestIsWhatsNewTodayInTheReadersLanguage() {
        World w = new World(dir, 5, 500);
        siteHadAnEventfulDay(w);
        w.say(2, "en", "/start");
        w.say(2, "en", "/subscribe sport");
        w.say(2, "en", "/schedule 13:00");                  // Bishkek, 07:00 UTC

        w.at("2026-03-07T07:00:00Z");
        assertThat(w.scheduler.tick().sent()).isEqualTo(1);
        assertThat(w.digestText(2)).startsWith("<b>📰 What's new today</b>").contains("Матч дня");

        w.article("Evening match", "sport");
        w.at("2026-03-08T07:00:00Z");
        assertThat(w.scheduler.tick().sent()).isEqualTo(1);
        assertThat(w.digests(2).get(1).text()).startsWith("<b>📰 Your digest</b>").contains("Evening match")
                .doesNotContain("Матч дня");
    }

    @Test
    void theFirstCategoryOffersAButtonThatSendsItAtOnce() {
        World w = new World(dir, 5, 500);
        siteHadAnEventfulDay(w);
        w.say(3, "/start");
        w.press(3, 1, "cat:economy");
        assertThat(w.replier.last().html()).contains("что нового сегодня");
        String data = w.replier.last().keyboard().getKeyboard().get(0).get(0).getCallbackData();
        assertThat(data).isEqualTo("dg:now");
        int offers = w.replier.sent.size();
        w.press(3, 1, "cat:sport");                         // a second category: no second offer
        assertThat(w.replier.sent).hasSize(offers);

        w.press(3, 2, data);
        assertThat(w.digestText(3)).startsWith("<b>📰 Что нового сегодня</b>").contains("Экономика дня 6", "Матч дня");
        w.press(3, 1, "cat:sport");
        w.press(3, 1, "cat:sport");                         // again one category, but the first digest is done
        assertThat(w.replier.sent).hasSize(offers);
    }
}
