package newsbot.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lead images and full texts from real-shaped feeds: parsed by Rome, cleaned into blocks. */
class FullTextParsingTest {

    private static final Instant FETCHED_AT = Instant.parse("2026-11-28T06:00:00Z");

    private final FeedParser parser = new FeedParser();
    private final ArticleCleaner cleaner = new ArticleCleaner(300, List.of());

    @Test
    void yandexFullTextAndImageEnclosure() {
        RawItem item = items("rss-24kg-fulltext.xml", "application/rss+xml").get(0);

        assertThat(item.imageUrl()).isEqualTo("https://24.example.kg/upload/images/2026/11/most.jpg");
        assertThat(item.fullTextHtml()).startsWith("Мост соединил").contains("Движение по мосту");
        assertThat(item.descriptionHtml()).isEqualTo("Мост соединил жилмассивы Ак-Ордо и Арча-Бешик.");

        CleanItem clean = cleaner.clean(item, "https://24.example.kg/").orElseThrow();
        assertThat(clean.imageUrl()).isEqualTo("https://24.example.kg/upload/images/2026/11/most.jpg");
        assertThat(clean.body().blocks()).extracting(FullTextParsingTest::text).containsExactly(
                "Мост соединил жилмассивы Ак-Ордо и Арча-Бешик, сообщили в мэрии Бишкека.",
                "Длина моста — 48 метров, ширина — 12 метров. Строительство обошлось в 96 млн сомов.",
                "«Теперь жителям не придётся делать крюк в пять километров», — сказал мэр столицы.",
                "Движение по мосту открыто с 28 ноября.");
    }

    @Test
    void mediaRssContentAndGroupThumbnail() {
        List<RawItem> items = items("rss-24kg-fulltext.xml", "application/rss+xml");

        assertThat(items.get(1).imageUrl()).isEqualTo("https://24.example.kg/upload/images/2026/11/kurs.png");
        assertThat(items.get(1).fullTextHtml()).isEmpty();
        // An audio enclosure and a video are no lead image; the group's thumbnail is, resolved against the link.
        assertThat(items.get(2).imageUrl()).isEqualTo("/upload/images/2026/11/sneg-thumb.jpg");
        CleanItem weather = cleaner.clean(items.get(2), "https://24.example.kg/").orElseThrow();
        assertThat(weather.imageUrl()).isEqualTo("https://24.example.kg/upload/images/2026/11/sneg-thumb.jpg");
        assertThat(weather.body().isEmpty()).isTrue();
    }

    @Test
    void atomHtmlContentBecomesBlocks() {
        RawItem item = items("atom-fulltext.xml", "application/atom+xml").get(0);
        CleanItem clean = cleaner.clean(item, "https://news.example.kg/").orElseThrow();

        assertThat(clean.summary()).as("the summary still comes from the content")
                .startsWith("Кабинет министров одобрил");
        List<Block> blocks = clean.body().blocks();
        assertThat(blocks).hasSize(6);
        assertThat(blocks.get(0)).isEqualTo(new Block.Paragraph(List.of(new Inline.Text(
                "Кабинет министров одобрил проект республиканского бюджета на 2027 год."))));
        assertThat(blocks.get(1)).isEqualTo(new Block.Heading(List.of(new Inline.Text("Главные цифры"))));
        assertThat(blocks.get(2)).isEqualTo(new Block.Items(Block.ListStyle.BULLETED, List.of(
                List.of(new Inline.Text("Доходы — 420 млрд сомов")),
                List.of(new Inline.Text("Расходы — 455 млрд сомов")))));
        assertThat(blocks.get(3)).isEqualTo(new Block.Image("https://news.example.kg/upload/2026/11/minfin.jpg",
                "Заседание кабмина. Фото пресс-службы"));
        assertThat(blocks.get(4)).isEqualTo(new Block.Quote(List.of(
                new Inline.Text("Бюджет остаётся социально ориентированным"))));
        assertThat(blocks.get(5)).isEqualTo(new Block.Paragraph(List.of(new Inline.Text("Документ направят в "),
                new Inline.Link("Жогорку Кенеш", "https://kenesh.example.kg/"), new Inline.Text("."))));
    }

    @Test
    void bodyRoundTripsThroughTheStoredForm() {
        RawItem item = items("atom-fulltext.xml", "application/atom+xml").get(0);
        ArticleBody body = cleaner.clean(item, "https://news.example.kg/").orElseThrow().body();
        ArticleBodyCodec codec = new ArticleBodyCodec();

        assertThat(codec.decode(codec.encode(body))).isEqualTo(body);
        assertThat(codec.encode(ArticleBody.EMPTY)).isEmpty();
        assertThat(codec.decode("not json")).isEqualTo(ArticleBody.EMPTY);
        assertThat(codec.decode("{\"v\":2,\"b\":[{\"t\":\"table\"},{\"t\":\"p\",\"x\":[[\"kept\"]]}]}").blocks())
                .as("a block kind from a newer version is skipped")
                .containsExactly(new Block.Paragraph(List.of(new Inline.Text("kept"))));
    }

    private List<RawItem> items(String fixture, String contentType) {
        ParseResult result = parser.parse(FeedServer.fixture(fixture), contentType, FETCHED_AT);
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).items();
    }

    static String text(Block block) {
        if (block instanceof Block.Paragraph p) {
            return Inline.plain(p.text());
        }
        if (block instanceof Block.Heading h) {
            return "## " + Inline.plain(h.text());
        }
        if (block instanceof Block.Quote q) {
            return "> " + Inline.plain(q.text());
        }
        if (block instanceof Block.Image image) {
            return "[img " + image.url() + " | " + image.caption() + "]";
        }
        Block.Items list = (Block.Items) block;
        return list.items().stream().map(Inline::plain).map(s -> "- " + s).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
