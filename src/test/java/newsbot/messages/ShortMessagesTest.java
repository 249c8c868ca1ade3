package newsbot.messages;


import newsbot.testing.RecordingReplier;
import static newsbot.messages.Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShortMessagesTest {

    private static final BreakingLabels LIGHTNING = new BreakingLabels("⚡");

    private final DigestComposer composer = new DigestComposer();

    @Test
    void breakingAlertFormat() {
        DigestItem news = item(7, "politics", 0, "Парламент & президент", "Депутаты приняли закон <о СМИ>.");
        assertThat(composer.composeBreaking(news, "Политика", LIGHTNING)).isEqualTo("""
                ⚡ <b><a href="https://news.example/7">Парламент &amp; президент</a></b>
                <i>Политика</i>

                Депутаты приняли закон &lt;о СМИ&gt;.""");
    }

    @Test
    void breakingAlertWithoutSummaryOrLinkOrMarker() {
        DigestItem bare = new DigestItem(1, "Тревога", "javascript:x()", null, "politics", Fixtures.BASE);
        assertThat(composer.composeBreaking(bare, "Politics", new BreakingLabels("")))
                .isEqualTo("<b>Тревога</b>\n<i>Politics</i>");
    }

    @Test
    void breakingSummaryIsShortAndHostileTextStillFits() {
        String longText = "слово ".repeat(500);
        String alert = composer.composeBreaking(item(1, "politics", 0, "T", longText), "P", LIGHTNING);
        assertThat(alert.substring(alert.indexOf("\n\n") + 2)).endsWith("слово…")
                .hasSizeLessThanOrEqualTo(ShortMessages.BREAKING_SUMMARY);
        RecordingReplier.assertValidHtml(alert);

        String quotes = "\"".repeat(5000);
        DigestItem hostile = new DigestItem(1, quotes, "https://x.example/" + quotes.substring(0, 900), quotes,
                "politics", Fixtures.BASE);
        RecordingReplier.assertValidHtml(composer.composeBreaking(hostile, "<".repeat(500), LIGHTNING));
    }

    @Test
    void listFormat() {
        List<DigestItem> items = List.of(item(1, "politics", 15, "Выборы <2026>"), item(2, "culture", -600, "Театр"));
        assertThat(composer.composeList(items, "Последние новости", Fixtures.ORDER_RU, Fixtures.BISHKEK))
                .isEqualTo("""
                        <b>Последние новости</b>

                        1. <a href="https://news.example/1">Выборы &lt;2026&gt;</a> — <i>Политика, 10.03 08:15</i>
                        2. <a href="https://news.example/2">Театр</a> — <i>culture, 09.03 22:00</i>""");
    }

    @Test
    void longListsAreCutToOneMessage() {
        List<DigestItem> items = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            items.add(item(i, "economy", i, "Новость про экономику 💰 номер " + i));
        }
        String list = composer.composeList(items, "Поиск: «<script>»", Fixtures.ORDER_RU, Fixtures.BISHKEK);
        RecordingReplier.assertValidHtml(list);
        assertThat(list).startsWith("<b>Поиск: «&lt;script&gt;»</b>\n\n1. ").endsWith("\n…");
        assertThat(list.length()).isGreaterThan(3500);
    }

    @Test
    void emptyListIsTheHeadingAlone() {
        assertThat(composer.composeList(List.of(), "Ничего", Fixtures.ORDER_RU, Fixtures.BISHKEK))
                .isEqualTo("<b>Ничего</b>");
    }
}
