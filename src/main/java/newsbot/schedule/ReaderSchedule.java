package newsbot.schedule;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What the planner needs to know about one reader.
 *
 * @param times        local digest times, whole minutes, in any order; empty when digests are off
 * @param quiet        quiet hours, {@link QuietHours#NONE} for none
 * @param lastDigestAt when the last digest was sent; for a reader who never had one, the subscription time,
 *                     so that a new reader is not sent a digest for a slot that passed before they joined
 */
record ReaderSchedule(ZoneId zone, List<LocalTime> times, QuietHours quiet, Instant lastDigestAt) {

    public ReaderSchedule {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(quiet, "quiet");
        Objects.requireNonNull(lastDigestAt, "lastDigestAt");
        times = List.copyOf(times);
        for (int i = 0; i < times.size(); i++) {
            LocalTime time = times.get(i);
            // The planner compares whole epoch seconds; sub-minute times would be a storage bug.
            if (time.getSecond() != 0 || time.getNano() != 0) {
                throw new IllegalArgumentException("digest time must be whole minutes: " + time);
            }
        }
    }
}
