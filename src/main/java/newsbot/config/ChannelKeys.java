package newsbot.config;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads and validates the {@code channel.<id>.*} keys; every error names its key. */
final class ChannelKeys {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    // Telegram usernames: 5-32 of letters, digits and '_', starting with a letter
    private static final Pattern USERNAME = Pattern.compile("@[A-Za-z][A-Za-z0-9_]{4,31}");
    private static final Set<String> FIELDS = Set.of("chat", "categories", "breaking", "digest-times", "timezone",
            "language", "silent", "thread");

    private ChannelKeys() {
    }

    static boolean isChannelKey(String key) {
        return key.startsWith("channel.");
    }

    static List<ChannelConfig> parse(Map<String, String> values, List<String> slugs, ZoneId defaultZone) {
        Map<String, Map<String, String>> byId = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            if (!isChannelKey(key)) {
                continue;
            }
            String rest = key.substring("channel.".length());
            int dot = rest.lastIndexOf('.');
            String id = dot < 0 ? rest : rest.substring(0, dot);
            String field = dot < 0 ? "" : rest.substring(dot + 1);
            if (!ID.matcher(id).matches() || !FIELDS.contains(field)) {
                throw new ConfigException(key, "unknown key (expected channel.<id>.chat, .categories, .breaking, "
                        + ".digest-times, .timezone, .language, .silent or .thread)");
            }
            byId.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(field, e.getValue().strip());
        }
        List<ChannelConfig> channels = new ArrayList<>();
        Set<String> chats = new TreeSet<>();
        for (Map.Entry<String, Map<String, String>> e : byId.entrySet()) {
            ChannelConfig channel = channel(e.getKey(), e.getValue(), slugs, defaultZone);
            if (!chats.add(channel.chat().toLowerCase(java.util.Locale.ROOT) + "#" + channel.threadId())) {
                throw new ConfigException("channel." + e.getKey() + ".chat", "'" + channel.chat()
                        + "' is configured twice");
            }
            channels.add(channel);
        }
        return List.copyOf(channels);
    }

    private static ChannelConfig channel(String id, Map<String, String> f, List<String> slugs, ZoneId defaultZone) {
        String prefix = "channel." + id + ".";
        String chat = f.getOrDefault("chat", "");
        if (chat.isEmpty()) {
            throw new ConfigException(prefix + "chat", "missing: @username of the channel or its numeric id (-100…)");
        }
        if (!USERNAME.matcher(chat).matches() && !isNumericChatId(chat)) {
            throw new ConfigException(prefix + "chat", "'" + chat + "' is neither a @username nor a negative numeric "
                    + "chat id such as -1001234567890");
        }
        List<String> categories = new ArrayList<>();
        for (String slug : list(f.get("categories"))) {
            if (!slugs.contains(slug)) {
                throw new ConfigException(prefix + "categories", "unknown category '" + slug + "' (known: "
                        + String.join(", ", slugs) + ")");
            }
            categories.add(slug);
        }
        if (categories.isEmpty()) {
            categories.addAll(slugs);
        }
        boolean breaking = bool(prefix + "breaking", f.get("breaking"), true);
        boolean silent = bool(prefix + "silent", f.get("silent"), false);
        String language = f.getOrDefault("language", "").isEmpty() ? Languages.DEFAULT : f.get("language");
        if (!Languages.isSupported(language)) {
            throw new ConfigException(prefix + "language", "'" + language + "' is not one of " + Languages.ALL);
        }
        ZoneId zone = defaultZone;
        String zoneText = f.getOrDefault("timezone", "");
        if (!zoneText.isEmpty()) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                throw new ConfigException(prefix + "timezone", "'" + zoneText
                        + "' is not an IANA time zone such as Asia/Bishkek");
            }
        }
        Integer thread = null;
        String threadText = f.getOrDefault("thread", "");
        if (!threadText.isEmpty()) {
            try {
                thread = Integer.parseInt(threadText);
            } catch (NumberFormatException e) {
                thread = 0;
            }
            if (thread < 1) {
                throw new ConfigException(prefix + "thread", "'" + threadText + "' is not a message_thread_id (a "
                        + "positive number)");
            }
        }
        return new ChannelConfig(id, chat, categories, breaking, times(prefix + "digest-times",
                f.get("digest-times")), zone, language, silent, thread);
    }

    // Nineteen digits can still overflow a long, which the sender needs the id to be.
    private static boolean isNumericChatId(String chat) {
        if (!chat.matches("-\\d{1,19}")) {
            return false;
        }
        try {
            Long.parseLong(chat);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<LocalTime> times(String key, String text) {
        TreeSet<LocalTime> times = new TreeSet<>();
        for (String part : list(text)) {
            try {
                times.add(LocalTime.parse(part.length() == 4 ? "0" + part : part));
            } catch (DateTimeParseException e) {
                throw new ConfigException(key, "'" + part + "' is not a time like 09:00");
            }
        }
        if (times.size() > 6) {
            throw new ConfigException(key, "at most 6 digest times");
        }
        return List.copyOf(times);
    }

    /** true or false in any case; empty gives {@code fallback}; anything else stops start-up naming the key. */
    static boolean bool(String key, String text, boolean fallback) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new ConfigException(key, "'" + text + "' is neither true nor false");
    }

    private static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        if (text != null) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    items.add(part.strip());
                }
            }
        }
        return items;
    }
}
