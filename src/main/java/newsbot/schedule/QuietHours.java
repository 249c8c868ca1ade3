package newsbot.schedule;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A reader's daily quiet window in their local time: {@code from} inclusive, {@code to} exclusive, wrapping
 * midnight when {@code from} is after {@code to}; {@code from == to} means no quiet hours ({@link #NONE}).
 */
public record QuietHours(LocalTime from, LocalTime to) {

    /** No quiet hours: stands in for "off" so that schedules never carry a null. */
    public static final QuietHours NONE = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    public QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        // Schedules work in whole minutes, as users type them; stray seconds from storage must not matter.
        from = from.truncatedTo(ChronoUnit.MINUTES);
        to = to.truncatedTo(ChronoUnit.MINUTES);
    }

    /** Whether this is "no quiet hours". */
    public boolean isNone() {
        return from.equals(to);
    }

    /** Whether the local time {@code time} falls inside the window. */
    public boolean contains(LocalTime time) {
        if (from.equals(to)) {
            return false;
        }
        if (from.isBefore(to)) {
            return !time.isBefore(from) && time.isBefore(to);
        }
        return !time.isBefore(from) || time.isBefore(to);
    }

    /**
     * Parses what a user types: {@code "23:00-07:00"} (also with an en or em dash and spaces, hours as
     * {@code H:MM}), or {@code "off"} for {@link #NONE}; empty when the text is neither.
     */
    public static Optional<QuietHours> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (trimmed.equalsIgnoreCase(DigestTimes.OFF)) {
            return Optional.of(NONE);
        }
        int dash = -1;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '-' || c == '\u2013' || c == '\u2014') {
                if (dash >= 0) {
                    return Optional.empty();
                }
                dash = i;
            }
        }
        if (dash < 0) {
            return Optional.empty();
        }
        LocalTime start = DigestTimes.parseTime(trimmed.substring(0, dash).strip());
        LocalTime end = DigestTimes.parseTime(trimmed.substring(dash + 1).strip());
        return start == null || end == null ? Optional.empty() : Optional.of(new QuietHours(start, end));
    }

    /** Display form such as {@code 23:00–07:00} (en dash); callers show their own localized "off" for {@link #NONE}. */
    @Override
    public String toString() {
        return DigestTimes.format(from) + '\u2013' + DigestTimes.format(to);
    }
}
