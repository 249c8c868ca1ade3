package newsbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleTextsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");

    @TempDir
    Path dir;

    private Database db;
    private final Articles articles = new Articles();
    private final ArticleTexts texts = new ArticleTexts();

    @BeforeEach
    void open() {
        db = newsbot.testing.TestDatabases.open(dir.resolve("t.db"));
    }

    private long article(Handle h, String key) {
        return articles.insertIfNew(h, new NewArticle("f", key, "https://x.example/" + key, "Title " + key, "", null,
                NOW, NOW, false)).orElseThrow();
    }

    @Test
    void aFeedsFullTextNeedsNoPageAndASummaryWantsOne() {
        long full = db.inTransaction(h -> article(h, "full"));
        long summary = db.inTransaction(h -> article(h, "summary"));
        db.useTransaction(h -> {
            texts.insert(h, full, "https://x.example/full.jpg", "{\"v\":1}");
            texts.insert(h, summary, "https://x.example/pic.jpg", "");
        });

        ArticleText stored = db.withHandle(h -> texts.find(h, full)).orElseThrow();
        assertThat(stored.image()).contains("https://x.example/full.jpg");
        assertThat(stored.body()).isEqualTo("{\"v\":1}");
        assertThat(stored.pageState()).isEqualTo(PageState.NOT_NEEDED);
        assertThat(stored.pageDue(NOW)).isFalse();
        ArticleText wanted = db.withHandle(h -> texts.find(h, summary)).orElseThrow();
        assertThat(wanted.pageState()).isEqualTo(PageState.WANTED);
        assertThat(wanted.pageDue(NOW)).isTrue();
    }

    @Test
    void aFailedPageIsDueAgainOnlyAfterItsTimeAndIsStoredOnce() {
        long id = db.inTransaction(h -> article(h, "a"));
        db.useTransaction(h -> texts.insert(h, id, null, ""));

        db.useTransaction(h -> texts.pageFailed(h, id, NOW.plus(Duration.ofMinutes(5))));
        ArticleText failed = db.withHandle(h -> texts.find(h, id)).orElseThrow();
        assertThat(failed.pageState()).isEqualTo(PageState.FAILED);
        assertThat(failed.pageAttempts()).isEqualTo(1);
        assertThat(failed.pageDue(NOW)).isFalse();
        assertThat(failed.pageDue(NOW.plus(Duration.ofMinutes(5)))).isTrue();

        boolean first = db.inTransaction(h -> texts.pageFetched(h, id, "https://x.example/og.jpg", "{\"v\":1}"));
        boolean second = db.inTransaction(h -> texts.pageFetched(h, id, "https://x.example/other.jpg", ""));
        assertThat(first).isTrue();
        assertThat(second).as("a second fetch of the same page changes nothing").isFalse();
        ArticleText fetched = db.withHandle(h -> texts.find(h, id)).orElseThrow();
        assertThat(fetched.pageState()).isEqualTo(PageState.FETCHED);
        assertThat(fetched.image()).contains("https://x.example/og.jpg");
        assertThat(fetched.pageAttempts()).isEqualTo(2);
        assertThat(fetched.retryAt()).isNull();
    }

    @Test
    void thePagesPictureNeverReplacesTheFeeds() {
        long id = db.inTransaction(h -> article(h, "a"));
        db.useTransaction(h -> texts.insert(h, id, "https://x.example/feed.jpg", ""));
        db.useTransaction(h -> texts.pageFetched(h, id, "https://x.example/og.jpg", "{}"));

        assertThat(db.withHandle(h -> texts.find(h, id)).orElseThrow().image()).contains("https://x.example/feed.jpg");
    }

    @Test
    void textsGoWithTheirArticle() {
        long id = db.inTransaction(h -> article(h, "old"));
        db.useTransaction(h -> texts.insert(h, id, null, "{}"));

        db.useTransaction(h -> articles.deleteFetchedBefore(h, NOW.plusSeconds(1), 10));

        java.util.Optional<ArticleText> gone = db.withHandle(h -> texts.find(h, id));
        assertThat(gone).isEmpty();
    }
}
