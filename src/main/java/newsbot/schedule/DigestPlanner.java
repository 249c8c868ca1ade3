package newsbot.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Optional;

/**
 * Decides, for one reader at one instant, whether a digest is due and whether alerts must be silent.
 * Pure: the caller passes {@code now} (from its injected {@code Clock}). A digest is due when the latest
 * slot at or before {@code now} is after the reader's last digest and {@code now} is outside quiet hours;
 * so a bot that was down over several slots sends one digest, and one held back by quiet hours goes out
 * when they end. Called for every reader every minute, so it works on epoch seconds over today's and
 * yesterday's slots only.
 */
public final class DigestPlanner {

    private static final long NONE = Long.MIN_VALUE;

    public DigestPlanner() {
    }

    /** Whether a digest should be composed for this reader now. */
    public boolean isDue(ReaderSchedule schedule, Instant now) {
        List<LocalTime> times = schedule.times();
        if (times.isEmpty()) {
            return false;
        }
        ZoneRules rules = schedule.zone().getRules();
        LocalDateTime local = ZoneMath.localDateTime(rules, now);
        if (schedule.quiet().contains(local.toLocalTime())) {
            return false;
        }
        long latest = latestSlot(times, rules, local.toLocalDate(), now.getEpochSecond());
        // Slots are whole seconds, so comparing epoch seconds is exact for "slot after lastDigestAt".
        return latest != NONE && latest > schedule.lastDigestAt().getEpochSecond();
    }

    /**
     * The earliest instant at or after {@code now} at which {@link #isDue} holds for this schedule as it is
     * ({@code now} itself when a digest is due already); empty when digests are off.
     */
    public Optional<Instant> nextDue(ReaderSchedule schedule, Instant now) {
        List<LocalTime> times = schedule.times();
        if (times.isEmpty()) {
            return Optional.empty();
        }
        ZoneRules rules = schedule.zone().getRules();
        long nowSecond = now.getEpochSecond();
        long lastSecond = schedule.lastDigestAt().getEpochSecond();
        LocalDate today = ZoneMath.localDateTime(rules, now).toLocalDate();
        long latest = latestSlot(times, rules, today, nowSecond);
        Instant candidate;
        if (latest != NONE && latest > lastSecond) {
            candidate = now;
        } else {
            candidate = Instant.ofEpochSecond(firstSlotAfter(times, rules, Math.max(nowSecond, lastSecond)));
        }
        QuietHours quiet = schedule.quiet();
        LocalDateTime local = ZoneMath.localDateTime(rules, candidate);
        if (!quiet.contains(local.toLocalTime())) {
            return Optional.of(candidate);
        }
        // Inside a window that wraps midnight and started today, it ends tomorrow; otherwise today.
        LocalDate endDate = quiet.from().isAfter(quiet.to()) && !local.toLocalTime().isBefore(quiet.from())
                ? local.toLocalDate().plusDays(1)
                : local.toLocalDate();
        return Optional.of(Instant.ofEpochSecond(ZoneMath.firstEpochSecondAtOrAfter(rules, endDate, quiet.to())));
    }

    /** Whether breaking alerts must be sent silently now: the reader is inside quiet hours. */
    public boolean isQuiet(ReaderSchedule schedule, Instant now) {
        if (schedule.quiet().isNone()) {
            return false;
        }
        ZoneRules rules = schedule.zone().getRules();
        return schedule.quiet().contains(ZoneMath.localDateTime(rules, now).toLocalTime());
    }

    /**
     * The latest slot at or before {@code nowSecond}, or {@link #NONE}. Today's and yesterday's slots always
     * suffice, except after a gap of a whole day (Samoa, 2011), when the day before yesterday is looked at.
     */
    private static long latestSlot(List<LocalTime> times, ZoneRules rules, LocalDate today, long nowSecond) {
        long best = NONE;
        for (int back = 0; back <= 2; back++) {
            if (back == 2 && best != NONE) {
                break;
            }
            LocalDate date = today.minusDays(back);
            for (int i = 0; i < times.size(); i++) {
                long slot = ZoneMath.slotEpochSecond(rules, date, times.get(i));
                if (slot <= nowSecond && slot > best) {
                    best = slot;
                }
            }
        }
        return best;
    }

    /**
     * The first slot strictly after {@code afterSecond}. Yesterday is included because a gap can push its
     * late slots into today; two days ahead because a repeated hour can put tomorrow's early slots behind us.
     */
    private static long firstSlotAfter(List<LocalTime> times, ZoneRules rules, long afterSecond) {
        LocalDate today = ZoneMath.localDateTime(rules, Instant.ofEpochSecond(afterSecond)).toLocalDate();
        long best = Long.MAX_VALUE;
        for (int ahead = -1; ahead <= 2 || (best == Long.MAX_VALUE && ahead <= 7); ahead++) {
            LocalDate date = today.plusDays(ahead);
            for (int i = 0; i < times.size(); i++) {
                long slot = ZoneMath.slotEpochSecond(rules, date, times.get(i));
                if (slot > afterSecond && slot < best) {
                    best = slot;
                }
            }
        }
        return best;
    }
}
