package newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import newsbot.feed.FeedServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Breaking alerts per category end to end (issue 25): a reader who turns one category's breaking news off gets
 * that category's breaking article only in the digest, while the others still wake them; a reader stored before
 * the per-category switch existed (a database migrated to V10) keeps alerts for all their categories.
 */
class BreakingPerCategoryFlowTest {

    static final long CHOOSER = 901;   // economy and sport, economy's breaking news off
    static final long CONTROL = 902;   // economy, everything on
    static final long VETERAN = 903;   // stored before V11, economy
    static final String RATE_TITLE = "Нацбанк повысил учётную ставку до 11%";

    @TempDir
    Path dir;
    FeedServer feeds;
    TestBot bot;

    @BeforeEach
    void feeds() throws Exception {
        feeds = FeedServer.start();
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        feeds.close();
    }

    @Test
    void aCategorysBreakingNewsTurnedOffComeOnlyInTheDigest() {
        startBot();
        for (long chat : new long[] {CHOOSER, CONTROL}) {
            bot.says(chat, "/start");
            bot.says(chat, "/subscribe economy");
        }
        bot.says(CHOOSER, "/subscribe sport");
        assertThat(bot.says(CHOOSER, "/breaking off экономика").text())
                .isEqualTo("Срочные новости раздела «Экономика» теперь придут только в дайджесте.");
        assertThat(bot.says(CHOOSER, "/breaking").text()).as("the reader's switch as a whole stays on").endsWith("Сейчас: включены");
        assertThat(bot.app().pollFeedsNow()).as("the first fetch").isGreaterThan(5);

        breakingRateArticle();

        bot.awaitText(CONTROL, RATE_TITLE);
        // the fan-out enqueues every reader's row in the ingest transaction: the control's alert proves it ran
        assertThat(breakingRows(CHOOSER)).isZero();
        assertThat(breakingRows(CONTROL)).isEqualTo(1);

        // 19:00 in Bishkek: the chooser reads it in the digest, the control (who had it as breaking) does not
        bot.clock.advance(Duration.ofHours(7));
        bot.app().digestTickNow();
        assertThat(bot.awaitText(CHOOSER, "Что нового сегодня").text()).contains(RATE_TITLE);
        assertThat(bot.awaitText(CONTROL, "Что нового сегодня").text()).doesNotContain(RATE_TITLE);
        assertThat(bot.telegram.messagesTo(CHOOSER).stream().filter(m -> m.text().startsWith("⚡"))).isEmpty();
    }

    @Test
    void aReaderStoredBeforeTheSwitchKeepsAlertsForAllTheirCategories() {
        // the database as the previous version left it: migrated to V10, one reader following economy
        Path file = dir.resolve("bot.db");
        Jdbi old = newsbot.store.OlderSqlite.migratedTo(file, "10");
        long now = java.time.Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
        old.useTransaction(h -> {
            h.execute("INSERT INTO subscribers (chat_id, user_id, language, time_zone, digest_times, created_at, "
                    + "updated_at) VALUES (?, ?, 'ru', 'Asia/Bishkek', '19:00', ?, ?)", VETERAN, VETERAN, now, now);
            h.execute("INSERT INTO subscriptions (chat_id, category) VALUES (?, 'economy')", VETERAN);
        });

        startBot(); // opening it normally migrates it to the newest version

        assertThat(bot.says(VETERAN, "/settings").text()).contains("Экономика");
        assertThat(bot.app().pollFeedsNow()).as("the first fetch").isGreaterThan(5);
        breakingRateArticle();
        assertThat(bot.awaitText(VETERAN, RATE_TITLE).text()).startsWith("⚡");
    }

    private void startBot() {
        bot = TestBot.create(dir).withFixtureFeeds(feeds);
        bot.start();
    }

    private void breakingRateArticle() {
        feeds.serve("/economy", TopicAlertsFlowTest.economyFeedWith(
                TopicAlertsFlowTest.item("СРОЧНО: " + RATE_TITLE, "rate", "Решение вступает в силу с понедельника.")),
                "application/rss+xml; charset=utf-8");
        bot.clock.advance(Duration.ofMinutes(3));
        bot.app().pollFeedsNow();
    }

    private int breakingRows(long chat) {
        return bot.db().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM deliveries WHERE chat_id = :chat AND kind = 'BREAKING'")
                .bind("chat", chat).mapTo(Integer.class).one());
    }
}
