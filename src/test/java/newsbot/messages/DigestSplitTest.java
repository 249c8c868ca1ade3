package newsbot.messages;


import newsbot.testing.RecordingReplier;
import static newsbot.messages.Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestSplitTest {

    private static final String CYRILLIC_EMOJI = "Срочно 🔥 Правительство 🇰🇬 объявило о новых мерах поддержки "
            + "малого бизнеса 👨‍👩‍👧 и «цифровых» кочевников — подробности в материале";

    private final DigestComposer composer = new DigestComposer();

    @Test
    void longDigestsSplitBetweenItemsWithContinuedHeadings() {
        List<DigestItem> items = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            String category = i % 3 == 0 ? "economy" : "politics";
            items.add(item(i, category, i, i + " " + CYRILLIC_EMOJI, CYRILLIC_EMOJI + " " + CYRILLIC_EMOJI));
        }
        List<String> parts = composer.compose(items, Fixtures.ru(1000, true));

        assertThat(parts.size()).isGreaterThan(5);
        assertThat(parts).isNotEmpty().allSatisfy(RecordingReplier::assertValidHtml);
        assertThat(parts.get(0)).startsWith("<b>Дайджест</b>\n\n<b>Политика</b>\n• ");
        for (int p = 1; p < parts.size(); p++) {
            assertThat(parts.get(p)).matches("(?s)<b>(Политика|Экономика)</b>( <i>\\(продолжение\\)</i>)?\n• .*");
        }
        // Every item is whole in exactly one part, and the order of items survives the split.
        List<Long> order = new ArrayList<>();
        for (String part : parts) {
            for (String line : part.split("\n")) {
                if (line.startsWith("• ")) {
                    assertThat(line).matches("• \\d\\d:\\d\\d <a href=\"https://news.example/\\d+\">\\d+ Срочно .*"
                            + "материале</a>");
                    order.add(Long.parseLong(line.substring(line.indexOf("example/") + 8, line.indexOf("\">"))));
                }
            }
        }
        List<Long> expected = new ArrayList<>();
        for (long i = 239; i >= 0; i--) {
            if (i % 3 != 0) {
                expected.add(i);
            }
        }
        for (long i = 239; i >= 0; i--) {
            if (i % 3 == 0) {
                expected.add(i);
            }
        }
        assertThat(order).isEqualTo(expected);
        assertThat(String.join("\n", parts)).contains("\n\n<b>Экономика</b>\n");
    }

    @Test
    void worstCaseEscapingStillFits() {
        // Every character escaped to its longest entity, every text at its length limit.
        String amps = "\"".repeat(1000);
        DigestLayout layout = new DigestLayout("&".repeat(DigestLayout.MAX_HEADER),
                List.of(new CategoryHeading("a".repeat(32), "\"".repeat(64)),
                        new CategoryHeading("b", "<".repeat(64))),
                2, true, DigestLayout.MAX_SUMMARY,
                new DigestLayout.Labels("\"".repeat(32), "%d" + "\"".repeat(94)), Fixtures.BISHKEK);
        List<DigestItem> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(new DigestItem(i, amps, "https://news.example/?" + "\"".repeat(1000), amps,
                    i % 2 == 0 ? "a".repeat(32) : "b", Fixtures.BASE.plusSeconds(i)));
        }
        List<String> parts = composer.compose(items, layout);
        assertThat(parts).isNotEmpty().allSatisfy(RecordingReplier::assertValidHtml);
        assertThat(parts.get(0)).startsWith("<b>&amp;&amp;");
    }

    @Test
    void aSplitCanFallBetweenCategories() {
        List<DigestItem> items = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            items.add(item(i, i < 30 ? "politics" : "sport", i, CYRILLIC_EMOJI));
        }
        List<String> parts = composer.compose(items, Fixtures.en(1000, false));
        assertThat(parts).isNotEmpty().allSatisfy(RecordingReplier::assertValidHtml);
        long headings = parts.stream().filter(p -> p.startsWith("<b>Sport</b>\n")).count()
                + parts.stream().filter(p -> p.contains("\n\n<b>Sport</b>\n")).count();
        assertThat(headings).isEqualTo(1);
    }
}
