package newsbot.chat;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns what a reader types ("Asia/Bishkek", "bishkek", "Бишкек", "UTC+6") into a zone, or suggests close ones. */
final class ZoneSuggestions {

    private static final Pattern OFFSET = Pattern.compile("(?:UTC|GMT)?\\s*([+-])\\s*(\\d{1,2})(?::?(\\d{2}))?",
            Pattern.CASE_INSENSITIVE);
    // Readers here type city names in Russian; these are the ones the site's audience is likely to use.
    private static final Map<String, String> RUSSIAN_CITIES = Map.ofEntries(
            Map.entry("бишкек", "Asia/Bishkek"), Map.entry("ош", "Asia/Bishkek"),
            Map.entry("алматы", "Asia/Almaty"), Map.entry("алма-ата", "Asia/Almaty"),
            Map.entry("астана", "Asia/Almaty"), Map.entry("ташкент", "Asia/Tashkent"),
            Map.entry("самарканд", "Asia/Samarkand"), Map.entry("душанбе", "Asia/Dushanbe"),
            Map.entry("ашхабад", "Asia/Ashgabat"), Map.entry("москва", "Europe/Moscow"),
            Map.entry("санкт-петербург", "Europe/Moscow"), Map.entry("екатеринбург", "Asia/Yekaterinburg"),
            Map.entry("новосибирск", "Asia/Novosibirsk"), Map.entry("омск", "Asia/Omsk"),
            Map.entry("баку", "Asia/Baku"), Map.entry("тбилиси", "Asia/Tbilisi"), Map.entry("ереван", "Asia/Yerevan"),
            Map.entry("минск", "Europe/Minsk"), Map.entry("киев", "Europe/Kyiv"), Map.entry("стамбул", "Europe/Istanbul"),
            Map.entry("дубай", "Asia/Dubai"), Map.entry("сеул", "Asia/Seoul"), Map.entry("лондон", "Europe/London"),
            Map.entry("берлин", "Europe/Berlin"), Map.entry("нью-йорк", "America/New_York"));

    private final Map<String, String> byCity = new TreeMap<>();

    public ZoneSuggestions() {
        for (String id : ZoneId.getAvailableZoneIds()) {
            int slash = id.lastIndexOf('/');
            if (slash > 0 && Character.isUpperCase(id.charAt(0)) && !id.startsWith("Etc/") && !id.startsWith("SystemV/")) {
                byCity.putIfAbsent(normalize(id.substring(slash + 1)), id);
            }
        }
    }

    /** The zone the text names exactly (ignoring case), a city of it, or a UTC offset. */
    Optional<ZoneId> resolve(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Matcher offset = OFFSET.matcher(t);
        if (offset.matches()) {
            return offsetZone(offset);
        }
        if (t.equalsIgnoreCase("UTC") || t.equalsIgnoreCase("GMT")) {
            return Optional.of(ZoneOffset.UTC);
        }
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (id.equalsIgnoreCase(t) && id.contains("/")) {
                return Optional.of(ZoneId.of(id));
            }
        }
        String city = RUSSIAN_CITIES.get(t.toLowerCase(Locale.ROOT));
        if (city != null) {
            return Optional.of(ZoneId.of(city));
        }
        String id = byCity.get(normalize(t.contains("/") ? t.substring(t.lastIndexOf('/') + 1) : t));
        return id == null ? Optional.empty() : Optional.of(ZoneId.of(id));
    }

    /** Up to three zone ids whose city is within two typos of what the reader typed. */
    List<String> suggest(String text) {
        String wanted = normalize(text.contains("/") ? text.substring(text.lastIndexOf('/') + 1) : text);
        List<Map.Entry<String, Integer>> scored = new ArrayList<>();
        for (Map.Entry<String, String> e : byCity.entrySet()) {
            int distance = distance(wanted, e.getKey(), 3);
            if (distance <= 2) {
                scored.add(Map.entry(e.getValue(), distance));
            }
        }
        scored.sort(Comparator.comparingInt(Map.Entry<String, Integer>::getValue).thenComparing(Map.Entry::getKey));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < Math.min(3, scored.size()); i++) {
            ids.add(scored.get(i).getKey());
        }
        return ids;
    }

    private static Optional<ZoneId> offsetZone(Matcher m) {
        int hours = Integer.parseInt(m.group(2));
        int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        int sign = m.group(1).equals("-") ? -1 : 1;
        try {
            return Optional.of(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String normalize(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    /** Levenshtein distance, giving up (returning {@code limit}) once it must exceed the limit. */
    private static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], limit);
    }
}
