package newsbot.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FullTextCleanerTest {

    private static final String BASE = "https://news.example.kg/politics/2026/11/28/article/";

    private final FullTextCleaner cleaner = new FullTextCleaner();

    @Test
    void hostileHtmlKeepsOnlyTextHttpLinksAndRealPictures() {
        ArticleBody body = cleaner.clean(fixture("hostile-article.html"), BASE);

        assertThat(body.blocks()).extracting(FullTextParsingTest::text).containsExactly(
                "Первый абзац с опасной ссылкой и data-ссылкой, а также нормальной.",
                "[img https://news.example.kg/upload/real.jpg | ]",
                "Второй абзац <script>alert(3)</script> жирныйкурсив.",
                "## Подзаголовок");
        Block.Paragraph first = (Block.Paragraph) body.blocks().get(0);
        assertThat(first.text()).filteredOn(Inline.Link.class::isInstance)
                .containsExactly(new Inline.Link("нормальной", "https://news.example.kg/safe/"));
        String everything = body.blocks().toString();
        assertThat(everything).doesNotContain("javascript", "vbscript", "data:", "evil.example", "tracker.example",
                "cookie", "password", "Войти", "svg text", "display");
    }

    @Test
    void hugeArticleIsKeptWholeUpToItsCap() {
        ArticleBody body = cleaner.clean(fixture("article-60k.html"), BASE);

        assertThat(body.characters()).isBetween(59_000, 61_000);
        assertThat(body.blocks()).filteredOn(Block.Heading.class::isInstance).hasSize(28);
        assertThat(body.blocks()).filteredOn(Block.Image.class::isInstance).hasSize(14);
        assertThat(body.firstImage()).contains(new Block.Image("https://news.example.kg/upload/long/10.jpg", "Фото 10"));
    }

    @Test
    void aMegabyteOfTextIsCutAtABlock() {
        String paragraph = "<p>" + "слово ".repeat(2_000) + "</p>";
        ArticleBody body = cleaner.clean(paragraph.repeat(100), BASE);

        assertThat(body.characters()).isLessThanOrEqualTo(3 * 32_768);
        assertThat(body.blocks()).hasSize(8).allSatisfy(b -> assertThat(b.characters()).isEqualTo(11_999));
    }

    @Test
    void plainTextBecomesOneParagraphPerLine() {
        ArticleBody body = cleaner.clean("Первая строка.\n\n  Вторая &amp; строка.\r\nТретья", BASE);

        assertThat(body.blocks()).extracting(FullTextParsingTest::text)
                .containsExactly("Первая строка.", "Вторая & строка.", "Третья");
    }

    @Test
    void linksKeepTheirSpacingAndPunctuation() {
        ArticleBody body = cleaner.clean("<p>Читайте <a href=\"/a/\">здесь</a>, <a href='https://x.kg/'>там</a>"
                + "<br>и <em>далее</em></p><ol><li>раз <ul><li>вложенный</li></ul></li><li>два</li></ol>", BASE);

        assertThat(body.blocks()).containsExactly(
                new Block.Paragraph(List.of(new Inline.Text("Читайте "),
                        new Inline.Link("здесь", "https://news.example.kg/a/"), new Inline.Text(", "),
                        new Inline.Link("там", "https://x.kg/"), new Inline.Text(" и далее"))),
                new Block.Items(Block.ListStyle.NUMBERED, List.of(
                        List.of(new Inline.Text("раз вложенный")), List.of(new Inline.Text("два")))));
    }

    @Test
    void nothingUsableIsEmpty() {
        assertThat(cleaner.clean(null, BASE).isEmpty()).isTrue();
        assertThat(cleaner.clean("  ", BASE).isEmpty()).isTrue();
        assertThat(cleaner.clean("<script>x()</script><img src='x.gif' width=1 height=1>", BASE).isEmpty()).isTrue();
    }

    static String fixture(String name) {
        return new String(FeedServer.fixture(name), StandardCharsets.UTF_8);
    }
}
