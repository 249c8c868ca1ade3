package newsbot.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/** Local-time arithmetic on epoch seconds, so the planner's per-reader work allocates next to nothing. */
final class ZoneMath {

    private ZoneMath() {
    }

    /**
     * The epoch second at which a slot at {@code time} on {@code date} fires, with {@code ZonedDateTime.of}
     * semantics: a time inside a spring-forward gap moves forward by the gap's length, a time repeated in the
     * fall takes its earlier occurrence. {@link ZoneRules#getOffset(LocalDateTime)} returns the offset before
     * the transition in both cases, which gives exactly that.
     */
    static long slotEpochSecond(ZoneRules rules, LocalDate date, LocalTime time) {
        LocalDateTime local = LocalDateTime.of(date, time);
        return local.toEpochSecond(rules.getOffset(local));
    }

    /**
     * The first epoch second whose local date-time is at or after {@code date time}: unlike a slot, a time
     * inside a gap maps to the transition itself, because that is when the wall clock passes it.
     */
    static long firstEpochSecondAtOrAfter(ZoneRules rules, LocalDate date, LocalTime time) {
        LocalDateTime local = LocalDateTime.of(date, time);
        ZoneOffsetTransition transition = rules.getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.toEpochSecond();
        }
        return local.toEpochSecond(rules.getOffset(local));
    }

    /** Local date-time at {@code epochSecond}, to the second. */
    static LocalDateTime localDateTime(ZoneRules rules, Instant instant) {
        return LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, rules.getOffset(instant));
    }
}
