package newsbot.messages;

import newsbot.testing.RecordingReplier;
import newsbot.html.Html;

import static newsbot.messages.Fixtures.en;
import static newsbot.messages.Fixtures.item;
import static newsbot.messages.Fixtures.ru;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestComposerTest {

    private final DigestComposer composer = new DigestComposer();

    @Test
    void groupsInConfiguredOrderNewestFirst() {
        List<DigestItem> items = List.of(
                item(3, "economy", -60, "Курс сома"),
                item(1, "politics", 15, "Выборы"),
                item(4, "weather", 0, "Дождь"),
                item(2, "politics", 100, "Парламент"));
        assertThat(composer.compose(items, ru(5, false))).containsExactly("""
                <b>Дайджест</b>

                <b>Политика</b>
                • 09:40 <a href="https://news.example/2">Парламент</a>
                • 08:15 <a href="https://news.example/1">Выборы</a>

                <b>Экономика</b>
                • 07:00 <a href="https://news.example/3">Курс сома</a>""");
    }

    @Test
    void capsEachCategoryWithAMoreLineInRussian() {
        List<String> parts = composer.compose(fivePolitics(), ru(2, false));
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0)).endsWith("""
                <b>Политика</b>
                • 08:05 <a href="https://news.example/5">Новость 5</a>
                • 08:04 <a href="https://news.example/4">Новость 4</a>
                и ещё 3 — /latest politics""");
        assertThat(parts).isNotEmpty().allSatisfy(RecordingReplier::assertValidHtml);
    }

    @Test
    void capsEachCategoryWithAMoreLineInEnglish() {
        List<String> parts = composer.compose(fivePolitics(), en(4, false));
        assertThat(parts.get(0)).startsWith("<b>Your digest</b>\n\n<b>Politics</b>\n")
                .endsWith("• 08:02 <a href=\"https://news.example/2\">Новость 2</a>\nand 1 more — /latest politics");
    }

    @Test
    void noMoreLineWhenEverythingIsShown() {
        assertThat(composer.compose(fivePolitics(), ru(5, false)).get(0)).doesNotContain("ещё");
    }

    @Test
    void summariesAreCutAtAWordBoundaryAndEscaped() {
        String summary = "Депутаты обсудили бюджет & налоги <b>до утра</b>, а затем ещё долго спорили о том, "
                + "кто и когда будет отвечать за исполнение решений, принятых на прошлой неделе.";
        List<DigestItem> items = List.of(item(1, "politics", 0, "Бюджет", summary),
                item(2, "politics", 1, "Same as title", "same as TITLE"));
        String part = composer.compose(items, ru(5, true)).get(0);
        String summaryLine = part.lines().filter(l -> l.startsWith("Депутаты")).findFirst().orElseThrow();
        assertThat(summaryLine).startsWith("Депутаты обсудили бюджет &amp; налоги &lt;b&gt;до утра&lt;/b&gt;, а")
                .endsWith("…").doesNotEndWith(" …").doesNotEndWith(",…");
        assertThat(summaryLine.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").length())
                .isLessThanOrEqualTo(120);
        assertThat(part).doesNotContain("same as TITLE");
        assertThat(composer.compose(items, ru(5, false)).get(0)).doesNotContain("Депутаты");
        RecordingReplier.assertValidHtml(part);
    }

    @Test
    void escapesHostileFeedText() {
        List<DigestItem> items = List.of(
                item(1, "politics", 0, "Tom & Jerry <b>\"quoted\"</b>"),
                item(2, "politics", 1, "</a><script>alert(1)</script>"),
                new DigestItem(3, "Quote in URL", "https://news.example/a\"onclick=\"x&y=1", "", "politics",
                        Fixtures.BASE),
                item(4, "politics", 2, "Line\nbreak\tand   spaces  "));
        String part = composer.compose(items, en(10, false)).get(0);
        assertThat(part)
                .contains(">Tom &amp; Jerry &lt;b&gt;&quot;quoted&quot;&lt;/b&gt;</a>")
                .contains(">&lt;/a&gt;&lt;script&gt;alert(1)&lt;/script&gt;</a>")
                .contains("<a href=\"https://news.example/a&quot;onclick=&quot;x&amp;y=1\">Quote in URL</a>")
                .contains(">Line break and spaces</a>")
                .doesNotContain("<script>");
        RecordingReplier.assertValidHtml(part);
    }

    @Test
    void onlyHttpUrlsBecomeLinks() {
        List<DigestItem> items = new ArrayList<>();
        String[] urls = {"javascript:alert(1)", "ftp://news.example/x", "data:text/html,<b>x</b>", "",
                "https://news.example/a b", "HTTPS://NEWS.EXAMPLE/OK"};
        for (int i = 0; i < urls.length; i++) {
            items.add(new DigestItem(i, "T" + i, urls[i], "", "politics", Fixtures.BASE.plusSeconds(60L * i)));
        }
        String part = composer.compose(items, en(10, false)).get(0);
        assertThat(part).endsWith("\n• 08:00 T0").contains("\n• 08:04 T4\n")
                .contains("<a href=\"HTTPS://NEWS.EXAMPLE/OK\">T5</a>")
                .doesNotContain("javascript", "ftp:", "data:");
        assertThat(part.split("<a ", -1)).hasSize(2);
    }

    @Test
    void whitespaceInFeedTextBecomesSingleSpaces() {
        assertThat(Html.plain("a\tb")).isEqualTo("a b");
        assertThat(Html.plain("a\u00a0b")).isEqualTo("a b");
        assertThat(Html.plain(" a b ")).isEqualTo("a b");
        assertThat(Html.plain("a  b")).isEqualTo("a b");
        assertThat(Html.plain("a\u0000b\r\n")).isEqualTo("a b");
        String clean = "already clean";
        assertThat(Html.plain(clean)).isSameAs(clean);
    }

    @Test
    void anArticleGivenTwiceIsShownOnce() {
        List<DigestItem> items = new ArrayList<>(fivePolitics());
        items.addAll(fivePolitics());
        String part = composer.compose(items, ru(4, false)).get(0);
        assertThat(part.split("news.example/5\"", -1)).hasSize(2);
        assertThat(part).endsWith("и ещё 1 — /latest politics");
    }

    @Test
    void untitledItemsShowTheirUrl() {
        DigestItem untitled = new DigestItem(1, "  ", "https://news.example/1", "", "politics", Fixtures.BASE);
        assertThat(composer.compose(List.of(untitled), en(3, false)).get(0))
                .contains("<a href=\"https://news.example/1\">https://news.example/1</a>");
    }

    @Test
    void nothingToSendGivesNoParts() {
        assertThat(composer.compose(List.of(), ru(5, true))).isEmpty();
        assertThat(composer.compose(List.of(item(1, "weather", 0, "Дождь")), ru(5, true))).isEmpty();
    }

    @Test
    void renderedItemsGiveTheSameDigest() {
        List<DigestItem> items = fivePolitics();
        List<RenderedItem> rendered = items.stream().map(i -> composer.render(i, 120)).toList();
        assertThat(composer.composeRendered(rendered, ru(3, true))).isEqualTo(composer.compose(items, ru(3, true)));
        // One rendering serves readers with other zones and languages.
        DigestLayout moscow = new DigestLayout("", Fixtures.ORDER_EN, 3, false, 120, Fixtures.EN,
                java.time.ZoneId.of("Europe/Moscow"));
        assertThat(composer.composeRendered(rendered, moscow).get(0))
                .startsWith("<b>Politics</b>\n• 05:05 <a href=\"https://news.example/5\">Новость 5</a>");
    }

    @Test
    void moreLabelSubstitutesOnlyItsPlaceholders() {
        DigestLayout.Labels labels = new DigestLayout.Labels("", "<%d%% & %s> %x %d");
        assertThat(labels.appendMore(new StringBuilder(), 7, "a&b").toString())
                .isEqualTo("&lt;7% &amp; a&amp;b&gt; %x 7");
    }

    private static List<DigestItem> fivePolitics() {
        List<DigestItem> items = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            items.add(item(i, "politics", i, "Новость " + i));
        }
        return items;
    }
}
