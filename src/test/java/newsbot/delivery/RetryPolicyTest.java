package newsbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void ceilingDoublesFromTwoSecondsUpToTenMinutes() {
        RetryPolicy policy = new RetryPolicy(20, new SplittableRandom(1));
        assertThat(policy.ceiling(1)).isEqualTo(2_000);
        assertThat(policy.ceiling(2)).isEqualTo(4_000);
        assertThat(policy.ceiling(5)).isEqualTo(32_000);
        assertThat(policy.ceiling(9)).isEqualTo(512_000);
        assertThat(policy.ceiling(10)).isEqualTo(600_000);
        assertThat(policy.ceiling(19)).isEqualTo(600_000);
    }

    @Test
    void delaysAreJitteredWithinBounds() {
        RetryPolicy policy = new RetryPolicy(8, new SplittableRandom(7));
        for (int failures = 1; failures < 8; failures++) {
            long ceiling = policy.ceiling(failures);
            long sum = 0;
            for (int i = 0; i < 2000; i++) {
                long ms = policy.delayAfter(failures).orElseThrow().toMillis();
                assertThat(ms).isBetween(0L, ceiling);
                sum += ms;
            }
            // full jitter: the mean is about half the ceiling
            assertThat(sum / 2000.0).isBetween(ceiling * 0.4, ceiling * 0.6);
        }
    }

    @Test
    void extremesOfTheRandomSourceStayInBounds() {
        RandomGenerator max = new RandomGenerator() {
            @Override
            public long nextLong() {
                return Long.MAX_VALUE;
            }

            @Override
            public long nextLong(long bound) {
                return bound - 1;
            }
        };
        RetryPolicy policy = new RetryPolicy(100, max);
        assertThat(policy.delayAfter(1)).contains(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(99)).contains(Duration.ofMinutes(10));
    }

    @Test
    void givesUpAfterMaxAttempts() {
        RetryPolicy policy = new RetryPolicy(3, new SplittableRandom(1));
        assertThat(policy.delayAfter(2)).isPresent();
        assertThat(policy.delayAfter(3)).isEmpty();
        assertThat(policy.delayAfter(4)).isEmpty();
    }
}
