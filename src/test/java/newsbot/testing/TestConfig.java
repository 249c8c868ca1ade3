package newsbot.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import newsbot.config.BotConfig;
import newsbot.config.ConfigLoader;

/**
 * Configuration for tests, always through the real loader, so a test cannot build a configuration the loader
 * would refuse, and defaults come from the one key table.
 */
public final class TestConfig {

    public static final String TOKEN = "123456789:AAFakeTokenForTests_abcdefghijklmnopq";

    private TestConfig() {
    }

    /** A loadable configuration (a token, one category, one feed) with {@code values} on top. */
    public static BotConfig load(Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("telegram.token", TOKEN);
        all.put("category.news", "Новости");
        all.put("feed.main.url", "http://127.0.0.1:9/rss");
        all.putAll(values);
        return new ConfigLoader(Map.of()).fromMap(all);
    }

    /** Telegram's limits as the delivery engine applies them: messages/s overall, per chat, per group per minute. */
    public static BotConfig.Delivery limits(int globalPerSecond, int perChatPerSecond, int groupPerMinute,
                                            int maxAttempts, int maxInFlight) {
        return load(Map.of(
                "delivery.global-per-second", Integer.toString(globalPerSecond),
                "delivery.per-chat-per-second", Integer.toString(perChatPerSecond),
                "delivery.group-per-minute", Integer.toString(groupPerMinute),
                "delivery.max-attempts", Integer.toString(maxAttempts),
                "delivery.max-in-flight", Integer.toString(maxInFlight))).delivery();
    }
}
