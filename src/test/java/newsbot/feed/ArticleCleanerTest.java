package newsbot.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArticleCleanerTest {

    private static final Instant AT = Instant.parse("2026-11-28T05:00:00Z");
    private static final String FEED = "https://news.example.kg/world/";
    private static final List<String> MARKERS = List.of("СРОЧНО", "Срочно", "BREAKING", "⚡");

    private final ArticleCleaner cleaner = new ArticleCleaner(200, MARKERS);

    @Test
    void hostileFixtureBecomesPlainTextWithSafeLinks() {
        List<RawItem> raw = items("rss-v-mire.xml");
        List<Optional<CleanItem>> cleaned = raw.stream().map(item -> cleaner.clean(item, FEED)).toList();

        CleanItem corridor = cleaned.get(0).orElseThrow();
        assertThat(corridor.title()).isEqualTo("Казахстан и Узбекистан договорились о «зелёном коридоре»");
        assertThat(corridor.summary()).isEqualTo("Соглашение подписано в Ташкенте. Грузы будут проходить границу без досмотра.");
        assertThat(corridor.categories()).containsExactly("В мире");
        assertThat(corridor.url()).isEqualTo("https://news.example.kg/world/2026/11/28/zelenyi-koridor/");

        CleanItem summit = cleaned.get(1).orElseThrow();
        assertThat(summit.title()).isEqualTo("Саммит ШОС пройдёт в Астане");
        assertThat(summit.summary()).isEqualTo("Лидеры стран обсудят \"безопасность\" & торговлю — заявил МИД.");
        assertThat(summit.url()).as("javascript: link replaced by the feed link").isEqualTo(FEED);
        assertThat(summit.urlIsFeedLink()).isTrue();

        assertThat(cleaned.get(2).orElseThrow().url())
                .isEqualTo("https://news.example.kg/world/2026/11/27/kitai-punkt-propuska/");
        assertThat(cleaned.get(3).orElseThrow().url()).as("kept as published; canonical only for dedup")
                .startsWith("https://News.Example.KG:443/world/");
        CleanItem noLink = cleaned.get(4).orElseThrow();
        assertThat(noLink.url()).isEqualTo(FEED);
        assertThat(noLink.guid()).isNull();
        assertThat(noLink.urlIsFeedLink()).isTrue();

        CleanItem untitled = cleaned.get(5).orElseThrow();
        assertThat(untitled.title()).isEqualTo("Таджикистан и Кыргызстан завершили делимитацию ещё 12 километров общей границы…");
        assertThat(untitled.title()).hasSizeLessThanOrEqualTo(80);
        assertThat(cleaned.get(6)).as("no text left at all").isEmpty();
        assertThat(cleaned.get(7).orElseThrow().url()).as("data: link").isEqualTo(FEED);

        for (Optional<CleanItem> item : cleaned) {
            item.ifPresent(it -> assertThat(it.title() + it.summary())
                    .doesNotContain("<", "script", "alert", "evil", "color: red", "banner", "&nbsp;", "\u00A0"));
        }
    }

    @Test
    void markersAreStrippedAndNoted() {
        List<CleanItem> items = items("rss-proisshestviya.xml").stream()
                .map(item -> cleaner.clean(item, "https://news.example.kg/incidents/").orElseThrow()).toList();

        assertThat(items).extracting(CleanItem::title).containsExactly(
                "Землетрясение магнитудой 5,1 ощутили жители Бишкека",
                "На трассе Бишкек — Ош из-за схода лавины перекрыто движение",
                "В Оше загорелся торговый центр",
                "Паводок в Жалал-Абадской области",
                "Срочное совещание провели в мэрии после ДТП на Южной магистрали",
                "Avalanche closes Bishkek–Osh highway");
        assertThat(items).extracting(CleanItem::titleHadMarker).containsExactly(true, true, true, true, false, true);
    }

    @Test
    void markerInsideTheTitle() {
        assertThat(title("Землетрясение — СРОЧНО — в Оше")).isEqualTo("Землетрясение — в Оше");
        assertThat(title("Взрыв газа в Бишкеке! ⚡")).isEqualTo("Взрыв газа в Бишкеке!");
        assertThat(title("(BREAKING) Parliament dissolved")).isEqualTo("Parliament dissolved");
        assertThat(title("⚡ СРОЧНО: ⚡ Двойной маркер")).isEqualTo("Двойной маркер");
        assertThat(title("срочно: регистр важен")).isEqualTo("срочно: регистр важен");
        assertThat(title("BREAKINGNEWS is one word")).isEqualTo("BREAKINGNEWS is one word");
    }

    @Test
    void aTitleThatWasOnlyAMarkerFallsBackToTheSummary() {
        CleanItem item = cleaner.clean(raw("СРОЧНО!!!", "<p>Взрыв на ТЭЦ</p>", "/a"), FEED).orElseThrow();

        assertThat(item.title()).isEqualTo("Взрыв на ТЭЦ");
        assertThat(item.titleHadMarker()).isTrue();
        assertThat(cleaner.clean(raw("⚡", "", "/a"), FEED)).isEmpty();
    }

    @Test
    void summaryIsCutAtAWordBoundary() {
        ArticleCleaner short40 = new ArticleCleaner(40, MARKERS);
        String text = "Мэрия Бишкека сообщила об изменении схемы движения автобусов номер семь";

        String summary = short40.clean(raw("t", "<p>" + text + "</p>", "/a"), FEED).orElseThrow().summary();

        assertThat(summary).isEqualTo("Мэрия Бишкека сообщила об изменении…");
        assertThat(summary.length()).isLessThanOrEqualTo(40);
        assertThat(short40.clean(raw("t", "Коротко.", "/a"), FEED).orElseThrow().summary()).isEqualTo("Коротко.");
        assertThat(newsbot.html.Html.cut("a".repeat(50), 10)).isEqualTo("a".repeat(9) + "…");
        assertThat(newsbot.html.Html.cut("Слово, другое слово", 16)).isEqualTo("Слово, другое…");
        assertThat(newsbot.html.Html.cut("Первое, второе третье", 10)).isEqualTo("Первое…");
        assertThat(newsbot.html.Html.cut("ab😀cd", 4)).isEqualTo("ab…");
    }

    @Test
    void entitiesAndWhitespace() {
        assertThat(PlainText.of("Tom &amp; Jerry&nbsp;&laquo;x&raquo;\n\t  &#8212;  end")).isEqualTo("Tom & Jerry «x» — end");
        assertThat(PlainText.of("AT&T &lt;3")).isEqualTo("AT&T <3");
        assertThat(PlainText.of("zero\u200Bwidth\u00A0and\u3000spaces")).isEqualTo("zerowidth and spaces");
        // What Rome hands over for "&amp;lt;b&amp;gt;" in the XML: escaped markup, parsed a second time.
        assertThat(PlainText.of("&lt;b&gt;double&lt;/b&gt; escaped")).isEqualTo("double escaped");
        assertThat(PlainText.of("<p>one</p><p>two</p>three<br>four")).isEqualTo("one two three four");
        assertThat(PlainText.of(null)).isEmpty();
    }

    @Test
    void linksMustBeAbsoluteHttp() {
        assertThat(url("//cdn.example.kg/a", FEED)).isEqualTo("https://cdn.example.kg/a");
        assertThat(url("rel/page", "https://news.example.kg")).isEqualTo("https://news.example.kg/rel/page");
        assertThat(url("HTTPS://news.example.kg/A", FEED)).isEqualTo("https://news.example.kg/A");
        assertThat(url("/путь/к статье", FEED)).isEqualTo("https://news.example.kg/путь/к%20статье");
        assertThat(url("  JavaScript:alert(1)", FEED)).isEqualTo(FEED);
        assertThat(url("mailto:editor@news.example.kg", FEED)).isEqualTo(FEED);
        assertThat(url("ftp://news.example.kg/x", FEED)).isEqualTo(FEED);
        assertThat(url("/relative", null)).isNull();
        assertThat(url("/relative", "javascript:void(0)")).isNull();
    }

    @Test
    void hugeTitlesAreBounded() {
        CleanItem item = cleaner.clean(raw("слово ".repeat(10_000), "", "/a"), FEED).orElseThrow();

        assertThat(item.title().length()).isLessThanOrEqualTo(300);
        assertThat(item.title()).endsWith("…");
    }

    private String title(String title) {
        return cleaner.clean(raw(title, "summary", "/a"), FEED).orElseThrow().title();
    }

    private String url(String link, String feedLink) {
        return cleaner.clean(raw("t", "", link), feedLink).orElseThrow().url();
    }

    private static RawItem raw(String title, String description, String link) {
        return new RawItem("g-1", link, title, description, List.of(), AT);
    }

    static List<RawItem> items(String fixture) {
        ParseResult result = new FeedParser().parse(FeedServer.fixture(fixture), "application/rss+xml", AT);
        return ((ParseResult.Parsed) result).items();
    }
}
