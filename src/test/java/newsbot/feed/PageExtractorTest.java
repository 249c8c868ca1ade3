package newsbot.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The article pages of feeds with only summaries: og:image and the main text. Also the measurement behind the
 * choice of Readability4J over plain jsoup rules, on three real-shaped pages (a 24.kg-style page with comments and
 * a sidebar, a page whose only picture is og:image, an older page with &lt;br&gt;-separated text beside a column
 * of headlines). Readability keeps every paragraph of all three; its only noise is the headline column of the
 * table-layout page, which it takes with the article (a feed's article-selector fixes that). The best plain rule
 * (the element with the most text in its own &lt;p&gt; children) keeps the byline and share links of the first
 * and, on the third, takes the headline column instead of the article: 3 passages lost, 5 pieces of noise.
 */
class PageExtractorTest {

    private final PageExtractor extractor = new PageExtractor();

    private record Page(String fixture, String url, List<String> article, List<String> boilerplate) {
    }

    private static final List<Page> PAGES = List.of(
            new Page("page-24kg-article.html", "https://24.example.kg/obschestvo/350104/",
                    List.of("Мэрия Бишкека вводит ограничения", "Грузовики не смогут", "ежедневно в центр въезжают",
                            "мера оказалась недостаточной"),
                    List.of("Анара", "WhatsApp", "Наконец-то", "Самое читаемое", "Курс доллара", "транспорт",
                            "При использовании")),
            new Page("page-og-image-only.html", "https://news.example.kg/economy/2026/11/28/tarify/",
                    List.of("Кабинет министров утвердил", "тариф снизится на 12 процентов", "Что изменится",
                            "оставался в легальном поле", "Переговоры шли больше года"),
                    List.of("Читайте также", "Цены на бензин", "Все права защищены", "Политика")),
            new Page("page-br-separated.html", "https://akipress.example.kg/news:3",
                    List.of("Правление Национального банка", "инфляция в ноябре замедлилась",
                            "Следующее заседание правления"),
                    List.of("фестиваль плова", "Сборная Кыргызстана", "Последние новости")));

    @Test
    void ogImageAndMainTextOfAPageWithoutFeedPictures() {
        ArticlePage page = extract(PAGES.get(1), Optional.empty());

        assertThat(page.imageUrl()).isEqualTo("https://news.example.kg/upload/2026/11/tarify-og.jpg");
        assertThat(page.body().blocks()).first().as("the title is not repeated")
                .isNotInstanceOf(Block.Heading.class);
        assertThat(page.body().blocks()).contains(new Block.Heading(List.of(new Inline.Text(
                "Что изменится для предпринимателей"))));
        assertThat(page.body().blocks()).anyMatch(Block.Quote.class::isInstance);
    }

    @Test
    void relativeOgImageAndInlinePicturesAreResolved() {
        ArticlePage page = extract(PAGES.get(0), Optional.empty());

        assertThat(page.imageUrl()).isEqualTo("https://24.example.kg/upload/2026/11/gruzoviki-og.jpg");
        assertThat(page.body().firstImage()).map(Block.Image::url)
                .contains("https://24.example.kg/upload/2026/11/map.png");
        assertThat(extract(PAGES.get(2), Optional.empty()).imageUrl())
                .isEqualTo("https://akipress.example.kg/img/nbkr.jpg");
    }

    @Test
    void aConfiguredSelectorWins() {
        ArticlePage page = extract(PAGES.get(1), Optional.of("div.article__body"));

        assertThat(text(page.body())).contains("Кабинет министров утвердил").doesNotContain("Просмотров", "Поделиться");
        assertThat(extract(PAGES.get(1), Optional.of("div.nothing-here")).body().isEmpty()).isTrue();
    }

    @Test
    void readabilityServesThesePagesBetterThanPlainJsoupRules() {
        int readabilityMissed = 0;
        int readabilityNoise = 0;
        int jsoupMissed = 0;
        int jsoupNoise = 0;
        for (Page page : PAGES) {
            String readability = text(extract(page, Optional.empty()).body());
            String jsoup = text(densestParagraphs(page));
            readabilityMissed += missing(readability, page.article());
            readabilityNoise += page.boilerplate().size() - missing(readability, page.boilerplate());
            jsoupMissed += missing(jsoup, page.article());
            jsoupNoise += page.boilerplate().size() - missing(jsoup, page.boilerplate());
        }

        assertThat(readabilityMissed).as("article passages Readability lost").isZero();
        assertThat(jsoupMissed).as("article passages the jsoup rule lost").isEqualTo(3);
        assertThat(readabilityNoise).as("boilerplate Readability kept: the table layout's headline column")
                .isEqualTo(3);
        assertThat(jsoupNoise).as("boilerplate the jsoup rule kept").isEqualTo(5);
        // For the one page Readability gets wrong, the feed's article-selector puts it right.
        String selected = text(extract(PAGES.get(2), Optional.of("div.news-text")).body());
        assertThat(missing(selected, PAGES.get(2).article())).isZero();
        assertThat(missing(selected, PAGES.get(2).boilerplate())).isEqualTo(PAGES.get(2).boilerplate().size());
    }

    @Test
    void garbageIsNoErrorAndNoPicture() {
        ArticlePage page = extractor.extract(new byte[] {0, 1, 2, (byte) 0xff}, "text/html; charset=bogus",
                "https://x.example/", Optional.empty());

        assertThat(page.imageUrl()).isNull();
        assertThat(page.body().characters()).isLessThanOrEqualTo(1);
    }

    // The plain rule: the element whose own <p> children hold the most text.
    private static ArticleBody densestParagraphs(Page page) {
        Document document = Jsoup.parse(FullTextCleanerTest.fixture(page.fixture()), page.url());
        Element best = document.body().getAllElements().stream()
                .max(Comparator.comparingInt(e -> e.children().stream().filter(c -> c.normalName().equals("p"))
                        .mapToInt(c -> c.text().length()).sum()))
                .orElseThrow();
        return new FullTextCleaner().clean(best.outerHtml(), page.url());
    }

    private ArticlePage extract(Page page, Optional<String> selector) {
        return extractor.extract(FeedServer.fixture(page.fixture()), "text/html; charset=utf-8", page.url(), selector);
    }

    private static int missing(String text, List<String> passages) {
        return (int) passages.stream().filter(p -> !text.contains(p)).count();
    }

    private static String text(ArticleBody body) {
        return body.blocks().stream().map(FullTextParsingTest::text).reduce("", (a, b) -> a + "\n" + b);
    }
}
