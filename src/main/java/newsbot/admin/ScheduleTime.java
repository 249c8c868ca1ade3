package newsbot.admin;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When an editor wants a broadcast sent, as they write it in their own time zone: {@code 2026-12-24 09:00},
 * {@code 24.12.2026 09:00}, {@code 24.12 09:00} (this year, or next if already past) or {@code 09:00} (today, or
 * tomorrow if already past). Pure; the zone and now are given.
 */
final class ScheduleTime {

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})\\s+(\\d{1,2}):(\\d{2})");
    private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})(?:\\.(\\d{4}))?\\s+(\\d{1,2}):(\\d{2})");
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2})");
    /** Telegram keeps no promise that far ahead, and neither should a news bot. */
    static final int MAX_DAYS_AHEAD = 366;

    private ScheduleTime() {
    }

    /** The words after {@code at}, and how many characters of {@code text} (from {@code from}) they took. */
    record Parsed(ZonedDateTime at, int end) {
    }

    /** The time at the start of {@code text} from {@code from}, or empty when there is none or it is no date. */
    static Optional<Parsed> parse(String text, int from, ZoneId zone, ZonedDateTime now) {
        String rest = text.substring(from);
        Matcher iso = ISO.matcher(rest);
        if (iso.lookingAt()) {
            return at(zone, num(iso, 1), num(iso, 2), num(iso, 3), num(iso, 4), num(iso, 5))
                    .map(t -> new Parsed(t, from + iso.end()));
        }
        Matcher dotted = DOTTED.matcher(rest);
        if (dotted.lookingAt()) {
            boolean withYear = dotted.group(3) != null;
            int year = withYear ? num(dotted, 3) : now.getYear();
            Optional<ZonedDateTime> t = at(zone, year, num(dotted, 2), num(dotted, 1), num(dotted, 4), num(dotted, 5));
            if (!withYear && t.isPresent() && t.get().isBefore(now)) {
                t = t.map(z -> z.plusYears(1));
            }
            return t.map(z -> new Parsed(z, from + dotted.end()));
        }
        Matcher clock = CLOCK.matcher(rest);
        if (clock.lookingAt()) {
            LocalDate today = now.withZoneSameInstant(zone).toLocalDate();
            Optional<ZonedDateTime> t = at(zone, today.getYear(), today.getMonthValue(), today.getDayOfMonth(),
                    num(clock, 1), num(clock, 2));
            if (t.isPresent() && !t.get().isAfter(now)) {
                t = t.map(z -> z.plusDays(1));
            }
            return t.map(z -> new Parsed(z, from + clock.end()));
        }
        return Optional.empty();
    }

    /** Why a broadcast cannot be scheduled then (the key of the text), or empty when it can. */
    static Optional<String> problem(ZonedDateTime at, java.time.Instant now) {
        if (!at.toInstant().isAfter(now)) {
            return Optional.of("admin.schedule.past");
        }
        if (at.toInstant().isAfter(now.plus(java.time.Duration.ofDays(MAX_DAYS_AHEAD)))) {
            return Optional.of("admin.schedule.far");
        }
        return Optional.empty();
    }

    private static Optional<ZonedDateTime> at(ZoneId zone, int year, int month, int day, int hour, int minute) {
        try {
            return Optional.of(LocalDateTime.of(LocalDate.of(year, month, day), LocalTime.of(hour, minute))
                    .atZone(zone));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
