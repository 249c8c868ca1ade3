package newsbot.admin;

import newsbot.testing.RecordingReplier;
import static org.assertj.core.api.Assertions.assertThat;
import newsbot.delivery.Manner;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import javax.imageio.ImageIO;
import newsbot.delivery.DeliveryKind;
import newsbot.store.SubscriberStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /stats}: the numbers and the chart, on a seeded database. Now is Saturday 16:00 in Bishkek. */
class StatsTest {

    @TempDir
    Path dir;
    private AdminWorld world;
    private Admin admin;
    private Instant now;

    @BeforeEach
    void setUp() {
        world = new AdminWorld(dir);
        admin = world.admin(new RecordingReplier(), 1000);
        now = world.time.instant();
        world.reader(1, SubscriberStatus.ACTIVE, "ru", "economy", "sport");
        world.reader(2, SubscriberStatus.ACTIVE, "en", "economy");
        world.reader(3, SubscriberStatus.ACTIVE, "ru", "world");
        world.reader(4, SubscriberStatus.PAUSED, "ru", "economy");
        world.reader(5, SubscriberStatus.STOPPED, "ru", "economy");
        world.reader(6, SubscriberStatus.BLOCKED, "ru", "sport");
        // created 40 days ago and active since; created Monday this week; stopped 5 days ago after 10 days
        world.backdate(1, now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(40)));
        world.backdate(2, now.minus(Duration.ofDays(4)), now.minus(Duration.ofDays(4)));
        world.backdate(5, now.minus(Duration.ofDays(15)), now.minus(Duration.ofDays(5)));
        world.backdate(6, now.minus(Duration.ofDays(15)), now.minus(Duration.ofDays(15)));
        world.article("main", "Fresh", "https://example.org/1", "economy", now.minus(Duration.ofHours(2)));
        world.article("main", "Fresh too", "https://example.org/2", "sport", now.minus(Duration.ofHours(20)));
        world.article("main", "Old", "https://example.org/3", "sport", now.minus(Duration.ofHours(30)));
        world.db.useTransaction(h -> {
            world.outbox.enqueueAll(h, List.of(1L, 2L, 3L), DeliveryKind.BREAKING, 1, "<b>Alert</b>", Manner.PLAIN, now);
            world.outbox.enqueue(h, 1, DeliveryKind.DIGEST, 5, "Digest", Manner.PLAIN, now);
            // two of the alerts went out an hour ago, one two hours ago
            h.createUpdate("UPDATE deliveries SET state = 'SENT', sent_at = :at WHERE kind = 'BREAKING' AND chat_id < 3")
                    .bind("at", now.minus(Duration.ofMinutes(61)).toEpochMilli()).execute();
            h.createUpdate("UPDATE deliveries SET state = 'FAILED' WHERE kind = 'BREAKING' AND chat_id = 3").execute();
        });
    }

    @Test
    void textCountsReadersArticlesAndDeliveries() {
        String en = admin.stats().text("en");
        assertThat(en).contains(
                "📊 <b>Statistics</b> · 28.11.2026 16:00 (Asia/Bishkek)",
                "<b>Readers</b>: active 3 · paused 1 · stopped 1 · blocked 1",
                "New readers: today 2 · this week 3",
                "• Economy: 2\n• Sport: 1\n• World: 1",
                "fetched in the last 24 h: 2",
                "• breaking news: sent 2 · failed 1",
                "• digests: waiting 1",
                "Telegram 429 answers since start: 0",
                "Telegram answers; outages since start: 0, stale messages dropped: 0",
                "Queue now: 1");
        assertThat(admin.stats().text("ru")).contains("<b>Читатели</b>: активны 3", "• Экономика: 2",
                "Очередь сейчас: 1");
        assertThat(newsbot.telegram.TelegramHtmlValidator.checkMessage(en)).isEmpty();
    }

    @Test
    void todaysReadsInTelegramAndTheMostReadArticles() {
        assertThat(admin.stats().text("en")).contains("<b>Read in Telegram</b> today (UTC): 0\n");
        newsbot.store.ArticleReads reads = new newsbot.store.ArticleReads();
        java.time.LocalDate today = java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
        world.db.useTransaction(h -> {
            reads.count(h, 2, today);
            reads.count(h, 2, today);
            reads.count(h, 1, today);
            reads.count(h, 1, today.minusDays(1)); // yesterday's: not today's
        });
        String en = admin.stats().text("en");
        assertThat(en).contains("<b>Read in Telegram</b> today (UTC): 3\n"
                + "· <a href=\"https://example.org/2\">Fresh too</a> · 2\n"
                + "· <a href=\"https://example.org/1\">Fresh</a> · 1");
        assertThat(newsbot.telegram.TelegramHtmlValidator.checkMessage(en)).isEmpty();
    }

    /** Issue 22, finding 12: a channel the bot posts to is no reader, and a topic alert is no breaking news. */
    @Test
    void channelsAreNotReadersAndTopicAlertsAreNotBreakingNews() {
        world.reader(-100777, SubscriberStatus.ACTIVE, "ru", "economy");
        world.db.useTransaction(h -> {
            h.execute("UPDATE subscribers SET chat_type = 'channel' WHERE chat_id = -100777");
            world.outbox.enqueue(h, 2, DeliveryKind.TOPIC, 2, "<b>Topic</b>", Manner.PLAIN, now);
        });
        assertThat(admin.stats().text("en")).contains("<b>Readers</b>: active 3 · paused 1", "New readers: today 2 ·",
                "• Economy: 2\n", "• breaking news: sent 2 · failed 1", "• topic alerts: waiting 1");
    }

    @Test
    void theQueueShowsHowLongItTakesAtTheCurrentRate() {
        world.db.useTransaction(h -> world.outbox.enqueueAll(h, LongStream.rangeClosed(100, 1898).boxed().toList(), DeliveryKind.BROADCAST, 9, "News", Manner.PLAIN, now));
        // 1,800 rows at the configured 30/s
        assertThat(admin.stats().text("en")).endsWith(
                "Queue now: 1800\nAt the current rate (30 messages/s) the queue takes 1 min 0 s");
        assertThat(admin.stats().text("ru")).endsWith(
                "Очередь сейчас: 1800\nПри нынешней скорости (30 сообщ./с) очередь уйдёт за 1 мин 0 с");
        world.limiter.retryAfter(5, Duration.ofSeconds(10));
        world.limiter.retryAfter(6, Duration.ofSeconds(10));
        assertThat(admin.stats().text("en")).as("paused: no rate to go by").endsWith("Queue now: 1800");
    }

    @Test
    void chartSeriesFollowReadersAndSends() {
        StatsChart.Series readers = admin.stats().readersSeries("en");
        assertThat(readers.values()).hasSize(30);
        // today: the three active; 10 days ago also the reader that stopped 5 days ago; 20 days ago only one
        assertThat(readers.values().get(29)).isEqualTo(3);
        assertThat(readers.values().get(19)).isEqualTo(2);
        assertThat(readers.values().get(9)).isEqualTo(1);
        assertThat(readers.ticks().get(29)).isEqualTo("28.11");
        assertThat(readers.title()).isEqualTo("Active readers per day, last 30 days");

        StatsChart.Series sent = admin.stats().deliveriesSeries("en");
        assertThat(sent.values()).hasSize(48);
        assertThat(sent.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);
        // sent at 08:59 UTC: the 14:00 bar in Bishkek, two before the current hour (16:00 local)
        assertThat(sent.values().get(45)).isEqualTo(2);
        assertThat(sent.ticks()).contains("12:00", "28.11", "18:00");
        assertThat(sent.xLabel()).isEqualTo("Hour (Asia/Bishkek)");
    }

    @Test
    void chartIsAPngOfTheExpectedSize() throws Exception {
        byte[] png = admin.stats().chart("ru").orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(StatsChart.WIDTH).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(StatsChart.HEIGHT).isEqualTo(800);
        // not a blank canvas: the bars are drawn in their colour
        long blue = LongStream.range(0, 1000L * 800).filter(p -> image.getRGB((int) (p % 1000), (int) (p / 1000))
                == 0xFF1E63B4).count();
        assertThat(blue).isPositive();
        assertThat(admin.stats().chartCaption("en")).contains("Asia/Bishkek");
    }

    @Test
    void gridStepsAreRound() {
        assertThat(StatsChart.niceStep(0.2)).isEqualTo(1);
        assertThat(StatsChart.niceStep(3.4)).isEqualTo(5);
        assertThat(StatsChart.niceStep(17)).isEqualTo(20);
        assertThat(StatsChart.niceStep(20_001)).isEqualTo(50_000);
    }
}
