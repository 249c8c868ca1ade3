package newsbot.schedule;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a reader's stored quiet hours hold at one instant, for one fan-out (the poller's breaking alerts, an
 * editor's /breaking, topic alerts): readers share a few zones and
 * windows, so each distinct one is worked out once, not 100,000 times. Not thread-safe: one per fan-out.
 */
public final class QuietCheck {

    private final DigestPlanner planner = new DigestPlanner();
    private final ZoneId defaultZone;
    private final Instant now;
    private final Map<Window, Boolean> known = new HashMap<>();

    public QuietCheck(ZoneId defaultZone, Instant now) {
        this.defaultZone = defaultZone;
        this.now = now;
    }

    /** A reader's quiet hours as stored: zone id and "HH:MM" bounds. */
    private record Window(String zone, String from, String to) {
    }

    /** @param from "HH:MM" or null; @param to "HH:MM" or null */
    public boolean isQuiet(String zone, String from, String to) {
        if (from == null || to == null) {
            return false;
        }
        return known.computeIfAbsent(new Window(zone, from, to), this::compute);
    }

    private boolean compute(Window window) {
        try {
            QuietHours quiet = new QuietHours(LocalTime.parse(window.from()), LocalTime.parse(window.to()));
            ReaderSchedule schedule = new ReaderSchedule(zone(window.zone()), List.of(), quiet, Instant.EPOCH);
            return planner.isQuiet(schedule, now);
        } catch (DateTimeException e) {
            return false; // an unreadable row: better a sound than no alert
        }
    }

    private ZoneId zone(String id) {
        if (id == null) {
            return defaultZone;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return defaultZone;
        }
    }
}
