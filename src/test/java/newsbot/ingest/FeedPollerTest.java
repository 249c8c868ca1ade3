package newsbot.ingest;

import static newsbot.ingest.IngestFixture.INTERVAL;
import static newsbot.ingest.IngestFixture.NOW;
import static newsbot.ingest.IngestFixture.RSS;
import static newsbot.ingest.IngestFixture.feed;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsbot.feed.FeedRoute;
import newsbot.feed.FeedServer;
import newsbot.store.FeedState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedPollerTest {

    @TempDir
    Path dir;
    private IngestFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new IngestFixture(dir);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void newArticlesAreStoredOnceAcrossPolls() {
        f.server.serveFixture("/politics.xml", "rss-politika.xml");
        FeedPoller poller = f.poller(f.config(List.of(feed("politics", f.server.url("/politics.xml"), null)), Set.of()));

        assertThat(poller.pollDue()).isEqualTo(4); // five items, one repeated in the same document
        f.server.serveFixture("/politics.xml", "rss-politika.xml"); // a new version: 200 again, not 304
        f.clock.advance(INTERVAL);

        assertThat(poller.pollDue()).isZero();
        assertThat(f.server.requests("/politics.xml")).hasSize(2);
        assertThat(f.count("SELECT COUNT(*) FROM articles")).isEqualTo(4);
        assertThat(f.article("Жогорку Кенеш принял во втором чтении поправки в Налоговый кодекс"))
                .containsEntry("summary", "За законопроект проголосовали 71 депутат.") // the first of the repeats
                .containsEntry("category", "politics")
                .containsEntry("feed_id", "politics");
        FeedState state = f.state("politics");
        assertThat(state.itemsSeen()).isEqualTo(5);
        assertThat(state.lastStatus()).isEqualTo(200);
        assertThat(state.initialized()).isTrue();
        assertThat(state.failures()).isZero();
        assertThat(state.lastSuccessAt()).isEqualTo(NOW.plus(INTERVAL));
        assertThat(state.nextFetchAt()).isEqualTo(NOW.plus(INTERVAL).plus(INTERVAL));
        // Searchable through the triggers.
        assertThat(f.ftsCount("кенеш")).isEqualTo(2);
    }

    @Test
    void leadImagesAndFullTextsAreStoredWithTheArticles() {
        f.server.serveFixture("/24kg.xml", "rss-24kg-fulltext.xml");
        FeedPoller poller = f.poller(f.config(List.of(feed("kg", f.server.url("/24kg.xml"), null)), Set.of()));

        assertThat(poller.pollDue()).isEqualTo(3);

        List<Map<String, Object>> texts = f.rows("SELECT a.title, t.image_url, t.body, t.page_state "
                + "FROM article_texts t JOIN articles a ON a.id = t.article_id ORDER BY a.published_at DESC");
        assertThat(texts).extracting(r -> r.get("image_url")).containsExactly(
                "https://24.example.kg/upload/images/2026/11/most.jpg",
                "https://24.example.kg/upload/images/2026/11/kurs.png",
                "https://24.example.kg/upload/images/2026/11/sneg-thumb.jpg");
        assertThat(texts).extracting(r -> r.get("page_state")).containsExactly("NOT_NEEDED", "WANTED", "WANTED");
        assertThat((String) texts.get(0).get("body")).contains("Длина моста — 48 метров");
        assertThat(texts.get(1).get("body")).isEqualTo("");
    }

    @Test
    void anArticleInTwoFeedsIsStoredOnceAndIndexedUnderBothCategories() {
        f.server.serveFixture("/politics.xml", "rss-politika.xml");
        f.server.serveFixture("/economy.xml", "rss-ekonomika.xml");
        FeedPoller poller = f.poller(f.config(List.of(feed("politics", f.server.url("/politics.xml"), "politics"),
                feed("economy", f.server.url("/economy.xml"), "economy")), Set.of()));

        assertThat(poller.pollDue()).isEqualTo(4 + 5 - 2);

        String shared = "Кабмин утвердил план по снижению тарифов на электроэнергию для малого бизнеса";
        assertThat(f.article(shared)).containsEntry("category", "politics").containsEntry("feed_id", "politics");
        assertThat(f.categoriesOf(shared)).containsExactly("economy", "politics");
        assertThat(f.categoriesOf("Экспорт золота за десять месяцев вырос на 14%")).containsExactly("economy");
        assertThat(f.count("SELECT COUNT(*) FROM article_categories WHERE category = 'economy'")).isEqualTo(5);
    }

    @Test
    void categoriesComeFromTheFeedElseFromItemCategoriesElseNone() {
        byte[] body = new Rss()
                .item("c1", "Первая", NOW.minusSeconds(60), "Транспорт", "Общество")
                .item("c2", "Вторая", NOW.minusSeconds(120), "ЭКОНОМИКА")
                .item("c3", "Третья", NOW.minusSeconds(180), "бизнес")
                .item("c4", "Четвёртая", NOW.minusSeconds(240), "SPORT")
                .item("c5", "Пятая", NOW.minusSeconds(300), "Погода")
                .item("c6", "Шестая", NOW.minusSeconds(360))
                .bytes();
        f.server.serve("/mixed.xml", body, RSS);
        f.server.serve("/fixed.xml", new Rss().item("w1", "Седьмая", NOW, "Спорт").bytes(), RSS);
        FeedPoller poller = f.poller(f.config(List.of(feed("mixed", f.server.url("/mixed.xml"), null),
                feed("fixed", f.server.url("/fixed.xml"), "world")), Set.of()));

        poller.pollDue();

        assertThat(f.article("Первая")).containsEntry("category", "society");
        assertThat(f.article("Вторая")).containsEntry("category", "economy");
        assertThat(f.article("Третья")).containsEntry("category", "economy");
        assertThat(f.article("Четвёртая")).containsEntry("category", "sport");
        assertThat(f.article("Пятая")).containsEntry("category", null);
        assertThat(f.article("Шестая")).containsEntry("category", null);
        assertThat(f.article("Седьмая")).containsEntry("category", "world");
        assertThat(f.categoriesOf("Пятая")).isEmpty();
        assertThat(f.categoriesOf("Первая")).containsExactly("society");
    }

    @Test
    void breakingByFeedAndByMarkerWithTheMarkerStripped() {
        f.server.serveFixture("/incidents.xml", "rss-proisshestviya.xml");
        f.server.serveFixture("/sport.xml", "rss-sport.xml");
        FeedPoller poller = f.poller(f.config(List.of(feed("incidents", f.server.url("/incidents.xml"), "incidents"),
                feed("sport", f.server.url("/sport.xml"), "sport")), Set.of("sport")));

        poller.pollDue();

        assertThat(f.article("Землетрясение магнитудой 5,1 ощутили жители Бишкека")).containsEntry("breaking", 1);
        assertThat(f.article("В Оше загорелся торговый центр")).containsEntry("breaking", 1);
        assertThat(f.article("Паводок в Жалал-Абадской области")).containsEntry("breaking", 1);
        assertThat(f.article("Avalanche closes Bishkek–Osh highway")).containsEntry("breaking", 1);
        assertThat(f.article("Срочное совещание провели в мэрии после ДТП на Южной магистрали"))
                .containsEntry("breaking", 0);
        assertThat(f.count("SELECT COUNT(*) FROM articles WHERE title LIKE '%СРОЧНО%' OR title LIKE '%BREAKING%'"))
                .isZero();
        assertThat(f.count("SELECT COUNT(*) FROM articles WHERE feed_id = 'sport' AND breaking = 0")).isZero();
        assertThat(f.count("SELECT COUNT(*) FROM articles WHERE feed_id = 'sport'")).isEqualTo(9);
    }

    @Test
    void theFirstRunPushesNothingAndANewBreakingItemIsPushedOnce() {
        Rss first = new Rss().item("b1", "СРОЧНО: старая новость", NOW.minusSeconds(600), "Происшествия");
        f.server.serve("/incidents.xml", first.bytes(), RSS);
        FeedPoller poller = f.poller(f.config(List.of(feed("incidents", f.server.url("/incidents.xml"), null)), Set.of()));

        assertThat(poller.pollDue()).isEqualTo(1);
        assertThat(f.fanned).isEmpty();
        assertThat(f.article("старая новость")).containsEntry("breaking", 1);

        f.clock.advance(INTERVAL);
        Instant fresh = f.clock.instant().minusSeconds(30);
        first.item("b2", "⚡ Новая срочная новость", fresh, "Происшествия")
                .item("b3", "Обычная новость", fresh, "Происшествия")
                .item("b4", "СРОЧНО: вчерашнее, всплывшее только сейчас", NOW.minus(Duration.ofDays(1)), "Происшествия");
        f.server.serve("/incidents.xml", first.bytes(), RSS);
        assertThat(poller.pollDue()).isEqualTo(3);

        assertThat(f.fanned).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("Новая срочная новость");
            assertThat(a.category()).isEqualTo("incidents");
            assertThat(a.categories()).containsExactly("incidents");
            assertThat(a.url()).isEqualTo("https://news.example.kg/a/b2/");
            assertThat(a.id()).isEqualTo(((Number) f.article("Новая срочная новость").get("id")).longValue());
        });

        f.clock.advance(INTERVAL);
        f.server.serve("/incidents.xml", first.bytes(), RSS); // the same items again, as a new version
        poller.pollDue();
        assertThat(f.fanned).hasSize(1);
    }

    @Test
    void anArticleBecomesBreakingWhenABreakingFeedRepeatsIt() {
        Rss category = new Rss().item("x1", "Тихая новость", NOW.minusSeconds(60), "Происшествия");
        f.server.serve("/incidents.xml", category.bytes(), RSS);
        f.server.serve("/urgent.xml", new Rss().bytes(), RSS);
        FeedPoller poller = f.poller(f.config(List.of(feed("incidents", f.server.url("/incidents.xml"), "incidents"),
                feed("urgent", f.server.url("/urgent.xml"), null)), Set.of("urgent")));
        poller.pollDue(); // both feeds initialized

        f.clock.advance(INTERVAL);
        category.item("x2", "Громкая новость", NOW, "Происшествия");
        f.server.serve("/incidents.xml", category.bytes(), RSS);
        f.server.serve("/urgent.xml", new Rss().item("x2", "Громкая новость", NOW).bytes(), RSS);
        poller.pollDue();

        assertThat(f.article("Громкая новость")).containsEntry("breaking", 1).containsEntry("feed_id", "incidents");
        assertThat(f.fanned).singleElement().satisfies(a -> assertThat(a.categories()).containsExactly("incidents"));
    }

    @Test
    void aNotModifiedCycleParsesNothingAndOnlyMovesHealth() {
        f.server.serveFixture("/etag.xml", "rss-politika.xml");
        f.server.serve("/lm.xml", FeedRoute.ok(FeedServer.fixture("rss-ekonomika.xml"), RSS).withValidators(false, true));
        FeedPoller poller = f.poller(f.config(List.of(feed("etag", f.server.url("/etag.xml"), "politics"),
                feed("lm", f.server.url("/lm.xml"), "economy")), Set.of()));
        poller.pollDue();
        long articles = f.count("SELECT COUNT(*) FROM articles");

        f.clock.advance(INTERVAL);
        assertThat(poller.pollDue()).isZero();

        assertThat(f.server.requests("/etag.xml").get(1).header("If-None-Match")).isNotNull();
        assertThat(f.server.requests("/lm.xml").get(1).header("If-Modified-Since"))
                .isEqualTo(f.server.lastModified("/lm.xml"));
        for (String id : List.of("etag", "lm")) {
            FeedState state = f.state(id);
            assertThat(state.lastStatus()).isEqualTo(304);
            assertThat(state.lastSuccessAt()).isEqualTo(NOW.plus(INTERVAL));
            assertThat(state.nextFetchAt()).isEqualTo(NOW.plus(INTERVAL).plus(INTERVAL));
        }
        assertThat(f.state("etag").itemsSeen()).isEqualTo(5);
        assertThat(f.count("SELECT COUNT(*) FROM articles")).isEqualTo(articles);
    }

    @Test
    void onlyDueFeedsArePolledAndRemovedFeedsAreNot() {
        f.server.serveFixture("/a.xml", "rss-politika.xml");
        f.server.serveFixture("/b.xml", "rss-sport.xml");
        f.poller(f.config(List.of(feed("a", f.server.url("/a.xml"), null), feed("b", f.server.url("/b.xml"), null)),
                Set.of())).pollDue();
        // Restart without feed b: its row stays, but it is not polled.
        FeedPoller poller = f.poller(f.config(List.of(feed("a", f.server.url("/a.xml"), null)), Set.of()));

        f.clock.advance(INTERVAL.minusSeconds(1));
        poller.pollDue();
        assertThat(f.server.requests()).hasSize(2);
        f.clock.advance(Duration.ofSeconds(1));
        poller.pollDue();

        assertThat(f.server.requests("/a.xml")).hasSize(2);
        assertThat(f.server.requests("/b.xml")).hasSize(1);
        assertThat(f.state("b").lastAttemptAt()).isEqualTo(NOW);
    }

    @Test
    void aChangedUrlStartsTheFeedAfresh() {
        f.server.serveFixture("/old.xml", "rss-politika.xml");
        f.server.serveFixture("/new.xml", "rss-proisshestviya.xml");
        f.poller(f.config(List.of(feed("main", f.server.url("/old.xml"), null)), Set.of())).pollDue();
        assertThat(f.state("main").initialized()).isTrue();

        FeedPoller poller = f.poller(f.config(List.of(feed("main", f.server.url("/new.xml"), null)), Set.of("main")));
        poller.syncFeeds();
        FeedState moved = f.state("main");
        assertThat(moved.url()).isEqualTo(f.server.url("/new.xml"));
        assertThat(moved.initialized()).isFalse();
        assertThat(moved.etag()).isNull();
        poller.pollDue();

        // A breaking feed moved to a new address: what it already holds is not news.
        assertThat(f.server.requests("/new.xml").get(0).header("If-None-Match")).isNull();
        assertThat(f.fanned).isEmpty();
        assertThat(f.count("SELECT COUNT(*) FROM articles WHERE feed_id = 'main'")).isEqualTo(4 + 6);
    }

    @Test
    void itemsWithoutGuidLinkOrDateAreNotStoredAgainOnTheNextFetch() {
        byte[] body = new Rss().item(null, "Без ссылки и даты", null).item(null, "Без ссылки", NOW.minusSeconds(60))
                .bytes();
        f.server.serve("/bare.xml", body, RSS);
        FeedPoller poller = f.poller(f.config(List.of(feed("bare", f.server.url("/bare.xml"), "world")), Set.of()));
        assertThat(poller.pollDue()).isEqualTo(2);

        f.clock.advance(INTERVAL);
        f.server.serve("/bare.xml", body, RSS);

        assertThat(poller.pollDue()).isZero();
        assertThat(f.article("Без ссылки и даты")).containsEntry("published_at", NOW.toEpochMilli());
    }
}
