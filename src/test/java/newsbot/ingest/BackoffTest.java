package newsbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromTwiceTheIntervalAndStopsAtTheCap() {
        Backoff backoff = new Backoff(Duration.ofMinutes(2), Duration.ofHours(1), () -> 0L);

        assertThat(backoff.afterFailures(1)).isEqualTo(Duration.ofMinutes(4));
        assertThat(backoff.afterFailures(2)).isEqualTo(Duration.ofMinutes(8));
        assertThat(backoff.afterFailures(4)).isEqualTo(Duration.ofMinutes(32));
        assertThat(backoff.afterFailures(5)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.afterFailures(1_000_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void jitterShortensByAtMostATenthAndNeverPassesTheCap() {
        Backoff backoff = new Backoff(Duration.ofMinutes(2), Duration.ofHours(1), new SplittableRandom(7));

        for (int failures = 1; failures < 12; failures++) {
            Duration plain = new Backoff(Duration.ofMinutes(2), Duration.ofHours(1), () -> 0L).afterFailures(failures);
            Duration jittered = backoff.afterFailures(failures);
            assertThat(jittered).isLessThanOrEqualTo(plain).isGreaterThanOrEqualTo(plain.multipliedBy(9).dividedBy(10));
        }
    }
}
