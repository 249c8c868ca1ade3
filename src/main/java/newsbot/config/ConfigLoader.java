package newsbot.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads {@code bot.properties} (UTF-8, order kept: categories are shown in file order), applies {@code NEWSBOT_*}
 * environment overrides and validates every key, failing with a {@link ConfigException} that names the key.
 */
public final class ConfigLoader {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9_-]{1,32}");
    private static final Pattern FEED_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern TOKEN = Pattern.compile("\\d{3,20}:[A-Za-z0-9_-]{20,}");

    /** Longest category display name: it is a button label and a digest heading. */
    static final int MAX_CATEGORY_NAME = 64;
    /** Largest feed body: the fetcher holds the whole body (and its decompressed copy) in memory. */
    static final int MAX_FEED_BYTES = 256 << 20;

    private final Map<String, String> environment;
    private final boolean tokenRequired;

    public ConfigLoader(Map<String, String> environment) {
        this(environment, true);
    }

    private ConfigLoader(Map<String, String> environment, boolean tokenRequired) {
        this.environment = Map.copyOf(environment);
        this.tokenRequired = tokenRequired;
    }

    /**
     * A loader for the commands that never talk to Telegram ({@code check}, {@code preview}): the token may be
     * missing and is not read; the result's token is empty.
     */
    public ConfigLoader withoutToken() {
        return new ConfigLoader(environment, false);
    }

    public BotConfig load(Path file) {
        Map<String, String> raw = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            OrderedProperties properties = new OrderedProperties();
            properties.load(reader);
            for (String key : properties.keysInOrder()) {
                raw.put(key, properties.getProperty(key).strip());
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("--config", "cannot read " + file + " (" + e.getMessage() + ")");
        }
        return fromMap(raw);
    }

    /** Validates already-read properties; environment overrides are applied here too. */
    public BotConfig fromMap(Map<String, String> fileValues) {
        Values v = new Values(withOverrides(fileValues));
        v.rejectUnknownKeys();
        List<Category> categories = categories(v);
        Set<String> slugs = new LinkedHashSet<>();
        categories.forEach(c -> slugs.add(c.slug()));
        Set<String> breakingFeeds = new LinkedHashSet<>(v.list("breaking.feeds"));
        List<FeedSource> feeds = feeds(v, slugs, breakingFeeds);
        for (String id : breakingFeeds) {
            if (feeds.stream().noneMatch(f -> f.id().equals(id))) {
                throw new ConfigException("breaking.feeds", "unknown feed id '" + id + "'");
            }
        }
        BotConfig.Telegram telegram = new BotConfig.Telegram(tokenRequired ? token(v) : "", apiUrl(v), admins(v),
                OperatorKeys.proxy(v.get("telegram.proxy")));
        Duration pollInterval = v.duration("feed.poll-interval", Duration.ofSeconds(10));
        Duration maxBackoff = v.duration("feed.max-backoff", Duration.ofMinutes(1));
        if (maxBackoff.compareTo(pollInterval) < 0) {
            throw new ConfigException("feed.max-backoff", maxBackoff + " is shorter than feed.poll-interval "
                    + pollInterval + ": a failing feed would be polled more often than a healthy one");
        }
        BotConfig.Feeds feedConfig = new BotConfig.Feeds(feeds, pollInterval,
                v.integer("feed.max-bytes", 1024, MAX_FEED_BYTES),
                maxBackoff,
                v.duration("articles.retention", Duration.ofDays(1)),
                v.integer("articles.summary-max-chars", 0, 2000));
        BotConfig.Breaking breaking = new BotConfig.Breaking(
                v.list("breaking.markers"), Set.copyOf(breakingFeeds));
        BotConfig.Digest digest = new BotConfig.Digest(zone(v), times(v),
                v.integer("digest.max-per-category", 1, 50));
        BotConfig.Delivery delivery = new BotConfig.Delivery(
                v.integer("delivery.global-per-second", 1, 10_000),
                v.integer("delivery.per-chat-per-second", 1, 100),
                v.integer("delivery.group-per-minute", 1, 6_000),
                v.integer("delivery.max-attempts", 1, 100),
                maxInFlight(v),
                v.duration("delivery.max-age.breaking", Duration.ofMinutes(1)),
                paid(v));
        BotConfig.Chat chat = new BotConfig.Chat(
                v.integer("chat.handler-threads", 1, 64),
                v.integer("chat.flood-limit", 2, 1000),
                v.duration("chat.flood-window", Duration.ofSeconds(1)),
                v.duration("chat.flood-mute", Duration.ofSeconds(1)));
        // The site's own channels (issue 13): their keys are read in one place, ChannelKeys.
        List<ChannelConfig> channels = ChannelKeys.parse(v.map(), List.copyOf(slugs), digest.defaultZone());
        // The operators' endpoint (issue 14): 0 turns it off.
        int httpPort = v.integer("http.port", 0, 65535);
        String httpBind = OperatorKeys.bindAddress(v.get("http.bind"));
        Optional<BotConfig.Http> http = httpPort == 0 ? Optional.empty() : Optional.of(new BotConfig.Http(httpPort, httpBind));
        return new BotConfig(telegram, Path.of(v.get("db.path")), List.copyOf(categories),
                feedConfig, breaking, digest, delivery, chat, channels, http, OperatorKeys.postgres(v.get("db.url"),
                        v.get("db.user"), v.get("db.password"), v.get("instance.name")), newsroom(v, feeds));
    }

    /** Push, WebSub and the audit trail (issue 26). */
    private static BotConfig.Newsroom newsroom(Values v, List<FeedSource> feeds) {
        String token = v.get("push.token");
        if (!token.isEmpty() && (token.length() < 16 || !token.matches("[\\x21-\\x7e]+"))) {
            // never echo it: it is a secret
            throw new ConfigException("push.token", "must be at least 16 printable characters without spaces");
        }
        String publicUrl = v.get("http.public-url");
        if (!publicUrl.isEmpty()) {
            checkFeedUrl("http.public-url", publicUrl);
            publicUrl = publicUrl.replaceAll("/+$", "");
        }
        Map<String, URI> hubs = new LinkedHashMap<>();
        for (FeedSource feed : feeds) {
            String key = "feed." + feed.id() + ".hub";
            String hub = v.get(key, "");
            if (!hub.isEmpty()) {
                checkFeedUrl(key, hub);
                hubs.put(feed.id(), URI.create(hub));
            }
        }
        String above = v.get("editorial.approval-above");
        return new BotConfig.Newsroom(token, publicUrl, hubs,
                v.duration("editorial.audit-retention", Duration.ofDays(366)),
                new BotConfig.Approval(userIds(v, "telegram.editors"), above.isEmpty() || above.equals("off")
                        ? BotConfig.Approval.NO_LIMIT : v.integer("editorial.approval-above", 0, 100_000_000)),
                new BotConfig.TipDesk(deskChat(v), v.duration("editorial.tip-retention", Duration.ofDays(1)),
                        v.integer("editorial.tips-per-day", 1, 1000)));
    }

    private static long deskChat(Values v) {
        String desk = v.get("editorial.desk-chat");
        try {
            return desk.isEmpty() ? BotConfig.TipDesk.EVERY_ADMIN : Long.parseLong(desk);
        } catch (NumberFormatException e) {
            throw new ConfigException("editorial.desk-chat", "'" + desk + "' is not a numeric Telegram chat id");
        }
    }

    /** Paid broadcasts (allow_paid_broadcast): off unless an operator turns them on and gives a budget. */
    private static BotConfig.Paid paid(Values v) {
        boolean on = ChannelKeys.bool("delivery.paid-broadcast", v.get("delivery.paid-broadcast"), false);
        int perSecond = v.integer("delivery.paid-per-second", 1, 1000);
        int budget = v.integer("delivery.paid-budget-stars", 0, 100_000_000);
        String priceText = v.get("delivery.paid-stars-per-message");
        BigDecimal price;
        try {
            price = new BigDecimal(priceText);
        } catch (NumberFormatException e) {
            throw new ConfigException("delivery.paid-stars-per-message", "'" + priceText + "' is not a number like 0.1");
        }
        if (price.signum() <= 0 || price.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new ConfigException("delivery.paid-stars-per-message", priceText + " is out of range 0..1000");
        }
        if (on && budget == 0) {
            throw new ConfigException("delivery.paid-budget-stars",
                    "0 with delivery.paid-broadcast=true: give the daily budget in Stars");
        }
        return new BotConfig.Paid(on, perSecond, budget, price);
    }

    /** {@code auto} (0): follow the measured round trip; a number pins it. */
    private static int maxInFlight(Values v) {
        String text = v.get("delivery.max-in-flight");
        if (text.equalsIgnoreCase("auto")) {
            return 0;
        }
        return v.integer("delivery.max-in-flight", 1, 64);
    }

    /** The environment variable that overrides {@code key}: {@code NEWSBOT_} + upper case, '.' and '-' as '_'. */
    public static String environmentName(String key) {
        return "NEWSBOT_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private Map<String, String> withOverrides(Map<String, String> fileValues) {
        Map<String, String> merged = new LinkedHashMap<>(fileValues);
        Set<String> keys = new LinkedHashSet<>(ConfigKeys.ALL.stream().map(ConfigKeys.Key::name).toList());
        keys.addAll(fileValues.keySet());
        for (String key : keys) {
            String override = environment.get(environmentName(key));
            if (override != null) {
                merged.put(key, override.strip());
            }
        }
        return merged;
    }

    private static String token(Values v) {
        String token = v.get("telegram.token");
        if (token.isEmpty()) {
            throw new ConfigException("telegram.token", "missing: set it in the file or in "
                    + environmentName("telegram.token"));
        }
        if (!TOKEN.matcher(token).matches()) {
            throw new ConfigException("telegram.token", "does not look like a bot token from @BotFather (digits:secret)");
        }
        return token;
    }

    private static URI apiUrl(Values v) {
        String text = v.get("telegram.api-url");
        try {
            URI uri = new URI(text);
            boolean httpScheme = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            boolean bare = uri.getPath() == null || uri.getPath().isEmpty() || "/".equals(uri.getPath());
            // user info would be a credential in every logged URL; a fragment means the value is not what was meant
            if (!httpScheme || uri.getHost() == null || !bare || uri.getRawQuery() != null
                    || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                throw new ConfigException("telegram.api-url",
                        "'" + withoutUserInfo(uri, text) + "' must be an http(s) URL with a host and no path, user "
                                + "info, query or fragment, e.g. https://api.telegram.org");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException("telegram.api-url", "'" + text + "' is not a valid URL");
        }
    }

    // Never repeat user info in an error line: it is probably a password.
    private static String withoutUserInfo(URI uri, String text) {
        return uri.getRawUserInfo() == null ? text : text.replace(uri.getRawUserInfo() + "@", "<user info>@");
    }

    private static Set<Long> admins(Values v) {
        return userIds(v, "telegram.admins");
    }

    private static Set<Long> userIds(Values v, String key) {
        Set<Long> admins = new TreeSet<>();
        for (String id : v.list(key)) {
            try {
                admins.add(Long.parseLong(id));
            } catch (NumberFormatException e) {
                throw new ConfigException(key, "'" + id + "' is not a numeric Telegram user id");
            }
        }
        return Set.copyOf(admins);
    }

    private static List<Category> categories(Values v) {
        List<Category> categories = new ArrayList<>();
        for (String key : v.keys()) {
            if (!key.startsWith("category.") || key.indexOf('.', "category.".length()) >= 0) {
                continue;
            }
            String slug = key.substring("category.".length());
            if (!SLUG.matcher(slug).matches()) {
                throw new ConfigException(key, "slug '" + slug + "' must be 1-32 of a-z, 0-9, '_' or '-'");
            }
            String name = v.get(key, "");
            if (name.isEmpty()) {
                throw new ConfigException(key, "display name is empty");
            }
            checkNameLength(key, name);
            String nameEn = v.get(key + ".name.en", "");
            checkNameLength(key + ".name.en", nameEn);
            categories.add(new Category(slug, name, nameEn.isEmpty() ? null : nameEn, v.list(key + ".aliases", "")));
        }
        for (String key : v.keys()) {
            if (key.startsWith("category.") && key.indexOf('.', "category.".length()) >= 0) {
                String slug = key.substring("category.".length(), key.indexOf('.', "category.".length()));
                String suffix = key.substring("category.".length() + slug.length());
                if (!suffix.equals(".name.en") && !suffix.equals(".aliases")) {
                    throw new ConfigException(key, "unknown key (expected category.<slug>.name.en or .aliases)");
                }
                if (categories.stream().noneMatch(c -> c.slug().equals(slug))) {
                    throw new ConfigException(key, "category '" + slug + "' has no display name (category." + slug + "=...)");
                }
            }
        }
        if (categories.isEmpty()) {
            throw new ConfigException("category.<slug>", "no categories configured, e.g. category.economy=Экономика");
        }
        return categories;
    }

    private static void checkNameLength(String key, String name) {
        int length = name.codePointCount(0, name.length());
        if (length > MAX_CATEGORY_NAME) {
            throw new ConfigException(key, "display name has " + length + " characters, at most "
                    + MAX_CATEGORY_NAME + " fit a button and a heading");
        }
    }

    private static List<FeedSource> feeds(Values v, Set<String> slugs, Set<String> breakingFeeds) {
        Map<String, FeedSource> feeds = new LinkedHashMap<>();
        for (String key : v.keys()) {
            if (!key.startsWith("feed.") || ConfigKeys.isKnown(key)) {
                continue;
            }
            String rest = key.substring("feed.".length());
            int dot = rest.lastIndexOf('.');
            String id = dot < 0 ? rest : rest.substring(0, dot);
            String field = dot < 0 ? "" : rest.substring(dot + 1);
            if (!FEED_ID.matcher(id).matches()
                    || !(field.equals("url") || field.equals("category") || field.equals("hub")
                    || field.equals("article-selector"))) {
                throw new ConfigException(key,
                        "unknown key (expected feed.<id>.url, .category, .hub or .article-selector)");
            }
            if (feeds.containsKey(id)) {
                continue;
            }
            String urlKey = "feed." + id + ".url";
            String url = v.get(urlKey, "");
            if (url.isEmpty()) {
                throw new ConfigException(urlKey, "missing");
            }
            checkFeedUrl(urlKey, url);
            String categoryKey = "feed." + id + ".category";
            String category = v.get(categoryKey, "");
            if (!category.isEmpty() && !slugs.contains(category)) {
                throw new ConfigException(categoryKey, "unknown category '" + category + "' (known: "
                        + String.join(", ", slugs) + ")");
            }
            String selectorKey = "feed." + id + ".article-selector";
            String selector = v.get(selectorKey, "");
            checkSelector(selectorKey, selector);
            feeds.put(id, new FeedSource(id, url, category.isEmpty() ? null : category, breakingFeeds.contains(id),
                    selector));
        }
        if (feeds.isEmpty()) {
            throw new ConfigException("feed.<id>.url", "no feeds configured");
        }
        return List.copyOf(feeds.values());
    }

    private static void checkSelector(String key, String selector) {
        if (selector.isBlank()) {
            return;
        }
        try {
            org.jsoup.select.QueryParser.parse(selector);
        } catch (org.jsoup.select.Selector.SelectorParseException e) {
            throw new ConfigException(key, "not a CSS selector: " + e.getMessage());
        }
    }

    private static void checkFeedUrl(String key, String url) {
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new ConfigException(key, "'" + url + "' must be an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(key, "'" + url + "' is not a valid URL");
        }
    }

    private static ZoneId zone(Values v) {
        String text = v.get("digest.timezone");
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new ConfigException("digest.timezone", "'" + text + "' is not an IANA time zone such as Asia/Bishkek");
        }
    }

    private static List<LocalTime> times(Values v) {
        List<String> texts = v.list("digest.times");
        if (texts.size() == 1 && texts.get(0).equalsIgnoreCase("off")) {
            return List.of();
        }
        TreeSet<LocalTime> times = new TreeSet<>();
        for (String text : texts) {
            try {
                times.add(LocalTime.parse(text.length() == 4 ? "0" + text : text));
            } catch (DateTimeParseException e) {
                throw new ConfigException("digest.times", "'" + text + "' is not a time like 08:00");
            }
        }
        if (times.size() > 6) {
            throw new ConfigException("digest.times", "at most 6 digest times");
        }
        return List.copyOf(times);
    }

    /** The merged key/value view with typed, validating getters. */
    private record Values(Map<String, String> map) {

        Iterable<String> keys() {
            return map.keySet();
        }

        void rejectUnknownKeys() {
            for (String key : map.keySet()) {
                if (!ConfigKeys.isKnown(key) && !key.startsWith("category.") && !key.startsWith("feed.")
                        && !ChannelKeys.isChannelKey(key)) {
                    throw new ConfigException(key, "unknown key (see bot.properties.example)");
                }
            }
        }

        /** The value, or the key's default from {@link ConfigKeys}. */
        String get(String key) {
            return get(key, ConfigKeys.defaultOf(key));
        }

        String get(String key, String fallback) {
            String value = map.get(key);
            return value == null || value.isEmpty() ? fallback : value;
        }

        List<String> list(String key) {
            return list(key, ConfigKeys.defaultOf(key));
        }

        List<String> list(String key, String fallback) {
            List<String> items = new ArrayList<>();
            for (String part : get(key, fallback).split(",")) {
                if (!part.isBlank()) {
                    items.add(part.strip());
                }
            }
            return List.copyOf(items);
        }

        int integer(String key, int min, int max) {
            String text = get(key);
            try {
                int value = Integer.parseInt(text);
                if (value < min || value > max) {
                    throw new ConfigException(key, value + " is out of range " + min + ".." + max);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new ConfigException(key, "'" + text + "' is not a whole number");
            }
        }

        Duration duration(String key, Duration min) {
            String text = get(key);
            try {
                Duration value = Duration.parse(text);
                if (value.compareTo(min) < 0) {
                    throw new ConfigException(key, text + " is shorter than the minimum " + min);
                }
                return value;
            } catch (DateTimeParseException e) {
                throw new ConfigException(key, "'" + text + "' is not an ISO-8601 duration such as PT2M or P30D");
            }
        }
    }
}
