package newsbot.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every fixed key of {@code bot.properties} in one table: its name, its default and what it is for. The loader
 * takes defaults from here and refuses keys that are not here (or not a {@code category.<slug>} /
 * {@code feed.<id>} key); a test checks that {@code bot.properties.example} lists exactly these keys.
 */
final class ConfigKeys {

    /** One key; {@code defaultValue} "" means none (the key is optional, or required where the loader says so). */
    public record Key(String name, String defaultValue, String doc) {
    }

    public static final List<Key> ALL = List.of(
            new Key("telegram.token", "", "bot token from @BotFather (required; prefer NEWSBOT_TELEGRAM_TOKEN)"),
            new Key("telegram.api-url", "https://api.telegram.org", "Bot API base URL, scheme://host[:port]"),
            new Key("telegram.admins", "", "user ids with every right of the editors' tools, approving included"),
            new Key("telegram.editors", "", "user ids allowed the editors' tools but approval of mass sends"),
            new Key("db.path", "newsbot.db", "SQLite file, created and migrated at start-up"),
            new Key("feed.poll-interval", "PT2M", "how often feeds are polled"),
            new Key("feed.max-bytes", "5242880", "largest feed body accepted, after decompression"),
            new Key("feed.max-backoff", "PT1H", "longest wait between retries of a failing feed"),
            new Key("articles.retention", "P30D", "how long articles are kept"),
            new Key("articles.summary-max-chars", "300", "summaries are cut to this length at a word boundary"),
            new Key("breaking.markers", "СРОЧНО,Срочно,BREAKING,⚡", "a title carrying one of these is breaking"),
            new Key("breaking.feeds", "", "feed ids whose every item is breaking"),
            new Key("digest.timezone", "Asia/Bishkek", "time zone of new readers"),
            new Key("digest.times", "08:00,19:00", "digest times of new readers, or off"),
            new Key("digest.max-per-category", "5", "articles per category in a digest before \"and N more\""),
            new Key("delivery.global-per-second", "30", "messages per second overall"),
            new Key("delivery.per-chat-per-second", "1", "messages per second to one private chat"),
            new Key("delivery.group-per-minute", "20", "messages per minute to one group or channel"),
            new Key("delivery.max-attempts", "8", "tries of a message failing for a passing reason"),
            new Key("delivery.max-in-flight", "auto", "Bot API calls awaiting an answer at once: auto or 1-64"),
            new Key("delivery.max-age.breaking", "PT6H", "a breaking alert older than this is dropped, not sent"),
            new Key("delivery.paid-broadcast", "false",
                    "let editors send broadcasts and /breaking fast for Stars (allow_paid_broadcast)"),
            new Key("delivery.paid-per-second", "300", "the rate of paid messages, 1-1000 per second"),
            new Key("delivery.paid-budget-stars", "0", "Stars the bot may spend on paid messages per UTC day"),
            new Key("delivery.paid-stars-per-message", "0.1", "Telegram's price of one paid message in Stars"),
            new Key("chat.handler-threads", "4", "threads handling updates of different chats at once"),
            new Key("chat.flood-limit", "8", "messages or presses per window before a chat is muted"),
            new Key("chat.flood-window", "PT10S", "the flood guard's window"),
            new Key("chat.flood-mute", "PT1M", "how long a flooding chat is ignored"),
            new Key("http.port", "8080", "port of GET /health and GET /metrics; 0 turns them off"),
            new Key("http.bind", "127.0.0.1", "address the endpoint listens on"),
            new Key("telegram.proxy", "", "socks5://host:port or http://user:pass@host:port to reach Telegram"),
            new Key("db.url", "", "jdbc:postgresql://host:5432/db to share PostgreSQL with other instances; empty: SQLite"),
            new Key("db.user", "newsbot", "PostgreSQL user"),
            new Key("db.password", "", "PostgreSQL password (prefer NEWSBOT_DB_PASSWORD)"),
            new Key("instance.name", "", "this instance's name in the lease, /health and /stats; empty: the host name"),
            new Key("push.token", "", "bearer token of POST /push/<feed id>; empty: no push route (prefer NEWSBOT_PUSH_TOKEN)"),
            new Key("http.public-url", "", "https URL where the operators' endpoint is reachable from outside (WebSub)"),
            new Key("editorial.audit-retention", "P400D", "how long the editors' audit trail is kept, at least P366D"),
            new Key("editorial.approval-above", "off",
                    "an editor's broadcast, retraction or paid send to more readers waits for an admin; off: never"),
            new Key("editorial.desk-chat", "", "chat id of the editors' group that gets readers' tips; empty: every admin"),
            new Key("editorial.tip-retention", "P90D", "how long readers' tips are kept"),
            new Key("editorial.tips-per-day", "5", "how many tips one reader may send in 24 hours"));

    private static final Map<String, Key> BY_NAME = index();

    private ConfigKeys() {
    }

    public static Optional<Key> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The default of a key of the table; a key missing from the table is a bug, not a user error. */
    static String defaultOf(String name) {
        Key key = BY_NAME.get(name);
        if (key == null) {
            throw new IllegalStateException("config key " + name + " is not in ConfigKeys.ALL");
        }
        return key.defaultValue();
    }

    static boolean isKnown(String name) {
        return BY_NAME.containsKey(name);
    }

    private static Map<String, Key> index() {
        Map<String, Key> byName = new LinkedHashMap<>();
        for (Key key : ALL) {
            if (byName.put(key.name(), key) != null) {
                throw new IllegalStateException("config key " + key.name() + " listed twice");
            }
        }
        return Map.copyOf(byName);
    }
}
