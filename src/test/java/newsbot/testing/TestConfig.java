package newsbot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import newsbot.config.BotConfig;
import newsbot.config.Category;
import newsbot.config.ConfigLoader;
import newsbot.config.FeedSource;

/**
 * Configuration for tests, always through the real loader, so a test cannot build a configuration the loader
 * would refuse, and defaults come from the one key table.
 */
public final class TestConfig {

    public static final String TOKEN = "123456789:AAFakeTokenForTests_abcdefghijklmnopq";

    private TestConfig() {
    }

    /**
     * A loadable configuration with {@code values} on top of a token and, unless {@code values} names its own, one
     * category and one feed (the loader refuses a configuration without them).
     */
    public static BotConfig load(Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("telegram.token", TOKEN);
        if (values.keySet().stream().noneMatch(k -> k.startsWith("category."))) {
            all.put("category.news", "Новости");
        }
        if (values.keySet().stream().noneMatch(k -> k.startsWith("feed.") && k.endsWith(".url"))) {
            all.put("feed.main.url", "http://127.0.0.1:9/rss");
        }
        all.putAll(values);
        return new ConfigLoader(Map.of()).fromMap(all);
    }

    /** {@code values} as a properties file at {@code file}, for {@code --config} of the jar or of a command. */
    public static Path write(Path file, Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        values.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Telegram's limits as the delivery engine applies them: messages/s overall, per chat, per group per minute. */
    public static BotConfig.Delivery limits(int globalPerSecond, int perChatPerSecond, int groupPerMinute,
                                            int maxAttempts, int maxInFlight) {
        return keys().limits(globalPerSecond, perChatPerSecond, groupPerMinute, maxAttempts, maxInFlight).load()
                .delivery();
    }

    /** Keys to load, written from the values a test thinks in (categories, feeds, limits). */
    public static Keys keys() {
        return new Keys();
    }

    /** The keys of a configuration file, in file order (categories are shown in that order). */
    public static final class Keys {

        private final Map<String, String> values = new LinkedHashMap<>();
        private final Set<String> breakingFeeds = new LinkedHashSet<>();

        private Keys() {
        }

        public Keys set(String key, String value) {
            values.put(key, value);
            return this;
        }

        public Keys set(Map<String, String> more) {
            values.putAll(more);
            return this;
        }

        public Keys dbPath(Path path) {
            return set("db.path", path.toString());
        }

        public Keys admins(long... ids) {
            return set("telegram.admins", java.util.Arrays.stream(ids).mapToObj(Long::toString)
                    .collect(Collectors.joining(",")));
        }

        /** {@code category.<slug>} with its English name and aliases, as an operator writes it. */
        public Keys category(Category category) {
            String key = "category." + category.slug();
            set(key, category.nameRu());
            if (category.nameEn() != null) {
                set(key + ".name.en", category.nameEn());
            }
            if (!category.aliases().isEmpty()) {
                set(key + ".aliases", String.join(",", category.aliases()));
            }
            return this;
        }

        public Keys categories(Iterable<Category> categories) {
            categories.forEach(this::category);
            return this;
        }

        /** {@code feed.<id>.url} and its category; a breaking feed is listed in {@code breaking.feeds}. */
        public Keys feed(FeedSource feed) {
            set("feed." + feed.id() + ".url", feed.url());
            if (feed.category() != null) {
                set("feed." + feed.id() + ".category", feed.category());
            }
            if (feed.breaking()) {
                breakingFeed(feed.id());
            }
            return this;
        }

        public Keys feeds(Iterable<FeedSource> feeds) {
            feeds.forEach(this::feed);
            return this;
        }

        public Keys breakingFeed(String id) {
            breakingFeeds.add(id);
            return set("breaking.feeds", String.join(",", breakingFeeds));
        }

        public Keys limits(int globalPerSecond, int perChatPerSecond, int groupPerMinute, int maxAttempts,
                           int maxInFlight) {
            return set("delivery.global-per-second", Integer.toString(globalPerSecond))
                    .set("delivery.per-chat-per-second", Integer.toString(perChatPerSecond))
                    .set("delivery.group-per-minute", Integer.toString(groupPerMinute))
                    .set("delivery.max-attempts", Integer.toString(maxAttempts))
                    .set("delivery.max-in-flight", Integer.toString(maxInFlight));
        }

        /** Paid broadcasts on: {@code perSecond} paid messages a second, a daily budget, Telegram's price. */
        public Keys paid(int perSecond, int budgetStars, String starsPerMessage) {
            return set("delivery.paid-broadcast", "true")
                    .set("delivery.paid-per-second", Integer.toString(perSecond))
                    .set("delivery.paid-budget-stars", Integer.toString(budgetStars))
                    .set("delivery.paid-stars-per-message", starsPerMessage);
        }

        /** The keys written so far, for a rig that adds its own. */
        public Map<String, String> values() {
            return Map.copyOf(values);
        }

        public BotConfig load() {
            return TestConfig.load(values);
        }
    }
}
