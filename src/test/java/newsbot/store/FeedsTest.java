package newsbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedsTest {

    private static final Instant AT = Instant.parse("2026-11-28T06:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private final Feeds feeds = new Feeds();

    @BeforeEach
    void open() {
        db = newsbot.testing.TestDatabases.open(dir.resolve("feeds.db"));
    }

    @Test
    void syncInsertsNewFeedsDueAtOnceAndIgnoresUnchangedOnes() {
        assertThat(db.<Boolean>inTransaction(h -> feeds.sync(h, "a", "https://e.kg/a.xml"))).isTrue();
        assertThat(db.<Boolean>inTransaction(h -> feeds.sync(h, "a", "https://e.kg/a.xml"))).isFalse();

        FeedState a = find("a");
        assertThat(a.nextFetchAt()).isEqualTo(Instant.EPOCH);
        assertThat(a.failures()).isZero();
        assertThat(a.lastAttemptAt()).isNull();
        assertThat(a.lastStatus()).isNull();
        assertThat(a.initialized()).isFalse();
    }

    @Test
    void aNewUrlClearsValidatorsFailuresAndInitialization() {
        db.useTransaction(h -> {
            feeds.sync(h, "a", "https://e.kg/a.xml");
            feeds.recordFetched(h, "a", 200, "\"v1\"", "Sat, 28 Nov 2026 00:01:00 GMT", 12, AT, AT.plusSeconds(120));
            feeds.recordFailure(h, "a", 500, "HTTP status 500", AT.plusSeconds(120), AT.plusSeconds(360));
        });
        FeedState failing = find("a");
        assertThat(failing.etag()).isEqualTo("\"v1\"");
        assertThat(failing.failures()).isEqualTo(1);
        assertThat(failing.lastSuccessAt()).isEqualTo(AT);
        assertThat(failing.isFailing()).isTrue();

        assertThat(db.<Boolean>inTransaction(h -> feeds.sync(h, "a", "https://e.kg/new.xml"))).isTrue();

        FeedState moved = find("a");
        assertThat(moved.url()).isEqualTo("https://e.kg/new.xml");
        assertThat(moved.etag()).isNull();
        assertThat(moved.lastModified()).isNull();
        assertThat(moved.failures()).isZero();
        assertThat(moved.initialized()).isFalse();
        assertThat(moved.nextFetchAt()).isEqualTo(Instant.EPOCH);
        assertThat(moved.lastSuccessAt()).isEqualTo(AT); // history stays
    }

    @Test
    void dueListsRowsWhoseTimeHasComeAndErrorsAreCut() {
        db.useTransaction(h -> {
            feeds.sync(h, "a", "https://e.kg/a.xml");
            feeds.sync(h, "b", "https://e.kg/b.xml");
            feeds.recordFailure(h, "b", null, "x".repeat(2000), AT, AT.plusSeconds(60));
            feeds.recordNotModified(h, "a", 304, AT, AT.plusSeconds(30));
        });

        assertThat(db.<List<FeedState>>withHandle(h -> feeds.due(h, AT.plusSeconds(29)))).isEmpty();
        assertThat(db.<List<FeedState>>withHandle(h -> feeds.due(h, AT.plusSeconds(60)))).extracting(FeedState::feedId)
                .containsExactly("a", "b");
        assertThat(find("b").lastError()).hasSize(500).endsWith("…");
        assertThat(find("a").lastStatus()).isEqualTo(304);
        assertThat(db.<List<FeedState>>withHandle(feeds::all)).hasSize(2);
    }

    private FeedState find(String id) {
        return db.withHandle(h -> feeds.find(h, id)).orElseThrow();
    }
}
