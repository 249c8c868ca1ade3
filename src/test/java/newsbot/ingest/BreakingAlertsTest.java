package newsbot.ingest;

import static newsbot.ingest.IngestFixture.INTERVAL;
import static newsbot.ingest.IngestFixture.NOW;
import static newsbot.ingest.IngestFixture.RSS;
import static newsbot.ingest.IngestFixture.feed;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import newsbot.config.BotConfig;
import newsbot.delivery.DeliveryTime;
import newsbot.delivery.Outbox;

import newsbot.store.SubscriberStatus;
import newsbot.store.Subscribers;
import newsbot.store.Subscriptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BreakingAlertsTest {

    private static final ZoneId BISHKEK = ZoneId.of("Asia/Bishkek"); // NOW is 12:00 there

    @TempDir
    Path dir;
    private IngestFixture f;
    private BotConfig config;
    private BreakingAlerts alerts;
    private final Subscribers subscribers = new Subscribers();
    private final Subscriptions subscriptions = new Subscriptions();

    @BeforeEach
    void setUp() throws Exception {
        f = new IngestFixture(dir);
        config = f.config(List.of(feed("incidents", f.server.url("/incidents.xml"), "incidents")), Set.of());
        alerts = new BreakingAlerts(config, new Outbox(DeliveryTime.system(f.clock)), f.clock, new newsbot.messages.Texts());
        reader(1, "ru", "incidents");
        reader(2, "en", "incidents");
        reader(3, "ru", "society");
        reader(4, "ru", "incidents");
        reader(5, "ru", "incidents");
        reader(6, "ru", "incidents");
        reader(7, "en", "incidents", "society");
        reader(8, "ru", "incidents");
        reader(9, "ru", "incidents");
        f.db.useTransaction(h -> {
            subscribers.setBreakingOn(h, 4, false, NOW);
            subscribers.setStatus(h, 5, SubscriberStatus.PAUSED, NOW);
            subscribers.setStatus(h, 9, SubscriberStatus.BLOCKED, NOW);
            subscribers.setQuietHours(h, 6, LocalTime.of(11, 0), LocalTime.of(13, 0), NOW);
            subscribers.setQuietHours(h, 8, LocalTime.of(23, 0), LocalTime.of(7, 0), NOW);
        });
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void oneAlertPerMatchingReaderInTheirLanguageSilentInQuietHours() {
        StoredArticle article = new StoredArticle(42, "incidents", "Землетрясение в Бишкеке", "Толчки <5 баллов.",
                "https://news.example.kg/a/1/", "incidents", List.of("incidents", "society"), NOW);

        f.db.useTransaction(h -> alerts.onBreaking(h, article));

        Map<Long, Map<String, Object>> rows = deliveries();
        assertThat(rows.keySet()).containsExactly(1L, 2L, 3L, 6L, 7L, 8L);
        assertThat(rows.values()).allSatisfy(row -> {
            assertThat(row).containsEntry("kind", "BREAKING").containsEntry("ref_id", 42)
                    .containsEntry("part", 0).containsEntry("link_preview", 1).containsEntry("state", "PENDING")
                    .containsEntry("not_before", NOW.toEpochMilli());
            assertThat((String) row.get("text")).startsWith("⚡ <b><a href=\"https://news.example.kg/a/1/\">"
                    + "Землетрясение в Бишкеке</a></b>").contains("Толчки &lt;5 баллов.");
        });
        assertThat((String) rows.get(1L).get("text")).contains("<i>Происшествия</i>");
        assertThat((String) rows.get(2L).get("text")).contains("<i>Incidents</i>");
        assertThat(rows.get(6L)).containsEntry("silent", 1);
        assertThat(rows.get(8L)).containsEntry("silent", 0);
        assertThat(rows.get(1L)).containsEntry("silent", 0);

        // Again (a retried transaction, a second feed): nobody gets it twice.
        f.db.useTransaction(h -> alerts.onBreaking(h, article));
        assertThat(f.count("SELECT COUNT(*) FROM deliveries")).isEqualTo(6);
    }

    @Test
    void anArticleWithoutCategoryReachesNobody() {
        f.db.useTransaction(h -> alerts.onBreaking(h, new StoredArticle(7, "x", "Без рубрики", "", "https://e.kg/",
                null, List.of(), NOW)));

        assertThat(f.count("SELECT COUNT(*) FROM deliveries")).isZero();
    }

    @Test
    void endToEndThroughThePoller() {
        Rss rss = new Rss().item("e1", "СРОЧНО: старое", NOW.minusSeconds(60));
        f.server.serve("/incidents.xml", rss.bytes(), RSS);
        FeedPoller poller = f.poller(config, alerts);
        poller.pollDue();
        assertThat(f.count("SELECT COUNT(*) FROM deliveries")).isZero();

        f.clock.advance(INTERVAL);
        f.server.serve("/incidents.xml", rss.item("e2", "СРОЧНО: новое", NOW).bytes(), RSS);
        poller.pollDue();

        long id = ((Number) f.article("новое").get("id")).longValue();
        assertThat(f.count("SELECT COUNT(*) FROM deliveries WHERE ref_id = " + id)).isEqualTo(5);
        assertThat(f.count("SELECT COUNT(*) FROM deliveries")).isEqualTo(5);
        // the first push is remembered on the article, which outlives its deliveries
        assertThat(f.count("SELECT breaking_pushed_at FROM articles WHERE id = " + id))
                .isEqualTo(f.clock.instant().toEpochMilli());
    }

    @Test
    void anArticleFirstPushedBeforeTheDeliveriesAreForgottenReachesNobodyAgain() {
        StoredArticle article = new StoredArticle(42, "incidents", "Землетрясение", "", "https://news.example.kg/a/1/",
                "incidents", List.of("incidents"), NOW);
        f.db.useTransaction(h -> h.execute("INSERT INTO articles (id, feed_id, dedup_key, url, title, category, "
                + "published_at, fetched_at, breaking, breaking_pushed_at) VALUES (42, 'incidents', 'g:42', "
                + "'https://news.example.kg/a/1/', 'Землетрясение', 'incidents', ?, ?, 1, ?)",
                NOW.toEpochMilli(), NOW.toEpochMilli(), NOW.minus(java.time.Duration.ofDays(15)).toEpochMilli()));

        f.db.useTransaction(h -> alerts.onBreaking(h, article));

        assertThat(f.count("SELECT COUNT(*) FROM deliveries")).isZero();
    }

    private void reader(long chatId, String language, String... categories) {
        f.db.useTransaction(h -> {
            subscribers.insertIfAbsent(h, chatId, chatId, "private", language, BISHKEK, List.of(), 0, NOW);
            for (String category : categories) {
                subscriptions.add(h, chatId, category);
            }
        });
    }

    private Map<Long, Map<String, Object>> deliveries() {
        Map<Long, Map<String, Object>> byChat = new TreeMap<>();
        for (Map<String, Object> row : f.rows("SELECT * FROM deliveries")) {
            // integers as SQLite gives them (PostgreSQL's BIGINT columns come back as Long)
            Map<String, Object> values = new java.util.HashMap<>();
            row.forEach((k, v) -> values.put(k, v instanceof Long l && l == l.intValue() && !k.endsWith("_at")
                    && !k.equals("not_before") ? (Object) l.intValue() : v));
            byChat.put(((Number) row.get("chat_id")).longValue(), values);
        }
        return byChat;
    }
}
