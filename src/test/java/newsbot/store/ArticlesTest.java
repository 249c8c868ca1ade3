package newsbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticlesTest {

    private static final Instant NOW = Instant.parse("2026-03-07T12:00:00Z");

    @TempDir
    Path dir;

    private Database db;
    private final Articles articles = new Articles();

    @BeforeEach
    void open() {
        db = newsbot.testing.TestDatabases.open(dir.resolve("a.db"));
    }

    private long insert(Handle h, String title, String summary, Instant published, String... categories) {
        long id = articles.insertIfNew(h, new NewArticle("f", title + published, "https://x.example/a", title, summary,
                categories.length == 0 ? null : categories[0], published, published, false)).orElseThrow();
        for (String c : categories) {
            h.execute("INSERT INTO article_categories (article_id, category) VALUES (?, ?)", id, c);
        }
        return id;
    }

    private void delivered(Handle h, long chat, String kind, long ref, String state) {
        h.execute("INSERT INTO deliveries (chat_id, kind, ref_id, part, text, priority, state, not_before, created_at) "
                + "VALUES (?, ?, ?, 0, 'x', 1, ?, 0, 0)", chat, kind, ref, state);
    }

    @Test
    void searchRanksGoodMatchesAndFreshnessTogether() {
        db.useTransaction(h -> {
            insert(h, "Парламент принял бюджет", "", NOW.minus(Duration.ofDays(3)), "politics");
            insert(h, "Парламент принял бюджет", "", NOW.minus(Duration.ofHours(1)), "politics");
            insert(h, "Новости спорта", "В парламенте обсудили стадион", NOW, "sport");
            insert(h, "Central Bank raises the key rate", "Inflation", NOW, "economy");
        });
        List<ArticleRow> found = db.withHandle(h -> articles.search(h, FtsQuery.of("парламент").orElseThrow(), NOW, 10));
        assertThat(found).extracting(ArticleRow::title)
                .containsExactly("Парламент принял бюджет", "Парламент принял бюджет", "Новости спорта");
        assertThat(found.get(0).publishedAt()).isEqualTo(NOW.minus(Duration.ofHours(1)));
        List<ArticleRow> english = db.withHandle(h -> articles.search(h, FtsQuery.of("KEY rate").orElseThrow(), NOW, 10));
        assertThat(english).extracting(ArticleRow::category).containsExactly("economy");
    }

    @Test
    void anySanitisedQueryRunsWithoutError() {
        db.useTransaction(h -> insert(h, "Закон о \"СМИ\" (поправки)", "NEAR AND OR NOT *", NOW, "politics"));
        Random random = new Random(7);
        String alphabet = "\"'*-+()^:{}[],.;NEARORANDNOT аяёЙжЖ ωé😀\u0000\\%_";
        int[] queries = {0};
        int[] matched = {0};
        db.withHandle(h -> {
            for (int i = 0; i < 2000; i++) {
                StringBuilder q = new StringBuilder();
                for (int n = random.nextInt(20); n > 0; n--) {
                    q.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                String text = q.toString();
                FtsQuery.of(text).ifPresent(match -> {
                    queries[0]++;
                    assertThatCode(() -> {
                        if (!articles.search(h, match, NOW, 10).isEmpty()) {
                            matched[0]++;
                        }
                    }).as(text).doesNotThrowAnyException();
                });
            }
            return null;
        });
        // A sanitiser that gave up on everything (always empty) would pass the loop above without running a query.
        assertThat(queries[0]).as("inputs that made a query (1791 of 2000 today)").isGreaterThan(1500);
        assertThat(matched[0]).isPositive();
    }

    @Test
    void latestIsNewestFirstOverallOrThroughTheCategoryIndex() {
        db.useTransaction(h -> {
            insert(h, "a", "", NOW.minusSeconds(30), "economy");
            insert(h, "b", "", NOW.minusSeconds(20), "politics", "economy");
            insert(h, "c", "", NOW.minusSeconds(10));
        });
        List<ArticleRow> latest = db.withHandle(h -> articles.latest(h, null, 10));
        assertThat(latest).extracting(ArticleRow::title, ArticleRow::category)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("c", ""),
                        org.assertj.core.groups.Tuple.tuple("b", "politics"),
                        org.assertj.core.groups.Tuple.tuple("a", "economy"));
        List<ArticleRow> economy = db.withHandle(h -> articles.latest(h, "economy", 1));
        assertThat(economy).extracting(ArticleRow::title)
                .containsExactly("b");
    }
}
