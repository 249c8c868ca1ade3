package newsbot.schedule;


import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import newsbot.store.Subscriber;

/** A stored reader's settings as the planner sees them, and their next digest in words. */
public final class ReaderSchedules {

    private ReaderSchedules() {
    }

    public static ReaderSchedule of(Subscriber s) {
        QuietHours quiet = s.hasQuietHours() ? new QuietHours(s.quietFrom(), s.quietTo()) : QuietHours.NONE;
        return new ReaderSchedule(s.zone(), s.digestTimes(), quiet, s.lastDigestAt());
    }

    /** "28.11 19:00" in the reader's zone, or empty when digests are off. */
    public static Optional<String> nextDigest(DigestPlanner planner, Subscriber s, Instant now) {
        return planner.nextDue(of(s), now).map(at -> dateClock(at, s.zone()));
    }

    static String dateClock(Instant at, ZoneId zone) {
        var local = at.atZone(zone);
        return String.format("%02d.%02d %02d:%02d", local.getDayOfMonth(), local.getMonthValue(), local.getHour(),
                local.getMinute());
    }
}
