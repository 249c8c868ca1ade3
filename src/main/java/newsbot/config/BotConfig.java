package newsbot.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The whole validated configuration; built only by {@link ConfigLoader}. */
public record BotConfig(
        Telegram telegram,
        Path dbPath,
        List<Category> categories,
        Feeds feeds,
        Breaking breaking,
        Digest digest,
        Delivery delivery,
        Chat chat,
        List<ChannelConfig> channels) {

    public BotConfig {
        channels = List.copyOf(channels);
    }

    /** The configuration without channels. */
    public BotConfig(Telegram telegram, Path dbPath, List<Category> categories, Feeds feeds, Breaking breaking,
                     Digest digest, Delivery delivery, Chat chat) {
        this(telegram, dbPath, categories, feeds, breaking, digest, delivery, chat, List.of());
    }

    /** The configuration with the default chat settings. */
    public BotConfig(Telegram telegram, Path dbPath, List<Category> categories, Feeds feeds, Breaking breaking,
                     Digest digest, Delivery delivery) {
        this(telegram, dbPath, categories, feeds, breaking, digest, delivery, Chat.DEFAULTS);
    }

    /** Bot API access and who may use admin commands. */
    public record Telegram(String token, URI apiUrl, Set<Long> admins) {
        @Override
        public String toString() {
            return "Telegram[token=<redacted>, apiUrl=" + apiUrl + ", admins=" + admins + "]";
        }
    }

    /** What to poll and how politely. */
    public record Feeds(List<FeedSource> sources, Duration pollInterval, long maxBytes, Duration maxBackoff,
                        Duration retention, int summaryMaxChars) {
    }

    /** What makes an item breaking news. */
    public record Breaking(List<String> markers, Set<String> feedIds) {
    }

    /** Defaults for new readers and the shape of a digest. */
    public record Digest(ZoneId defaultZone, List<LocalTime> defaultTimes, int maxPerCategory) {
    }

    /**
     * Telegram's limits as we apply them, how hard to retry, how many calls may await Telegram's answer at once
     * ({@code maxInFlight} 0: follow the measured round trip; each call in flight may be repeated after a crash),
     * and how long a breaking alert is still worth sending.
     */
    public record Delivery(int globalPerSecond, int perChatPerSecond, int groupPerMinute, int maxAttempts,
                           int maxInFlight, Duration maxAgeBreaking) {

        public static final Duration DEFAULT_MAX_AGE_BREAKING = Duration.ofHours(6);

        /** With the default maximum age of breaking alerts. */
        public Delivery(int globalPerSecond, int perChatPerSecond, int groupPerMinute, int maxAttempts,
                        int maxInFlight) {
            this(globalPerSecond, perChatPerSecond, groupPerMinute, maxAttempts, maxInFlight,
                    DEFAULT_MAX_AGE_BREAKING);
        }
    }

    /**
     * How updates are handled: on how many threads (chats in parallel), and the flood guard: past
     * {@code floodLimit} messages or presses within {@code floodWindow} a chat is ignored for {@code floodMute}.
     */
    public record Chat(int handlerThreads, int floodLimit, Duration floodWindow, Duration floodMute) {
        public static final Chat DEFAULTS = new Chat(4, 8, Duration.ofSeconds(10), Duration.ofMinutes(1));
    }

    public Optional<Category> category(String slug) {
        return categories.stream().filter(c -> c.slug().equals(slug)).findFirst();
    }

    /** The category whose slug, display name or alias is {@code text}, ignoring case. */
    public Optional<Category> findCategory(String text) {
        return categories.stream().filter(c -> c.matches(text)).findFirst();
    }

    public boolean isAdmin(long userId) {
        return telegram.admins().contains(userId);
    }
}
