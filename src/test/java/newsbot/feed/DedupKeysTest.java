package newsbot.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DedupKeysTest {

    private static final Instant AT = Instant.parse("2026-11-28T05:00:00Z");

    @Test
    void guidWinsAndIsKeptVerbatim() {
        assertThat(DedupKeys.of(item(" news-kg-1 ", "https://a.kg/x", false))).isEqualTo("g:news-kg-1");
        assertThat(DedupKeys.of(item("HTTPS://A.kg/x#1", null, false))).isEqualTo("g:HTTPS://A.kg/x#1");
        assertThat(DedupKeys.of(item("https://a.kg/other", "https://a.kg/x", false))).isEqualTo("g:https://a.kg/other");
    }

    @Test
    void aGuidThatIsTheLinkCountsAsTheLink() {
        // Rome sets the guid to the link when an item has none; the same article with other tracking is one key.
        assertThat(DedupKeys.of(item("https://a.kg/x?utm_source=rss", "https://a.kg/x?utm_source=rss", false)))
                .isEqualTo(DedupKeys.of(item(null, "https://A.kg/x?utm_source=tg", false)))
                .isEqualTo("u:https://a.kg/x");
    }

    @Test
    void withoutGuidTheCanonicalLink() {
        assertThat(DedupKeys.of(item(null, "HTTPS://News.Example.KG:443/a?utm_source=rss#top", false)))
                .isEqualTo("u:https://news.example.kg/a");
        assertThat(DedupKeys.of(item("  ", "https://news.example.kg/a", false))).isEqualTo("u:https://news.example.kg/a");
    }

    @Test
    void withNeitherAHashOfTitleAndDate() {
        CleanItem a = new CleanItem("Заголовок", "", "https://news.example.kg/", false, List.of(), AT, null, true);
        CleanItem sameTitleLater = new CleanItem("Заголовок", "", "https://news.example.kg/", false, List.of(),
                AT.plusSeconds(60), null, true);

        assertThat(DedupKeys.of(a)).startsWith("h:").hasSize(2 + 64).isNotEqualTo(DedupKeys.of(sameTitleLater));
        assertThat(DedupKeys.of(a)).isEqualTo(DedupKeys.of(a));
        // The feed link standing in for a missing item link must not make all such items one article.
        assertThat(DedupKeys.of(a)).doesNotStartWith("u:");
        CleanItem noUrl = new CleanItem("Заголовок", "", null, false, List.of(), AT, null);
        assertThat(DedupKeys.of(noUrl)).isEqualTo(DedupKeys.of(a));
    }

    @Test
    void canonicalLinks() {
        assertThat(DedupKeys.canonicalLink("HTTP://News.Example.KG:80/Path/?b=2&utm_medium=x&a=1&fbclid=Z&gclid=1"
                + "&yclid=2&_openstat=3&from=tg&ref=main&UTM_CAMPAIGN=q#frag"))
                .isEqualTo("http://news.example.kg/Path/?b=2&a=1");
        assertThat(DedupKeys.canonicalLink("https://news.example.kg:8443/a")).isEqualTo("https://news.example.kg:8443/a");
        assertThat(DedupKeys.canonicalLink("https://news.example.kg")).isEqualTo("https://news.example.kg/");
        assertThat(DedupKeys.canonicalLink("https://news.example.kg/a?id=5&&ref=x")).isEqualTo("https://news.example.kg/a?id=5");
        assertThat(DedupKeys.canonicalLink("https://news.example.kg/a?utm_source=x")).isEqualTo("https://news.example.kg/a");
        assertThat(DedupKeys.canonicalLink("https://news.example.kg/a?referrer=x&fromage=1"))
                .isEqualTo("https://news.example.kg/a?referrer=x&fromage=1");
        assertThat(DedupKeys.canonicalLink(" not a link ")).isEqualTo("not a link");
    }

    @Test
    void theSameArticleInTwoFeedsHasOneKey() {
        ArticleCleaner cleaner = new ArticleCleaner(300, List.of("СРОЧНО"));
        List<String> politics = keys(cleaner, "rss-politika.xml", "https://news.example.kg/politics/");
        List<String> economy = keys(cleaner, "rss-ekonomika.xml", "https://news.example.kg/economy/");

        assertThat(politics).hasSize(5).containsOnlyOnce("g:news-kg-184198");
        assertThat(politics.stream().distinct()).hasSize(4);
        assertThat(Stream.concat(politics.stream(), economy.stream()).distinct()).hasSize(7);
    }

    @Test
    void itemsWithoutGuidOrLinkInTheHostileFeedGetDistinctKeys() {
        ArticleCleaner cleaner = new ArticleCleaner(300, List.of());
        List<String> keys = keys(cleaner, "rss-v-mire.xml", "https://news.example.kg/world/");

        assertThat(keys).doesNotHaveDuplicates()
                .contains("u:https://news.example.kg/world/2026/11/27/migranty/?id=55")
                .anySatisfy(key -> assertThat(key).startsWith("h:"));
    }

    private static List<String> keys(ArticleCleaner cleaner, String fixture, String feedLink) {
        return ArticleCleanerTest.items(fixture).stream()
                .flatMap(item -> cleaner.clean(item, feedLink).stream())
                .map(DedupKeys::of)
                .toList();
    }

    private static CleanItem item(String guid, String url, boolean urlIsFeedLink) {
        return new CleanItem("t", "", url, false, List.of(), AT, guid, urlIsFeedLink);
    }
}
