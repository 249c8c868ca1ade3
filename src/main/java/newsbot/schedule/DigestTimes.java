package newsbot.schedule;

import newsbot.html.Html;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** Parsing and formatting of a reader's digest times as typed in chat and stored: {@code "08:00,19:00"} or {@code "off"}. */
public final class DigestTimes {

    /** More digests a day than this is spam, not a digest. */
    public static final int MAX_TIMES = 6;

    static final String OFF = "off";

    private DigestTimes() {
    }

    /** The outcome of {@link #parseTimes}: closed so the bot explains each failure in the reader's language. */
    public sealed interface ParseResult {

        /** Valid times, sorted and without duplicates; empty for {@code "off"}. */
        record Ok(List<LocalTime> times) implements ParseResult {
            public Ok {
                times = List.copyOf(times);
            }
        }

        /** {@code token} is not a time of the form {@code H:MM} or {@code HH:MM} (00:00–23:59); empty for no input. */
        record BadFormat(String token) implements ParseResult {}

        /** {@code count} distinct times were given; at most {@code max} are allowed. */
        record TooMany(int count, int max) implements ParseResult {}
    }

    /**
     * Parses times separated by commas, semicolons or spaces ({@code "8:00, 19:30"}); {@code "off"} turns digests off.
     * Duplicates collapse and the result is sorted.
     */
    public static ParseResult parseTimes(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.equalsIgnoreCase(OFF)) {
            return new ParseResult.Ok(List.of());
        }
        List<LocalTime> times = new ArrayList<>();
        int i = 0;
        int n = trimmed.length();
        while (i < n) {
            while (i < n && isSeparator(trimmed.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSeparator(trimmed.charAt(i))) {
                i++;
            }
            if (start == i) {
                break;
            }
            String token = trimmed.substring(start, i);
            LocalTime time = parseTime(token);
            if (time == null) {
                return new ParseResult.BadFormat(token);
            }
            if (!times.contains(time)) {
                times.add(time);
            }
        }
        if (times.isEmpty()) {
            return new ParseResult.BadFormat("");
        }
        if (times.size() > MAX_TIMES) {
            return new ParseResult.TooMany(times.size(), MAX_TIMES);
        }
        times.sort(null);
        return new ParseResult.Ok(times);
    }

    /** The stored and displayed form: {@code "08:00,19:00"}, or {@code "off"} for no times. */
    public static String format(List<LocalTime> times) {
        if (times.isEmpty()) {
            return OFF;
        }
        StringBuilder out = new StringBuilder(times.size() * 6);
        for (LocalTime time : times) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(format(time));
        }
        return out.toString();
    }

    static String format(LocalTime time) {
        return Html.appendTwoDigits(Html.appendTwoDigits(new StringBuilder(5), time.getHour()).append(':'),
                time.getMinute()).toString();
    }

    /** {@code H:MM} or {@code HH:MM} within a day, or null: a hand-written scan because this also runs on every settings message. */
    static LocalTime parseTime(String token) {
        int colon = token.indexOf(':');
        if (colon < 1 || colon > 2 || token.length() != colon + 3) {
            return null;
        }
        int hour = digits(token, 0, colon);
        int minute = digits(token, colon + 1, token.length());
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return null;
        }
        return LocalTime.of(hour, minute);
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isSeparator(char c) {
        return c == ',' || c == ';' || Character.isWhitespace(c);
    }
}
