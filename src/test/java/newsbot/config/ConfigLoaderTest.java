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
import org.junit.jupiter.params.provider.ValueSource;

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
    void aFeedMayNameWhereItsArticlesTextIs() {
        Map<String, String> m = minimal();
        m.put("feed.main.article-selector", " div.news-text ");
        BotConfig config = new ConfigLoader(Map.of()).fromMap(m);

        assertThat(config.feeds().sources().get(0).selector()).contains("div.news-text");
        assertThat(new ConfigLoader(Map.of()).fromMap(minimal()).feeds().sources().get(0).selector()).isEmpty();
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
            "feed.main.article-selector|div[      |feed.main.article-selector",
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

    @ParameterizedTest
    @ValueSource(strings = {"category.economy", "category.economy.name.en"})
    void aCategoryNameOver64CharactersIsRefused(String key) {
        String namedKey = key;
        Map<String, String> m = minimal();
        m.put(key, "Э".repeat(64));
        new ConfigLoader(Map.of()).fromMap(m); // 64 fit
        m.put(key, "Э".repeat(65));
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).fromMap(m))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(namedKey + ": display name has 65 characters, at most 64");
    }

    @Test
    void maxBackoffShorterThanThePollIntervalIsRefused() {
        Map<String, String> m = minimal();
        m.put("feed.poll-interval", "PT10M");
        m.put("feed.max-backoff", "PT10M");
        new ConfigLoader(Map.of()).fromMap(m); // equal is fine
        m.put("feed.max-backoff", "PT5M");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).fromMap(m))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("feed.max-backoff: PT5M is shorter than feed.poll-interval PT10M");
    }

    @Test
    void maxBytesBeyondWhatTheFetcherHoldsIsRefused() {
        Map<String, String> m = minimal();
        m.put("feed.max-bytes", String.valueOf(256 << 20));
        assertThat(new ConfigLoader(Map.of()).fromMap(m).feeds().maxBytes()).isEqualTo(256L << 20);
        m.put("feed.max-bytes", String.valueOf(Integer.MAX_VALUE));
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).fromMap(m))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("feed.max-bytes: " + Integer.MAX_VALUE + " is out of range 1024..268435456");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://bot:s3cret@api.telegram.org",
            "https://api.telegram.org#frag",
            "https://api.telegram.org/#",
    })
    void apiUrlWithUserInfoOrAFragmentIsRefusedWithoutRepeatingTheUserInfo(String url) {
        Map<String, String> m = minimal();
        m.put("telegram.api-url", url);
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).fromMap(m))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("telegram.api-url: ")
                .message().doesNotContain("s3cret");
    }

    @Test
    void withoutTokenTheTokenIsNeitherRequiredNorRead() {
        Map<String, String> m = minimal();
        m.remove("telegram.token");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).fromMap(m)).hasMessageStartingWith("telegram.token: ");
        assertThat(new ConfigLoader(Map.of()).withoutToken().fromMap(m).telegram().token()).isEmpty();
        m.put("telegram.token", "nonsense");
        assertThat(new ConfigLoader(Map.of()).withoutToken().fromMap(m).telegram().token()).isEmpty();
    }

    @Test
    void aTinyPriceWithALargeBudgetStillLeavesPaidSendingOn() {
        Map<String, String> m = minimal();
        m.put("delivery.paid-broadcast", "true");
        m.put("delivery.paid-budget-stars", "100000000");
        m.put("delivery.paid-stars-per-message", "0.00001");
        BotConfig.Paid paid = new ConfigLoader(Map.of()).fromMap(m).delivery().paid();
        assertThat(paid.messagesPerDay()).isEqualTo(Integer.MAX_VALUE);
        m.put("delivery.paid-stars-per-message", "0.1");
        assertThat(new ConfigLoader(Map.of()).fromMap(m).delivery().paid().messagesPerDay()).isEqualTo(1_000_000_000);
    }
}
