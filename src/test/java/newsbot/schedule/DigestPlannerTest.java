package newsbot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestPlannerTest {

    static final ZoneId BISHKEK = ZoneId.of("Asia/Bishkek");
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final List<LocalTime> MORNING_EVENING = List.of(LocalTime.of(8, 0), LocalTime.of(19, 0));
    static final QuietHours NIGHT = new QuietHours(LocalTime.of(23, 0), LocalTime.of(7, 0));

    private final DigestPlanner planner = new DigestPlanner();

    static Instant at(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    @Test
    void dueFromTheSlotInTheReadersZone() {
        ReaderSchedule s = new ReaderSchedule(BISHKEK, MORNING_EVENING, QuietHours.NONE,
                at(BISHKEK, "2026-03-09T19:00:30"));
        assertThat(planner.isDue(s, at(BISHKEK, "2026-03-10T07:59:59"))).isFalse();
        assertThat(planner.isDue(s, Instant.parse("2026-03-10T02:00:00Z"))).isTrue();
        assertThat(planner.isDue(s, at(BISHKEK, "2026-03-10T08:00:59"))).isTrue();
        assertThat(planner.isDue(s, at(BISHKEK, "2026-03-10T18:59:00"))).isTrue();
    }

    @Test
    void notDueAgainRightAfterTheDigest() {
        ReaderSchedule s = new ReaderSchedule(MOSCOW, MORNING_EVENING, QuietHours.NONE,
                at(MOSCOW, "2026-03-10T08:00:01"));
        assertThat(planner.isDue(s, at(MOSCOW, "2026-03-10T08:01"))).isFalse();
        assertThat(planner.isDue(s, at(MOSCOW, "2026-03-10T18:59:59"))).isFalse();
        assertThat(planner.isDue(s, at(MOSCOW, "2026-03-10T19:00"))).isTrue();
        assertThat(planner.nextDue(s, at(MOSCOW, "2026-03-10T08:01"))).contains(at(MOSCOW, "2026-03-10T19:00"));
    }

    @Test
    void sendsOnceAfterMissingTwoSlots() {
        ReaderSchedule s = new ReaderSchedule(MOSCOW, MORNING_EVENING, QuietHours.NONE,
                at(MOSCOW, "2026-03-09T08:00:10"));
        Instant backUp = at(MOSCOW, "2026-03-10T09:30");
        assertThat(planner.isDue(s, backUp)).isTrue();
        assertThat(planner.nextDue(s, backUp)).contains(backUp);

        ReaderSchedule afterSending = new ReaderSchedule(MOSCOW, MORNING_EVENING, QuietHours.NONE, backUp);
        assertThat(planner.isDue(afterSending, backUp.plusSeconds(60))).isFalse();
        assertThat(planner.nextDue(afterSending, backUp.plusSeconds(60))).contains(at(MOSCOW, "2026-03-10T19:00"));
    }

    @Test
    void quietHoursHoldTheDigestUntilTheyEnd() {
        ReaderSchedule s = new ReaderSchedule(BISHKEK, List.of(LocalTime.of(6, 30)), NIGHT,
                at(BISHKEK, "2026-03-09T07:00"));
        assertThat(planner.isDue(s, at(BISHKEK, "2026-03-10T06:30"))).isFalse();
        assertThat(planner.isDue(s, at(BISHKEK, "2026-03-10T06:59:59"))).isFalse();
        assertThat(planner.isDue(s, at(BISHKEK, "2026-03-10T07:00"))).isTrue();
        assertThat(planner.nextDue(s, at(BISHKEK, "2026-03-09T12:00"))).contains(at(BISHKEK, "2026-03-10T07:00"));
        assertThat(planner.nextDue(s, at(BISHKEK, "2026-03-10T06:45"))).contains(at(BISHKEK, "2026-03-10T07:00"));
    }

    @Test
    void slotAtTheStartOfQuietHoursWaitsUntilMorning() {
        ReaderSchedule s = new ReaderSchedule(MOSCOW, List.of(LocalTime.of(23, 30)), NIGHT,
                at(MOSCOW, "2026-03-10T07:00"));
        assertThat(planner.nextDue(s, at(MOSCOW, "2026-03-10T20:00"))).contains(at(MOSCOW, "2026-03-11T07:00"));
        assertThat(planner.isDue(s, at(MOSCOW, "2026-03-10T23:45"))).isFalse();
        assertThat(planner.isDue(s, at(MOSCOW, "2026-03-11T07:00"))).isTrue();
    }

    @Test
    void breakingAlertsAreSilentInsideQuietHours() {
        ReaderSchedule s = new ReaderSchedule(BISHKEK, MORNING_EVENING, NIGHT, Instant.EPOCH);
        assertThat(planner.isQuiet(s, at(BISHKEK, "2026-03-10T23:00"))).isTrue();
        assertThat(planner.isQuiet(s, at(BISHKEK, "2026-03-10T03:00"))).isTrue();
        assertThat(planner.isQuiet(s, at(BISHKEK, "2026-03-10T07:00"))).isFalse();
        assertThat(planner.isQuiet(s, at(BISHKEK, "2026-03-10T22:59"))).isFalse();
        ReaderSchedule noQuiet = new ReaderSchedule(BISHKEK, MORNING_EVENING, QuietHours.NONE, Instant.EPOCH);
        assertThat(planner.isQuiet(noQuiet, at(BISHKEK, "2026-03-10T03:00"))).isFalse();
    }

    @Test
    void digestsOffAreNeverDue() {
        ReaderSchedule s = new ReaderSchedule(MOSCOW, List.of(), NIGHT, Instant.EPOCH);
        assertThat(planner.isDue(s, at(MOSCOW, "2026-03-10T08:00"))).isFalse();
        assertThat(planner.nextDue(s, at(MOSCOW, "2026-03-10T08:00"))).isEmpty();
        assertThat(planner.isQuiet(s, at(MOSCOW, "2026-03-10T23:30"))).isTrue();
    }

    @Test
    void newReaderWaitsForTheFirstSlotAfterJoining() {
        Instant joined = at(MOSCOW, "2026-03-10T10:00");
        ReaderSchedule s = new ReaderSchedule(MOSCOW, MORNING_EVENING, QuietHours.NONE, joined);
        assertThat(planner.isDue(s, joined.plusSeconds(60))).isFalse();
        assertThat(planner.nextDue(s, joined)).contains(at(MOSCOW, "2026-03-10T19:00"));
    }

    @Test
    void aLastDigestInTheFutureHoldsUntilTheSlotAfterIt() {
        // A clock stepped back must not cause a second digest for a slot already served.
        ReaderSchedule s = new ReaderSchedule(MOSCOW, MORNING_EVENING, QuietHours.NONE,
                at(MOSCOW, "2026-03-10T19:00:05"));
        Instant now = at(MOSCOW, "2026-03-10T18:00");
        assertThat(planner.isDue(s, now)).isFalse();
        assertThat(planner.nextDue(s, now)).contains(at(MOSCOW, "2026-03-11T08:00"));
    }

    @Test
    void timesMustBeWholeMinutes() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() ->
                new ReaderSchedule(MOSCOW, List.of(LocalTime.of(8, 0, 30)), QuietHours.NONE, Instant.EPOCH));
    }
}
