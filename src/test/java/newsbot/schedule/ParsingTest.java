package newsbot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import newsbot.schedule.DigestTimes.ParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParsingTest {

    private static final LocalTime T0800 = LocalTime.of(8, 0);
    private static final LocalTime T1900 = LocalTime.of(19, 0);

    @Test
    void parsesSortsAndDeduplicatesTimes() {
        assertThat(DigestTimes.parseTimes("08:00,19:00")).isEqualTo(new ParseResult.Ok(List.of(T0800, T1900)));
        assertThat(DigestTimes.parseTimes(" 19:00, 8:00;08:00  ")).isEqualTo(new ParseResult.Ok(List.of(T0800, T1900)));
        assertThat(DigestTimes.parseTimes("0:05 23:59")).isEqualTo(
                new ParseResult.Ok(List.of(LocalTime.of(0, 5), LocalTime.of(23, 59))));
    }

    @Test
    void offMeansNoTimes() {
        assertThat(DigestTimes.parseTimes("off")).isEqualTo(new ParseResult.Ok(List.of()));
        assertThat(DigestTimes.parseTimes(" OFF ")).isEqualTo(new ParseResult.Ok(List.of()));
        assertThat(DigestTimes.format(List.of())).isEqualTo("off");
        assertThat(DigestTimes.format(List.of(LocalTime.of(7, 5), T1900))).isEqualTo("07:05,19:00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"24:00", "8:60", "8:0", "800", "08:00:00", "aa:bb", "08-00", "+8:00", "８:00", "123:00"})
    void reportsTheBadToken(String token) {
        assertThat(DigestTimes.parseTimes("09:00," + token)).isEqualTo(new ParseResult.BadFormat(token));
    }

    @Test
    void emptyInputIsABadFormat() {
        assertThat(DigestTimes.parseTimes("")).isEqualTo(new ParseResult.BadFormat(""));
        assertThat(DigestTimes.parseTimes(" , ")).isEqualTo(new ParseResult.BadFormat(""));
        assertThat(DigestTimes.parseTimes(null)).isEqualTo(new ParseResult.BadFormat(""));
    }

    @Test
    void atMostSixDistinctTimes() {
        assertThat(DigestTimes.parseTimes("1:00,2:00,3:00,4:00,5:00,6:00,7:00"))
                .isEqualTo(new ParseResult.TooMany(7, 6));
        ParseResult six = DigestTimes.parseTimes("1:00,2:00,3:00,4:00,5:00,6:00,6:00,01:00");
        assertThat(six).isInstanceOf(ParseResult.Ok.class);
        assertThat(((ParseResult.Ok) six).times()).hasSize(6);
    }

    @Test
    void parsesQuietHours() {
        QuietHours night = new QuietHours(LocalTime.of(23, 0), LocalTime.of(7, 0));
        assertThat(QuietHours.parse("23:00-07:00")).contains(night);
        assertThat(QuietHours.parse(" 23:00 – 7:00 ")).contains(night);
        assertThat(QuietHours.parse("23:00—07:00")).contains(night);
        assertThat(QuietHours.parse("off")).contains(QuietHours.NONE);
        assertThat(night.toString()).isEqualTo("23:00–07:00");
        assertThat(QuietHours.parse(night.toString())).contains(night);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "23:00", "23:00-", "-07:00", "23:00-24:00", "23-7", "1:00-2:00-3:00", "night"})
    void rejectsBadQuietHours(String text) {
        assertThat(QuietHours.parse(text)).isEqualTo(Optional.empty());
    }

    @Test
    void quietHoursContainment() {
        QuietHours night = new QuietHours(LocalTime.of(23, 0), LocalTime.of(7, 0));
        assertThat(night.contains(LocalTime.of(23, 0))).isTrue();
        assertThat(night.contains(LocalTime.of(2, 0))).isTrue();
        assertThat(night.contains(LocalTime.of(6, 59))).isTrue();
        assertThat(night.contains(LocalTime.of(7, 0))).isFalse();
        assertThat(night.contains(LocalTime.of(22, 59))).isFalse();

        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0));
        assertThat(lunch.contains(LocalTime.of(12, 30))).isTrue();
        assertThat(lunch.contains(LocalTime.of(13, 0))).isFalse();
        assertThat(lunch.contains(LocalTime.of(0, 0))).isFalse();

        assertThat(QuietHours.NONE.isNone()).isTrue();
        assertThat(new QuietHours(LocalTime.of(5, 0), LocalTime.of(5, 0)).contains(LocalTime.of(5, 0))).isFalse();
    }
}
