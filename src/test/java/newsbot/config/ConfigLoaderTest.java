package newsbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    static final String TOKEN = "123456789:AAH-test-token-abcdefghijklmnopqrstu";

    static Map<String, String> minimal() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("telegram.token", TOKEN);
        m.put("category.economy", "Экономика");
        m.put("category.economy.name.en", "Economy");
        m.put("category.sport", "Спорт");
        m.put("category.sport.aliases", "Sport, Футбол");
        m.put("feed.main.url", "https://news.example.kg/rss");
        return m;
    }

    @Test
    void exampleFileLoadsWithTokenFromEnvironment() {
        BotConfig config = new ConfigLoader(Map.of("NEWSBOT_TELEGRAM_TOKEN", TOKEN))
                .load(Path.of("bot.properties.example"));
        assertThat(config.telegram().token()).isEqualTo(TOKEN);
        assertThat(config.categories()).extracting(Category::slug)
                .containsExactly("society", "economy", "politics", "incidents", "sport", "world");
        assertThat(config.digest().defaultZone()).isEqualTo(ZoneId.of("Asia/Bishkek"));
        assertThat(config.digest().defaultTimes()).containsExactly(LocalTime.of(8, 0), LocalTime.of(19, 0));
        assertThat(config.feeds().pollInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.delivery().globalPerSecond()).isEqualTo(30);
        assertThat(config.breaking().markers()).contains("СРОЧНО", "⚡");
        assertThat(config.toString()).doesNotContain(TOKEN);
    }

    @Test
    void defaultsAndLookups() {
        BotConfig config = new ConfigLoader(Map.of()).fromMap(minimal());
        assertThat(config.telegram().apiUrl().toString()).isEqualTo("https://api.telegram.org");
        assertThat(config.dbPath()).isEqualTo(Path.of("newsbot.db"));
        assertThat(config.findCategory("футбол")).map(Category::slug).contains("sport");
        assertThat(config.findCategory("ECONOMY")).map(Category::slug).contains("economy");
        assertThat(config.category("sport").orElseThrow().displayName("en")).isEqualTo("Спорт");
        assertThat(config.feeds().sources()).singleElement().satisfies(f -> assertThat(f.category()).isNull());
    }

    @Test
    void environmentOverridesFileValues() {
        Map<String, String> env = Map.of("NEWSBOT_DELIVERY_GLOBAL_PER_SECOND", "300", "NEWSBOT_DB_PATH", "/data/x.db",
                "NEWSBOT_TELEGRAM_ADMINS", "1, 2");
        BotConfig config = new ConfigLoader(env).fromMap(minimal());
        assertThat(config.delivery().globalPerSecond()).isEqualTo(300);
        assertThat(config.dbPath()).isEqualTo(Path.of("/data/x.db"));
        assertThat(config.telegram().admins()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(ConfigLoader.environmentName("feed.poll-interval")).isEqualTo("NEWSBOT_FEED_POLL_INTERVAL");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "telegram.token|                      |telegram.token",
            "telegram.token|nonsense              |telegram.token",
            "telegram.api-url|ftp://x             |telegram.api-url",
            "telegram.api-url|http://h/path       |telegram.api-url",
            "feed.poll-interval|2 minutes         |feed.poll-interval",
            "digest.timezone|Mars/Olympus         |digest.timezone",
            "digest.times|25:00                   |digest.times",
            "feed.main.category|culture           |feed.main.category",
            "feed.main.url|not a url              |feed.main.url",
            "delivery.global-per-second|0         |delivery.global-per-second",
            "telegram.admins|abc                  |telegram.admins",
            "breaking.feeds|nope                  |breaking.feeds",
            "digests.times|08:00                  |digests.times",
    })
    void badValuesNameTheKey(String key, String value, String namedKey) {
        Map<String, String> m = minimal();
        m.put(key, value == null ? "" : value);
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).fromMap(m))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(namedKey + ": ")
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(namedKey))
                .message().doesNotContain("\n");
    }
}
