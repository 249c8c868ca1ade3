package newsbot.chat;

import newsbot.testing.World;
import newsbot.testing.RecordingReplier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReaderCommandsTest {

    @TempDir
    Path dir;

    private static String reply(World w) {
        return w.replier.last().html();
    }

    @Test
    void latestListsTheNewestOverallOrOfOneCategory() {
        World w = new World(dir);
        for (int i = 1; i <= 12; i++) {
            w.article("Экономика " + i, w.clock.instant().plusSeconds(i), "economy");
        }
        w.article("Матч <года> & \"кубок\"", w.clock.instant().plusSeconds(100), "sport");
        w.article("Без рубрики", w.clock.instant().plusSeconds(50));

        w.say(1, "/latest");
        String all = reply(w);
        assertThat(all).startsWith("<b>Последние новости</b>")
                .contains("1. <a href=", "Матч &lt;года&gt; &amp; &quot;кубок&quot;", "Спорт", "Без рубрики")
                .doesNotContain("11. ");
        assertThat(all.indexOf("Матч")).isLessThan(all.indexOf("Без рубрики"));

        w.say(1, "/latest economy");
        assertThat(reply(w)).startsWith("<b>Последние новости: Экономика</b>")
                .contains("Экономика 12", "Экономика 3").doesNotContain("Экономика 2<", "Матч");
        w.say(1, "/latest бизнес");                           // an alias, any case
        assertThat(reply(w)).startsWith("<b>Последние новости: Экономика</b>");
        w.say(1, "/latest Politics");
        assertThat(reply(w)).isEqualTo("В рубрике «Политика» пока нет новостей.");
    }

    @Test
    void latestWithUnknownCategoryListsTheValidOnes() {
        World w = new World(dir);
        w.say(1, "/latest <b>кино</b>");
        assertThat(reply(w)).startsWith("Рубрики «&lt;b&gt;кино&lt;/b&gt;» нет.")
                .contains("• Политика — <code>politics</code>", "• В мире — <code>world</code>");
    }

    @Test
    void searchFindsRussianAndEnglishWordsByTheirStart() {
        World w = new World(dir);
        w.article("Экономика растёт третий год", "economy");
        w.article("Central bank keeps the rate", "economy");
        w.article("Спортсмены вернулись", "sport");

        w.say(1, "/search эконом");
        assertThat(reply(w)).startsWith("<b>Поиск: эконом</b>").contains("Экономика растёт").doesNotContain("bank");
        w.say(1, "/search BANK rate");
        assertThat(reply(w)).contains("Central bank").doesNotContain("растёт");
        w.say(1, "/search футбол");
        assertThat(reply(w)).isEqualTo("По запросу «футбол» ничего не нашлось. Попробуйте другие слова или начало слова.");
        w.say(1, "/search");
        assertThat(reply(w)).contains("<code>/search экономика</code>");
        w.say(1, "/search *** \"\" -()");
        assertThat(reply(w)).startsWith("В запросе «*** &quot;&quot; -()» нет ни одного слова.");
    }

    @Test
    void searchFindsInflectedFormsAndPagesWithAMoreButton() {
        World w = new World(dir);
        for (int i = 1; i <= 23; i++) {
            w.article("Выборы в Бишкеке: итоги " + i, w.clock.instant().minusSeconds(i), "politics");
        }
        w.article("Курс доллара вырос", "economy");

        w.say(1, "/search выборах в Бишкек");
        assertThat(reply(w)).startsWith("<b>Поиск: выборах в Бишкек</b>").contains("1. ", "10. ")
                .doesNotContain("11. ", "доллара");
        String more = w.replier.last().keyboard().getKeyboard().get(0).get(0).getCallbackData();
        assertThat(more).startsWith("srch:").endsWith(":1");
        assertThat(more.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);

        w.press(1, 99, more);
        assertThat(reply(w)).startsWith("<b>Поиск: выборах в Бишкек (стр. 2)</b>").contains("11. ", "20. ")
                .doesNotContain("21. ");
        String next = w.replier.last().keyboard().getKeyboard().get(0).get(0).getCallbackData();
        w.press(1, 100, next);
        assertThat(reply(w)).contains("21. ", "23. ").doesNotContain("24. ");
        assertThat(w.replier.last().keyboard()).isNull();

        // another chat cannot page this reader's search; a made-up id is stale
        int before = w.replier.sent.size();
        w.press(2, 5, more);
        w.press(1, 5, "srch:999:1");
        assertThat(w.replier.sent).hasSize(before);
        assertThat(w.replier.answers).extracting(RecordingReplier.Answer::text)
                .contains("Этот поиск устарел. Повторите /search.");

        w.say(1, "/search долларом");
        assertThat(reply(w)).contains("Курс доллара вырос");
        assertThat(w.replier.last().keyboard()).isNull();
    }

    @Test
    void hostileSearchesGetAnAnswerNeverAnError() {
        World w = new World(dir);
        w.article("Парламент принял закон", "politics");
        List<String> queries = List.of("\"", "\"\"\"", "закон\"", "AND", "OR закон", "закон NEAR парламент",
                "NEAR(закон парламент)", "закон*", "*", "-закон", "(закон", "закон)", "title:закон", "^закон",
                "закон AND NOT", "'; DROP TABLE articles; --", "<script>", "😀 закон", "ё й", "a", "\u0000");
        for (String q : queries) {
            int before = w.replier.sent.size();
            w.say(1, "/search " + q);
            assertThat(w.replier.sent).as(q).hasSize(before + 1);
            assertThat(reply(w)).as(q).doesNotContain("😔", "SQL", "fts5");
        }
        w.say(1, "/search закон\" OR парламент*");
        assertThat(reply(w)).contains("Парламент принял закон");
    }

    @Test
    void scheduleSetsTimesAndShowsTheNextDigestInTheReadersZone() {
        World w = new World(dir);                               // 2026-03-07 06:00 in Bishkek
        w.say(1, "/schedule 19:30, 8:00");
        assertThat(reply(w)).isEqualTo("📰 Дайджест: 08:00, 19:30. Следующий — 07.03 08:00 (Asia/Bishkek).");
        assertThat(w.reader(1).digestTimes()).containsExactly(LocalTime.of(8, 0), LocalTime.of(19, 30));

        w.say(1, "/timezone Europe/Moscow");                    // 03:00 there
        w.clock.advance(Duration.ofHours(6));                   // 09:00 in Moscow
        w.say(1, "/schedule 08:00");
        assertThat(reply(w)).contains("Следующий — 08.03 08:00 (Europe/Moscow)");

        w.say(1, "/schedule 25:00");
        assertThat(reply(w)).startsWith("«25:00» — не время.").contains("<code>/schedule 08:00,19:00</code>");
        w.say(1, "/schedule 1:00,2:00,3:00,4:00,5:00,6:00,7:00");
        assertThat(reply(w)).startsWith("Не больше 6 дайджестов в день (вы указали 7).");
        w.say(1, "/schedule <b>");
        assertThat(reply(w)).startsWith("«&lt;b&gt;» — не время.");
        w.say(1, "/schedule выкл");
        assertThat(reply(w)).startsWith("Дайджест выключен.");
        assertThat(w.reader(1).digestTimes()).isEmpty();
        w.say(1, "/schedule");
        assertThat(reply(w)).contains("Сейчас: выключен");
    }

    @Test
    void quietHoursWrapMidnightAndAcceptRussianOff() {
        World w = new World(dir);
        w.say(1, "/quiet 23:00-07:00");
        assertThat(reply(w)).startsWith("🌙 Тихие часы: 23:00–07:00 (Asia/Bishkek).");
        assertThat(w.reader(1).quietFrom()).isEqualTo(LocalTime.of(23, 0));
        assertThat(w.reader(1).quietTo()).isEqualTo(LocalTime.of(7, 0));
        w.say(1, "/quiet 23:00-25:00");
        assertThat(reply(w)).startsWith("«23:00-25:00» — не промежуток времени.");
        w.say(1, "/quiet выкл");
        assertThat(reply(w)).isEqualTo("Тихие часы выключены.");
        assertThat(w.reader(1).hasQuietHours()).isFalse();
    }

    @Test
    void digestCommandWithoutCategoriesOrNewsSaysSo() {
        World w = new World(dir);
        w.say(1, "/digest");
        assertThat(reply(w)).startsWith("Вы ещё не выбрали ни одной рубрики.");
        w.say(1, "/subscribe sport");
        w.say(1, "/digest");
        assertThat(reply(w)).startsWith("Нового с вашего прошлого дайджеста нет.");
        assertThat(w.digests(1)).isEmpty();
    }

    @Test
    void englishReadersGetEnglishReplies() {
        World w = new World(dir);
        w.say(2, "en", "/start");
        w.say(2, "en", "/digest");
        assertThat(reply(w)).startsWith("You have not chosen any sections yet.");
        w.say(2, "en", "/search nothing-here");
        assertThat(reply(w)).isEqualTo("Nothing found for “nothing-here”. Try other words or the start of a word.");
        w.say(2, "en", "/schedule 08:00");
        assertThat(reply(w)).startsWith("📰 Digest: 08:00. Next one: 07.03 08:00 (Asia/Bishkek).");
        w.say(2, "en", "/quiet off");
        assertThat(reply(w)).isEqualTo("Quiet hours off.");
    }

    @Test
    void myDataExportsTheChatAndForgetErasesItOnEitherDatabase() throws Exception {
        World w = new World(dir);
        w.say(1, "/start");
        w.say(1, "/subscribe economy");
        w.say(1, "/follow курс доллара");
        w.say(1, "/mute футбол");
        w.say(1, "/quiet 23:00-07:00");
        w.say(2, "/start");
        w.say(2, "/follow выборы");

        w.say(1, "/mydata");
        RecordingReplier.Document file = w.replier.documents.get(0);
        var data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.content());
        assertThat(data.path("settings").path("quiet_from").asText()).isEqualTo("23:00");
        assertThat(data.path("settings").path("created_at").asText()).isEqualTo(World.START.toString());
        assertThat(data.path("categories").get(0).path("slug").asText()).isEqualTo("economy");
        assertThat(data.path("followed_topics").toString()).isEqualTo("[\"курс доллара\"]");
        assertThat(data.path("muted_phrases").toString()).isEqualTo("[\"футбол\"]");
        assertThat(new String(file.content(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("выборы");

        w.say(1, "/forget");
        w.press(1, 1, ForgetCommand.PREFIX + "yes");
        assertThat(w.replier.last().html()).startsWith("🗑 Готово");
        for (String table : List.of("subscribers", "subscriptions", "followed_topics", "muted_phrases")) {
            int left = w.db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE chat_id = 1")
                    .mapTo(Integer.class).one());
            assertThat(left).as(table).isZero();
        }
        assertThat(w.reader(2).chatId()).isEqualTo(2);
    }
}
