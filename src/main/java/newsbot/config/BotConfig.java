package newsbot.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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
        List<ChannelConfig> channels,
        Optional<Http> http,
        Optional<Postgres> postgres,
        Newsroom newsroom) {

    public BotConfig {
        channels = List.copyOf(channels);
    }

    /** Without the newsroom's keys: no push, no WebSub, the default audit retention. */
    public BotConfig(Telegram telegram, Path dbPath, List<Category> categories, Feeds feeds, Breaking breaking,
                     Digest digest, Delivery delivery, Chat chat, List<ChannelConfig> channels, Optional<Http> http,
                     Optional<Postgres> postgres) {
        this(telegram, dbPath, categories, feeds, breaking, digest, delivery, chat, channels, http, postgres,
                Newsroom.DEFAULTS);
    }

    /**
     * Breaking news pushed by the site and the editors' record: {@code push.token} (empty: no push route),
     * {@code http.public-url} (empty: no WebSub), {@code feed.<id>.hub} by feed id, {@code editorial.audit-retention}.
     */
    public record Newsroom(String pushToken, String publicUrl, Map<String, URI> hubs, Duration auditRetention,
                           Approval approval, TipDesk tips) {
        public static final Newsroom DEFAULTS = new Newsroom("", "", Map.of(), Duration.ofDays(400), Approval.OFF,
                TipDesk.DEFAULTS);

        public Newsroom(String pushToken, String publicUrl, Map<String, URI> hubs, Duration auditRetention) {
            this(pushToken, publicUrl, hubs, auditRetention, Approval.OFF, TipDesk.DEFAULTS);
        }

        public Newsroom withApproval(Approval other) {
            return new Newsroom(pushToken, publicUrl, hubs, auditRetention, other, tips);
        }

        public Newsroom withTips(TipDesk other) {
            return new Newsroom(pushToken, publicUrl, hubs, auditRetention, approval, other);
        }

        public Newsroom {
            hubs = Map.copyOf(hubs);
        }

        /** The push route's token, if the route exists. */
        public Optional<String> push() {
            return pushToken.isEmpty() ? Optional.empty() : Optional.of(pushToken);
        }

        /** Where the operators' endpoint is reachable from outside, if WebSub may subscribe. */
        public Optional<URI> publicBase() {
            return publicUrl.isEmpty() ? Optional.empty() : Optional.of(URI.create(publicUrl));
        }

        public Newsroom withPushToken(String token) {
            return new Newsroom(token, publicUrl, hubs, auditRetention, approval, tips);
        }

        public Newsroom withPublicUrl(String url) {
            return new Newsroom(pushToken, url, hubs, auditRetention, approval, tips);
        }

        @Override
        public String toString() {
            return "Newsroom[pushToken=" + (pushToken.isEmpty() ? "" : "<redacted>") + ", publicUrl=" + publicUrl
                    + ", hubs=" + hubs + ", auditRetention=" + auditRetention + "]";
        }
    }

    /** The same configuration with other newsroom settings (tests). */
    public BotConfig withNewsroom(Newsroom other) {
        return new BotConfig(telegram, dbPath, categories, feeds, breaking, digest, delivery, chat, channels, http,
                postgres, other);
    }

    /** SQLite at {@code dbPath}: every instance before PostgreSQL came (issue 15). */
    public BotConfig(Telegram telegram, Path dbPath, List<Category> categories, Feeds feeds, Breaking breaking,
                     Digest digest, Delivery delivery, Chat chat, List<ChannelConfig> channels, Optional<Http> http) {
        this(telegram, dbPath, categories, feeds, breaking, digest, delivery, chat, channels, http, Optional.empty());
    }

    /**
     * {@code db.url}, {@code db.user}, {@code db.password}: PostgreSQL instead of SQLite, shared by instances of
     * which one is active at a time; {@code instance} names this one in the lease.
     */
    public record Postgres(String url, String user, String password, String instance) {
        @Override
        public String toString() {
            return "Postgres[url=" + url + ", user=" + user + ", password=<redacted>, instance=" + instance + "]";
        }
    }

    /** The same configuration on PostgreSQL (tests). */
    public BotConfig withPostgres(Optional<Postgres> other) {
        return new BotConfig(telegram, dbPath, categories, feeds, breaking, digest, delivery, chat, channels, http,
                other, newsroom);
    }

    /** The configuration without channels and without the operators' HTTP endpoint. */
    public BotConfig(Telegram telegram, Path dbPath, List<Category> categories, Feeds feeds, Breaking breaking,
                     Digest digest, Delivery delivery, Chat chat, List<ChannelConfig> channels) {
        this(telegram, dbPath, categories, feeds, breaking, digest, delivery, chat, channels, Optional.empty());
    }

    /** The configuration with the default chat settings. */
    public BotConfig(Telegram telegram, Path dbPath, List<Category> categories, Feeds feeds, Breaking breaking,
                     Digest digest, Delivery delivery) {
        this(telegram, dbPath, categories, feeds, breaking, digest, delivery, Chat.DEFAULTS);
    }

    /** The configuration without the operators' HTTP endpoint (tests that build it by hand). */
    public BotConfig(Telegram telegram, Path dbPath, List<Category> categories, Feeds feeds, Breaking breaking,
                     Digest digest, Delivery delivery, Chat chat) {
        this(telegram, dbPath, categories, feeds, breaking, digest, delivery, chat, List.of(), Optional.empty());
    }

    /** Bot API access, who may use admin commands, and the proxy Telegram is reached through, if any. */
    public record Telegram(String token, URI apiUrl, Set<Long> admins, Optional<Proxy> proxy) {

        public Telegram(String token, URI apiUrl, Set<Long> admins) {
            this(token, apiUrl, admins, Optional.empty());
        }

        @Override
        public String toString() {
            return "Telegram[token=<redacted>, apiUrl=" + apiUrl + ", admins=" + admins + ", proxy=" + proxy + "]";
        }
    }

    /**
     * {@code telegram.proxy}: {@code scheme} is {@code http} or {@code socks5}; user and password are empty
     * without credentials (SOCKS takes none).
     */
    public record Proxy(String scheme, String host, int port, String user, String password) {
        public boolean hasCredentials() {
            return !user.isEmpty();
        }

        @Override
        public String toString() {
            return scheme + "://" + (hasCredentials() ? "<redacted>@" : "") + host + ":" + port;
        }
    }

    /**
     * The operators' endpoint ({@code /health}, {@code /metrics}), absent when {@code http.port} is 0. A port 0
     * here (tests only) takes any free port.
     */
    public record Http(int port, String bind) {
    }

    /** The same configuration with another operators' endpoint (tests bind an ephemeral port). */
    public BotConfig withHttp(Optional<Http> other) {
        return new BotConfig(telegram, dbPath, categories, feeds, breaking, digest, delivery, chat, channels, other,
                postgres, newsroom);
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
                           int maxInFlight, Duration maxAgeBreaking, Paid paid) {

        public static final Duration DEFAULT_MAX_AGE_BREAKING = Duration.ofHours(6);

        /** Without paid broadcasts. */
        public Delivery(int globalPerSecond, int perChatPerSecond, int groupPerMinute, int maxAttempts,
                        int maxInFlight, Duration maxAgeBreaking) {
            this(globalPerSecond, perChatPerSecond, groupPerMinute, maxAttempts, maxInFlight, maxAgeBreaking,
                    Paid.OFF);
        }

        public Delivery withPaid(Paid newPaid) {
            return new Delivery(globalPerSecond, perChatPerSecond, groupPerMinute, maxAttempts, maxInFlight,
                    maxAgeBreaking, newPaid);
        }

        /** With the default maximum age of breaking alerts. */
        public Delivery(int globalPerSecond, int perChatPerSecond, int groupPerMinute, int maxAttempts,
                        int maxInFlight) {
            this(globalPerSecond, perChatPerSecond, groupPerMinute, maxAttempts, maxInFlight,
                    DEFAULT_MAX_AGE_BREAKING);
        }
    }

    /**
     * Paid broadcasts: Telegram sends up to 1,000 messages/s with allow_paid_broadcast, for Stars per message.
     *
     * @param perSecond      the pace of paid messages
     * @param budgetStars    the most the bot spends per UTC day; it never goes past it
     * @param starsPerMessage Telegram's price of one paid message
     */
    public record Paid(boolean enabled, int perSecond, int budgetStars, BigDecimal starsPerMessage) {
        public static final Paid OFF = new Paid(false, 300, 0, new BigDecimal("0.1"));

        /** Paid messages the daily budget pays for, at most {@code Integer.MAX_VALUE}. */
        public int messagesPerDay() {
            // A tiny price with a large budget goes past an int; wrapping would turn paid sending off unnoticed.
            return BigDecimal.valueOf(budgetStars).divide(starsPerMessage, 0, RoundingMode.FLOOR)
                    .min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValueExact();
        }

        /** What {@code messages} paid messages cost, in Stars. */
        public BigDecimal cost(long messages) {
            return starsPerMessage.multiply(BigDecimal.valueOf(messages)).stripTrailingZeros();
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

    /**
     * The two-person rule: {@code telegram.editors} (who may do all but approve) and {@code editorial.approval-above}
     * (an editor's mass send to more readers waits for an admin; {@link #NO_LIMIT}: never).
     */
    public record Approval(Set<Long> editors, int above) {
        public static final int NO_LIMIT = -1;
        public static final Approval OFF = new Approval(Set.of(), NO_LIMIT);

        public Approval {
            editors = Set.copyOf(editors);
        }
    }

    /**
     * Readers' tips: where they go ({@code editorial.desk-chat}; {@link #EVERY_ADMIN}: each admin privately), how
     * long they are kept, and how many a reader may send a day.
     */
    public record TipDesk(long deskChat, Duration retention, int perDay) {
        public static final long EVERY_ADMIN = 0;
        public static final TipDesk DEFAULTS = new TipDesk(EVERY_ADMIN, Duration.ofDays(90), 5);
    }

    /** Every right, approving an editor's mass send among them. */
    public boolean isAdmin(long userId) {
        return telegram.admins().contains(userId);
    }

    /** The editors' tools: an admin, or one of {@code telegram.editors}. */
    public boolean isEditor(long userId) {
        return isAdmin(userId) || newsroom.approval().editors().contains(userId);
    }

    /** Whether a broadcast, retraction or paid send by {@code userId} to {@code readers} waits for an admin. */
    public boolean needsApproval(long userId, int readers) {
        int above = newsroom.approval().above();
        return !isAdmin(userId) && above != Approval.NO_LIMIT && readers > above;
    }
}
