package newsbot.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedParserTest {

    static final Instant FETCHED_AT = Instant.parse("2026-11-28T06:00:00Z");
    private static final String RSS = "application/rss+xml; charset=utf-8";

    private final FeedParser parser = new FeedParser();

    @Test
    void rss2WithContentEncodedAndCategories() {
        ParseResult.Parsed feed = parsed("rss-obshchestvo.xml", RSS);

        assertThat(feed.feedTitle()).isEqualTo("Новости Кыргызстана — Общество");
        assertThat(feed.feedLink()).isEqualTo("https://news.example.kg/society/");
        assertThat(feed.items()).hasSize(5);
        RawItem first = feed.items().get(0);
        assertThat(first.guid()).isEqualTo("news-kg-184211");
        assertThat(first.link()).isEqualTo("https://news.example.kg/society/2026/11/28/avtobusy-marshruty/");
        assertThat(first.title()).isEqualTo("В Бишкеке с 1 декабря изменятся маршруты трёх автобусов");
        // Rome re-serialises content:encoded: the CDATA's "&nbsp;" comes back as "&#160;".
        assertThat(first.descriptionHtml()).startsWith("<p>Мэрия Бишкека").contains("<b>№&#160;7, 35 и 48</b>");
        assertThat(first.categories()).containsExactly("Общество", "Транспорт");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2026-11-28T05:30:00Z"));
        assertThat(feed.items().get(1).descriptionHtml()).isEqualTo("<p>Бесплатно привиться можно в любой поликлинике по месту жительства.</p>");
    }

    @Test
    void keepsDuplicateItemsForStorageToDedup() {
        ParseResult.Parsed politics = parsed("rss-politika.xml", RSS);
        ParseResult.Parsed economy = parsed("rss-ekonomika.xml", RSS);

        assertThat(politics.items()).hasSize(5);
        assertThat(politics.items().stream().map(RawItem::guid).distinct()).hasSize(4);
        assertThat(economy.items()).extracting(RawItem::guid).contains("news-kg-184198", "news-kg-184210");
    }

    @Test
    void atomWithHtmlTitlesRelativeLinksAndMicroseconds() {
        ParseResult.Parsed feed = parsed("atom-glavnoe.xml", "application/atom+xml");

        assertThat(feed.feedLink()).as("the alternate link, not rel=self").isEqualTo("https://news.example.kg/");
        assertThat(feed.items()).hasSize(3);
        RawItem budget = feed.items().get(0);
        assertThat(budget.guid()).isEqualTo("tag:news.example.kg,2026:184216");
        assertThat(budget.title()).isEqualTo("<b>Правительство</b> одобрило бюджет на 2027 год");
        assertThat(budget.descriptionHtml()).contains("<strong>2,8% ВВП</strong>");
        assertThat(budget.categories()).containsExactly("Политика");
        assertThat(budget.publishedAt()).isEqualTo(Instant.parse("2026-11-28T05:50:00Z"));
        RawItem karakol = feed.items().get(1);
        assertThat(karakol.link()).isEqualTo("/society/2026/11/28/karakol-sezon/");
        assertThat(karakol.descriptionHtml()).isEqualTo("Стоимость ски-пасса осталась прежней.");
        // 09:12:45.250913+06:00: Rome alone would read 250913 ms and land 4 minutes later.
        assertThat(karakol.publishedAt()).isEqualTo(Instant.parse("2026-11-28T03:12:45.250Z"));
        RawItem rate = feed.items().get(2);
        assertThat(rate.publishedAt()).as("updated when not published").isEqualTo(Instant.parse("2026-11-27T15:00:00Z"));
        assertThat(rate.descriptionHtml()).contains("в январе");
    }

    @Test
    void rss10Rdf() {
        ParseResult.Parsed feed = parsed("rdf-glavnoe.rdf", "application/rdf+xml");

        assertThat(feed.items()).hasSize(2);
        RawItem first = feed.items().get(0);
        assertThat(first.guid()).isEqualTo("https://news.example.kg/society/2026/11/28/avtobusy-marshruty/");
        assertThat(first.title()).isEqualTo("В Бишкеке с 1 декабря изменятся маршруты трёх автобусов");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2026-11-28T05:30:00Z"));
    }

    @Test
    void rss091WithoutDoctype() {
        ParseResult.Parsed feed = parsed("rss-091.xml", "text/xml");

        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("Аэропорт «Манас» переходит на зимнее расписание");
            assertThat(item.guid()).as("Rome fills the uri from the link").isEqualTo(item.link());
            assertThat(item.publishedAt()).isEqualTo(FETCHED_AT);
        });
    }

    @Test
    void rss091WithTheNetscapeDoctypeParses() {
        ParseResult.Parsed feed = parsed("rss-091-netscape-doctype.xml", "text/xml");
        assertThat(feed.feedTitle()).isEqualTo("Старая лента с DOCTYPE");
        assertThat(feed.items()).isNotEmpty().allSatisfy(item -> assertThat(item.title()).isNotBlank());
    }

    @Test
    void aSingleInternalEntityDeclarationIsRefusedToo() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [ <!ENTITY site \"x\"> ]>\n"
                + "<rss version=\"2.0\"><channel><title>&site;</title><link>https://a.kg/</link>"
                + "<description>d</description></channel></rss>";
        ParseResult result = parser.parse(xml.getBytes(StandardCharsets.UTF_8), RSS, FETCHED_AT);
        assertThat(result).isInstanceOf(ParseResult.Failed.class);
        assertThat(((ParseResult.Failed) result).error().describe()).contains("DOCTYPE with entity declarations");
    }

    @Test
    void datesOddMissingAndInTheFuture() {
        List<RawItem> items = parsed("rss-sport.xml", RSS).items();

        assertThat(items).extracting(RawItem::publishedAt).containsExactly(
                Instant.parse("2026-11-28T04:00:00Z"),
                Instant.parse("2026-11-28T03:30:00Z"),
                Instant.parse("2026-11-27T15:00:00Z"),
                Instant.parse("2026-11-27T10:15:30.492Z"),
                Instant.parse("2026-11-27T10:20:05.123Z"),
                FETCHED_AT, // 30 Dec 2026 is after the fetch: clamped
                FETCHED_AT, // "вчера, 18:40"
                FETCHED_AT, // no date
                Instant.parse("2026-11-25T06:00:00Z"));
    }

    @Test
    void cp1251DeclaredInTheProlog() {
        ParseResult.Parsed feed = parsed("rss-cp1251.xml", "text/xml");

        assertCp1251Decoded(feed);
    }

    @Test
    void cp1251DeclaredOnlyInTheHeader() {
        byte[] body = withoutPrologEncoding(FeedServer.fixture("rss-cp1251.xml"));

        assertCp1251Decoded(parsed(body, "text/xml; charset=windows-1251"));
    }

    @Test
    void cp1251DeclaredNowhereIsRecognisedByItsInvalidUtf8() {
        byte[] body = withoutPrologEncoding(FeedServer.fixture("rss-cp1251.xml"));

        assertCp1251Decoded(parsed(body, "application/rss+xml"));
        assertCp1251Decoded(parsed(body, null));
    }

    @Test
    void utf8WithoutAnyDeclarationStaysUtf8() {
        byte[] body = withoutPrologEncoding(FeedServer.fixture("rss-obshchestvo.xml"));

        assertThat(parsed(body, "text/xml").feedTitle()).isEqualTo("Новости Кыргызстана — Общество");
    }

    @Test
    void truncatedXmlIsMalformed() {
        assertThat(error("truncated.xml", RSS)).isInstanceOf(FeedError.Malformed.class);
    }

    @Test
    void anHtmlPageIsNotAFeed() {
        assertThat(error("page.html", "text/html; charset=utf-8")).isEqualTo(new FeedError.NotAFeed("an HTML page"));
        // Without the doctype Rome itself rejects it, with IllegalArgumentException rather than FeedException.
        byte[] bare = "<html><body><p>Лента переехала</p></body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] xmlPrefixed = ("<?xml version=\"1.0\"?>\n<page><p>не RSS</p></page>").getBytes(StandardCharsets.UTF_8);
        assertThat(error(bare, "text/html")).isInstanceOf(FeedError.NotAFeed.class);
        assertThat(error(xmlPrefixed, "application/xml")).isEqualTo(new FeedError.NotAFeed("neither RSS nor Atom"));
    }

    @Test
    void externalEntitiesAreNeverResolved(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-4f1c9a");
        String xml = new String(FeedServer.fixture("xxe.xml"), StandardCharsets.UTF_8)
                .replace("SECRET_FILE_URI", secret.toUri().toString());

        ParseResult result = parser.parse(xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml", FETCHED_AT);

        assertThat(result).isInstanceOf(ParseResult.Failed.class);
        FeedError error = ((ParseResult.Failed) result).error();
        assertThat(error).isInstanceOf(FeedError.Malformed.class);
        assertThat(error.describe()).contains("DOCTYPE").doesNotContain("TOP-SECRET");
        assertThat(result.toString()).doesNotContain("TOP-SECRET");
    }

    @Test
    void billionLaughsFailsFast() {
        long started = System.nanoTime();

        assertThat(error("billion-laughs.xml", RSS)).isInstanceOf(FeedError.Malformed.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void garbageNeverThrows() {
        byte[][] bodies = {new byte[0], {1, 2, 3, (byte) 0x8b, 0}, "{\"items\": []}".getBytes(StandardCharsets.UTF_8),
                "<rss version=\"2.0\"><channel><item><title>x</title></item></channel>".getBytes(StandardCharsets.UTF_8)};
        for (byte[] body : bodies) {
            assertThat(parser.parse(body, "text/xml", FETCHED_AT)).isInstanceOf(ParseResult.Failed.class);
        }
        // Rome's lenient reader falls back to the prolog/UTF-8 for an unknown charset name instead of failing.
        assertThat(parser.parse(FeedServer.fixture("rss-sport.xml"), "text/xml; charset=no-such-charset", FETCHED_AT))
                .isInstanceOf(ParseResult.Parsed.class);
    }

    @Test
    void deepNestingIsRefusedBeforeJdomSpendsMinutesOnIt() {
        String nested = "<rss version=\"2.0\"><channel><title>t</title>" + "<a>".repeat(200_000) + "</a>".repeat(200_000)
                + "</channel></rss>";
        long started = System.nanoTime();

        assertThat(error(nested.getBytes(StandardCharsets.UTF_8), RSS)).isInstanceOf(FeedError.Malformed.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        // HTML in CDATA is text, not nesting.
        String cdata = "<rss version=\"2.0\"><channel><title>t</title><item><title>x</title><description><![CDATA["
                + "<br><p>".repeat(500) + "]]></description></item></channel></rss>";
        assertThat(parsed(cdata.getBytes(StandardCharsets.UTF_8), RSS).items()).hasSize(1);
    }

    @Test
    void twoThousandItemsAllParse() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>Архив</title><link>https://news.example.kg/</link><description>d</description>");
        for (int i = 0; i < 2000; i++) {
            xml.append("<item><title>Новость номер ").append(i).append("</title><link>https://news.example.kg/a/")
                    .append(i).append("/</link><guid isPermaLink=\"false\">id-").append(i)
                    .append("</guid><pubDate>Fri, 27 Nov 2026 10:00:00 +0600</pubDate><description>&lt;p&gt;Текст ")
                    .append(i).append("&lt;/p&gt;</description></item>");
        }
        xml.append("</channel></rss>");
        // how fast is IngestBenchmark's question; a timed assertion here only measures the machine's load
        ParseResult.Parsed feed = parsed(xml.toString().getBytes(StandardCharsets.UTF_8), RSS);

        assertThat(feed.items()).hasSize(2000);
        assertThat(feed.items().get(1999).guid()).isEqualTo("id-1999");
    }

    private static void assertCp1251Decoded(ParseResult.Parsed feed) {
        assertThat(feed.feedTitle()).isEqualTo("Вечерний Ош — Новости региона");
        assertThat(feed.items()).extracting(RawItem::title).containsExactly(
                "В Оше завершили реконструкцию моста через Ак-Буру", "Базар «Жайма» переходит на безналичную оплату");
        assertThat(feed.items().get(1).descriptionHtml()).contains("Ёлочные базары — с 20 декабря");
        assertThat(feed.items().get(1).categories()).containsExactly("Экономика");
    }

    private static byte[] withoutPrologEncoding(byte[] body) {
        String latin1 = new String(body, StandardCharsets.ISO_8859_1);
        String stripped = latin1.replaceFirst("<\\?xml[^>]*\\?>", "<?xml version=\"1.0\"?>");
        assertThat(stripped).isNotEqualTo(latin1);
        return stripped.getBytes(StandardCharsets.ISO_8859_1);
    }

    private ParseResult.Parsed parsed(String fixture, String contentType) {
        return parsed(FeedServer.fixture(fixture), contentType);
    }

    private ParseResult.Parsed parsed(byte[] body, String contentType) {
        ParseResult result = parser.parse(body, contentType, FETCHED_AT);
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return (ParseResult.Parsed) result;
    }

    private FeedError error(String fixture, String contentType) {
        return error(FeedServer.fixture(fixture), contentType);
    }

    private FeedError error(byte[] body, String contentType) {
        ParseResult result = parser.parse(body, contentType, FETCHED_AT);
        assertThat(result).isInstanceOf(ParseResult.Failed.class);
        return ((ParseResult.Failed) result).error();
    }
}
