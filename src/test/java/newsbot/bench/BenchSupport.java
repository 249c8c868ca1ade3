package newsbot.bench;

import newsbot.testing.TestConfig;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import newsbot.config.BotConfig;
import newsbot.config.Category;
import newsbot.config.FeedSource;

/** Configuration, documents, a clock and statistics shared by the benchmarks. */
final class BenchSupport {

    static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");

    private BenchSupport() {
    }

    static BotConfig config(Path dir, List<FeedSource> feeds) {
        List<Category> categories = List.of(new Category("society", "Общество", "Society", List.of()),
                new Category("politics", "Политика", "Politics", List.of()),
                new Category("incidents", "Происшествия", "Incidents", List.of()));
        return new BotConfig(new BotConfig.Telegram("1:x", URI.create("http://127.0.0.1:9"), Set.of()),
                dir.resolve("unused.db"), categories,
                new BotConfig.Feeds(feeds, Duration.ofMinutes(2), 5 << 20, Duration.ofHours(1), Duration.ofDays(30), 300),
                new BotConfig.Breaking(List.of("СРОЧНО", "⚡"), Set.of()),
                new BotConfig.Digest(ZoneId.of("Asia/Bishkek"), List.of(LocalTime.of(8, 0)), 5),
                TestConfig.limits(30, 1, 20, 8, 1));
    }

    /** A realistic item: Cyrillic title, HTML description of about 400 characters, two categories. */
    static byte[] rss(int items, String prefix) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>Архив</title><link>https://news.example.kg/</link><description>d</description>");
        for (int i = 0; i < items; i++) {
            Instant published = NOW.minusSeconds(60L * i);
            xml.append("<item><title>Новость номер ").append(i).append(": в Бишкеке обсудили бюджет на 2027 год</title>")
                    .append("<link>https://news.example.kg/").append(prefix).append('/').append(i).append("/</link>")
                    .append("<guid isPermaLink=\"false\">").append(prefix).append('-').append(i).append("</guid>")
                    .append("<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME
                            .format(published.atOffset(ZoneOffset.UTC))).append("</pubDate>")
                    .append("<category>Общество</category><category>Экономика</category>")
                    .append("<description><![CDATA[<p>Депутаты Жогорку Кенеша <b>обсудили</b> проект бюджета. ")
                    .append("Дефицит запланирован на уровне 2,8% ВВП, расходы на образование вырастут на 12%.</p>")
                    .append("<p>Министр финансов ответил на вопросы &laquo;о долге&raquo; и о тарифах.</p>")
                    .append("<img src=\"/i/").append(i).append(".jpg\"><script>track()</script>]]></description></item>");
        }
        return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The median of the values after the first three, which warm up the JIT. */
    static double median(double[] values) {
        double[] measured = Arrays.copyOfRange(values, Math.min(3, values.length - 1), values.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }
}
