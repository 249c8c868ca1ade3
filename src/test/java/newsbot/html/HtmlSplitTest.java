package newsbot.html;

import newsbot.telegram.TelegramHtmlValidator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HtmlSplitTest {

    /** Every part fits, is valid Telegram HTML on its own, and together they show the original text. */
    private static void assertGoodSplit(String html, int maxLen, List<String> parts) {
        assertThat(parts).isNotEmpty();
        for (String part : parts) {
            assertThat(part.length()).as("length of %s", part).isLessThanOrEqualTo(maxLen);
            assertThat(TelegramHtmlValidator.checkMessage(part)).as("Telegram's verdict on %s", part).isEmpty();
            assertNoBrokenSurrogates(part);
        }
        String original = TelegramHtmlValidator.parse(html).plainText().replaceAll("\\s+", "");
        String joined = parts.stream().map(p -> TelegramHtmlValidator.parse(p).plainText())
                .reduce("", String::concat).replaceAll("\\s+", "");
        assertThat(joined).isEqualTo(original);
    }

    private static void assertNoBrokenSurrogates(String part) {
        assertThat(Character.isLowSurrogate(part.charAt(0))).as("starts with a low surrogate: %s", part).isFalse();
        assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1)))
                .as("ends with a high surrogate: %s", part).isFalse();
    }

    @Test
    void textThatFitsComesBackUnchanged() {
        String html = "<b>Заголовок</b>\n\nТекст";
        assertThat(Html.split(html)).containsExactly(html);
        assertThat(Html.split(html, html.length())).containsExactly(html);
    }

    @Test
    void splitsAtParagraphsFirst() {
        String first = "Первая новость: " + "слово ".repeat(10).strip();
        String second = "Вторая новость: " + "текст ".repeat(10).strip();
        String third = "Третья.";
        String html = first + "\n\n" + second + "\n\n" + third;

        List<String> parts = Html.split(html, second.length() + third.length() + 2);

        assertThat(parts).containsExactly(first, second + "\n\n" + third);
    }

    @Test
    void thenAtLinesThenAtWords() {
        String lines = "строка один\nстрока два\nстрока три";
        assertThat(Html.split(lines, 24)).containsExactly("строка один\nстрока два", "строка три");

        String words = "один два три четыре пять";
        assertThat(Html.split(words, 11)).containsExactly("один два", "три четыре", "пять");
    }

    @Test
    void aBoundaryThatWouldLeaveAPartHalfEmptyLosesToALaterLowerOne() {
        String html = "Итоги\n\n" + "очень длинная строка без абзацев ".repeat(4).strip();

        List<String> parts = Html.split(html, 60);

        assertThat(parts.get(0)).startsWith("Итоги\n\nочень длинная");
        assertGoodSplit(html, 60, parts);
    }

    @Test
    void hardSplitNeverCutsSurrogatePairsOrEmojiSequences() {
        String emoji = "😀".repeat(50);
        List<String> parts = Html.split(emoji, 15);
        assertThat(parts).allSatisfy(p -> assertThat(p).matches("(😀)+"));
        assertThat(String.join("", parts)).isEqualTo(emoji);

        String family = "👨‍👩‍👧".repeat(10); // joined by ZWJ: 8 UTF-16 units each
        List<String> families = Html.split(family, 20);
        assertThat(families).allSatisfy(p -> assertThat(p).matches("(👨‍👩‍👧)+"));

        String flagsAndAccents = "e\u0301".repeat(30) + "👍🏽".repeat(10);
        assertGoodSplit(flagsAndAccents, 7, Html.split(flagsAndAccents, 7));
    }

    @Test
    void neverCutsInsideAnEntityOrATag() {
        String html = "&amp;&lt;&gt;&quot;&#128512;".repeat(20);
        List<String> parts = Html.split(html, 23);
        assertThat(parts).allSatisfy(p -> assertThat(p).matches("(&amp;|&lt;|&gt;|&quot;|&#128512;)+"));
        assertGoodSplit(html, 23, parts);

        String links = "<a href=\"https://example.test/news?id=1&amp;x=2\">новость</a>".repeat(5);
        assertGoodSplit(links, 60, Html.split(links, 60));
    }

    @Test
    void reopensTagsWithTheirAttributesInTheNextPart() {
        String html = "<b>Важно: " + "событие ".repeat(12).strip() + "</b> конец";

        List<String> parts = Html.split(html, 40);

        assertThat(parts.get(0)).startsWith("<b>Важно:").endsWith("</b>");
        assertThat(parts.subList(1, parts.size() - 1)).allSatisfy(p -> assertThat(p).startsWith("<b>").endsWith("</b>"));
        assertGoodSplit(html, 40, parts);

        String link = "<a href=\"https://x.test/a\">" + "ссылка ".repeat(10).strip() + "</a>";
        List<String> linkParts = Html.split(link, 50);
        assertThat(linkParts).allSatisfy(p -> assertThat(p).startsWith("<a href=\"https://x.test/a\">"));
        assertGoodSplit(link, 50, linkParts);
    }

    @Test
    void leavesNoEmptyTagsAroundACut() {
        String html = "первая часть текста <b>вторая</b> часть";

        List<String> parts = Html.split(html, 25);

        assertThat(parts).containsExactly("первая часть текста", "<b>вторая</b> часть");
        assertThat(Html.split("<i>один два</i> три", 14)).containsExactly("<i>один</i>", "<i>два</i> три");
        assertThat(Html.split("<b>один </b>два три", 12)).containsExactly("<b>один</b>", "два три");
    }

    @Test
    void reopensNestedPreAndCode() {
        String code = "<pre><code class=\"language-java\">" + "int x = 1;\n".repeat(20) + "</code></pre>";

        List<String> parts = Html.split(code, 100);

        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(p -> assertThat(p)
                .startsWith("<pre><code class=\"language-java\">").endsWith("</code></pre>"));
        assertGoodSplit(code, 100, parts);
    }

    @Test
    void partsOfADigestFitTelegram() {
        StringBuilder digest = new StringBuilder("<b>Дайджест</b>\n\n");
        for (int i = 0; i < 60; i++) {
            digest.append("<b>").append(Html.escape("Заголовок №" + i + " & «кавычки» <теги>")).append("</b>\n")
                    .append(Html.escape("Краткое описание новости, довольно длинное. 🚀 ".repeat(3))).append('\n')
                    .append(Html.link("https://news.example/a/" + i + "?utm=1&x=\"2\"", "Читать")).append("\n\n");
        }
        String html = digest.toString();

        List<String> parts = Html.split(html);

        assertThat(parts).hasSizeGreaterThan(1);
        assertGoodSplit(html, Html.MAX_MESSAGE, parts);
        // Paragraph boundaries were available, so every part ends with a whole item (the last one keeps the
        // input's trailing blank line: only separators at a cut are dropped).
        assertThat(parts).allSatisfy(p -> assertThat(p.strip()).endsWith("Читать</a>"));
    }

    @Test
    void keepsGoingWhenTheOpenTagsAloneDoNotFit() {
        // Documented limit: with maxLen below the reopened tags, a part holds one piece and may exceed maxLen.
        String html = "<a href=\"https://example.test/a/very/long/path\">раз два</a>";

        List<String> parts = Html.split(html, 20);

        assertThat(parts).hasSize(6).allSatisfy(p -> assertThat(TelegramHtmlValidator.checkMessage(p)).isEmpty());
    }

    @Test
    void randomHtmlAlwaysSplitsIntoValidParts() {
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            String html = randomHtml(random);
            // Above the longest pair of nested tags (~80 units reopened and closed), which a part must hold.
            int maxLen = 100 + random.nextInt(300);
            List<String> parts = Html.split(html, maxLen);
            if (!TelegramHtmlValidator.parse(html).plainText().isBlank()) {
                assertGoodSplit(html, maxLen, parts);
            }
        }
    }

    private static String randomHtml(Random random) {
        String[] words = {"новости", "мир", "😀", "👨‍👩‍👧", "e\u0301", "&amp;", "&lt;b&gt;", "&#1046;", "x", "Москва,",
                "\"quote\"", "длинноесловобезпробеловпрямоочень", ">"};
        String[][] tags = {{"<b>", "</b>"}, {"<i>", "</i>"}, {"<a href=\"https://x.test/?a=1&amp;b=2\">", "</a>"},
                {"<span class=\"tg-spoiler\">", "</span>"}, {"<blockquote expandable>", "</blockquote>"},
                {"<code>", "</code>"}, {"<u>", "</u>"}};
        StringBuilder out = new StringBuilder();
        List<String> open = new ArrayList<>();
        int length = 200 + random.nextInt(1500);
        while (out.length() < length) {
            int choice = random.nextInt(10);
            if (choice < 5) {
                out.append(words[random.nextInt(words.length)]);
            } else if (choice < 7) {
                out.append(random.nextInt(4) == 0 ? "\n\n" : random.nextBoolean() ? "\n" : " ");
            } else if (choice < 9 && open.size() < 2) {
                String[] tag = tags[random.nextInt(tags.length)];
                out.append(tag[0]);
                open.add(tag[1]);
            } else if (!open.isEmpty()) {
                out.append(open.remove(open.size() - 1));
            }
        }
        for (int k = open.size() - 1; k >= 0; k--) {
            out.append(open.get(k));
        }
        return out.toString();
    }
}
