package newsbot.admin;

import newsbot.testing.RecordingReplier;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import newsbot.telegram.TelegramHtmlValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /feeds}: failing feeds first, then ones never fetched, then healthy ones. */
class FeedReportTest {

    @TempDir
    Path dir;

    @Test
    void oneLinePerFeedFailingFirst() {
        AdminWorld world = new AdminWorld(dir);
        Admin admin = world.admin(new RecordingReplier(), 1000);
        Instant now = world.time.instant();
        world.feed("main", now.minus(Duration.ofMinutes(5)), now.minus(Duration.ofMinutes(5)), 0, null);
        world.feed("sport", now.minus(Duration.ofHours(2)), now.minus(Duration.ofMinutes(1)), 3,
                "HTTP 503 <Service Unavailable>");
        world.article("main", "A", "https://example.org/a", "economy", now.minus(Duration.ofHours(1)));
        world.article("main", "B", "https://example.org/b", "economy", now.minus(Duration.ofHours(23)));
        world.article("main", "C", "https://example.org/c", "economy", now.minus(Duration.ofHours(25)));

        String en = admin.feeds().text("en");
        assertThat(en).isEqualTo("📡 <b>Feeds</b> (3), failing first:\n"
                + "❌ <b>sport</b> — failing (3 in a row) · last success 2 h ago · 24 h: 0 items\n"
                + "      <i>HTTP 503 &lt;Service Unavailable&gt;</i>\n"
                + "⏳ <b>world</b> — not fetched yet\n"
                + "✅ <b>main</b> — ok · last success 5 min ago · 24 h: 2 items");
        assertThat(TelegramHtmlValidator.checkMessage(en)).isEmpty();
        assertThat(admin.feeds().text("ru")).contains("❌ <b>sport</b> — сбой (3 подряд) · последний успех 2 ч назад",
                "✅ <b>main</b> — в порядке · последний успех 5 мин назад · за 24 ч: 2 материалов");
    }
}
