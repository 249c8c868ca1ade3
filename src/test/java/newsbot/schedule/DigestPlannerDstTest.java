package newsbot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DigestPlannerDstTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final DigestPlanner planner = new DigestPlanner();

    @Test
    void aTimeSkippedInSpringFiresAtTheShiftedInstant() {
        // 2026-03-29 02:00 CET becomes 03:00 CEST: a 02:30 slot fires at 03:30 CEST.
        ReaderSchedule s = schedule(BERLIN, "02:30", "2026-03-28T02:30:10+01:00");
        assertThat(planner.isDue(s, Instant.parse("2026-03-29T01:29:00Z"))).isFalse();
        assertThat(planner.isDue(s, Instant.parse("2026-03-29T01:30:00Z"))).isTrue();
        assertThat(planner.nextDue(s, Instant.parse("2026-03-28T12:00:00Z")))
                .contains(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void aTimeRepeatedInAutumnFiresOnce() {
        // 2026-10-25 03:00 CEST becomes 02:00 CET: 02:30 happens twice, the digest goes at the first.
        ReaderSchedule s = schedule(BERLIN, "02:30", "2026-10-24T02:30:10+02:00");
        Instant first = Instant.parse("2026-10-25T00:30:00Z");
        assertThat(planner.isDue(s, first.minusSeconds(1))).isFalse();
        assertThat(planner.isDue(s, first)).isTrue();

        ReaderSchedule sent = new ReaderSchedule(BERLIN, s.times(), QuietHours.NONE, first.plusSeconds(20));
        Instant second = Instant.parse("2026-10-25T01:30:00Z");
        assertThat(planner.isDue(sent, second)).isFalse();
        assertThat(planner.isDue(sent, second.plusSeconds(600))).isFalse();
        assertThat(planner.nextDue(sent, second)).contains(Instant.parse("2026-10-26T01:30:00Z"));
    }

    @Test
    void newYorkAcrossBothTransitions() {
        ReaderSchedule spring = schedule(NEW_YORK, "08:00", "2026-03-07T08:00:05-05:00");
        assertThat(planner.nextDue(spring, Instant.parse("2026-03-07T20:00:00Z")))
                .contains(Instant.parse("2026-03-08T12:00:00Z"));
        ReaderSchedule fall = schedule(NEW_YORK, "01:30", "2026-10-31T01:30:05-04:00");
        assertThat(planner.nextDue(fall, Instant.parse("2026-10-31T12:00:00Z")))
                .contains(Instant.parse("2026-11-01T05:30:00Z"));
        ReaderSchedule sent = new ReaderSchedule(NEW_YORK, fall.times(), QuietHours.NONE,
                Instant.parse("2026-11-01T05:30:30Z"));
        assertThat(planner.isDue(sent, Instant.parse("2026-11-01T06:30:00Z"))).isFalse();
    }

    @Test
    void quietHoursEndingInsideTheSpringGapEndAtTheTransition() {
        // 01:00–02:30 quiet; at 02:00 CET the wall clock jumps to 03:00, already past the window's end.
        ReaderSchedule s = new ReaderSchedule(BERLIN, List.of(LocalTime.of(1, 30)),
                new QuietHours(LocalTime.of(1, 0), LocalTime.of(2, 30)), Instant.parse("2026-03-28T12:00:00Z"));
        assertThat(planner.nextDue(s, Instant.parse("2026-03-28T20:00:00Z")))
                .contains(Instant.parse("2026-03-29T01:00:00Z"));
    }

    @Test
    void slotsMatchZonedDateTimeOfAroundTransitions() {
        for (ZoneId zone : List.of(BERLIN, NEW_YORK, ZoneId.of("Europe/Moscow"), ZoneId.of("Asia/Bishkek"),
                ZoneId.of("Australia/Lord_Howe"), ZoneId.of("America/Santiago"))) {
            for (LocalDate date : List.of(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 29),
                    LocalDate.of(2026, 10, 25), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 4, 5),
                    LocalDate.of(2026, 9, 6), LocalDate.of(2026, 10, 4))) {
                for (int minute = 0; minute < 1440; minute += 15) {
                    LocalTime time = LocalTime.ofSecondOfDay(minute * 60L);
                    assertThat(ZoneMath.slotEpochSecond(zone.getRules(), date, time))
                            .as("%s %s %s", zone, date, time)
                            .isEqualTo(ZonedDateTime.of(date, time, zone).toEpochSecond());
                }
            }
        }
    }

    /** nextDue against a minute-by-minute scan of isDue, around both transitions, with and without quiet hours. */
    @Test
    void nextDueIsTheFirstMinuteThatIsDue() {
        List<QuietHours> quiets = List.of(QuietHours.NONE, DigestPlannerTest.NIGHT,
                new QuietHours(LocalTime.of(1, 0), LocalTime.of(2, 30)),
                new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0)));
        List<List<LocalTime>> timesSets = List.of(DigestPlannerTest.MORNING_EVENING,
                List.of(LocalTime.of(6, 30)), List.of(LocalTime.of(2, 30), LocalTime.of(22, 0)),
                List.of(LocalTime.of(0, 0), LocalTime.of(12, 30), LocalTime.of(23, 59)));
        List<String> starts = List.of("2026-03-28T21:17:00Z", "2026-03-29T00:59:00Z", "2026-10-24T23:31:00Z",
                "2026-10-25T00:30:00Z", "2026-03-07T22:00:00Z", "2026-10-31T23:45:00Z",
                "2026-04-05T02:00:00Z", "2026-09-06T03:30:00Z");
        for (ZoneId zone : List.of(BERLIN, NEW_YORK, DigestPlannerTest.BISHKEK, ZoneId.of("America/Santiago"))) {
            for (List<LocalTime> times : timesSets) {
                for (QuietHours quiet : quiets) {
                    for (String start : starts) {
                        Instant now = Instant.parse(start);
                        for (long lastBack : new long[] {60, 3 * 3600, 3 * 86_400}) {
                            ReaderSchedule s = new ReaderSchedule(zone, times, quiet, now.minusSeconds(lastBack));
                            assertThat(planner.nextDue(s, now)).as("%s from %s", s, now).isEqualTo(scan(s, now));
                        }
                    }
                }
            }
        }
    }

    private Optional<Instant> scan(ReaderSchedule s, Instant from) {
        for (int minute = 0; minute <= 3 * 1440; minute++) {
            Instant t = from.plusSeconds(minute * 60L);
            if (planner.isDue(s, t)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static ReaderSchedule schedule(ZoneId zone, String time, String lastDigest) {
        return new ReaderSchedule(zone, List.of(LocalTime.parse(time)), QuietHours.NONE,
                OffsetDateTime.parse(lastDigest).toInstant());
    }
}
