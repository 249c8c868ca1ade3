package newsbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
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

    @Test
    void feedThreadsNeverDrawFromTheGeneratorAtTheSameTime() throws Exception {
        // SplittableRandom and most generators are not thread-safe; this one notices being entered twice at once.
        AtomicBoolean inside = new AtomicBoolean();
        AtomicInteger overlaps = new AtomicInteger();
        RandomGenerator detecting = () -> {
            if (!inside.compareAndSet(false, true)) {
                overlaps.incrementAndGet();
            }
            long spin = System.nanoTime() + 20_000; // widen the window a race would need
            while (System.nanoTime() < spin) {
                Thread.onSpinWait();
            }
            inside.set(false);
            return 42L;
        };
        Backoff backoff = new Backoff(Duration.ofMinutes(2), Duration.ofHours(1), detecting);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < 300; i++) {
                    backoff.afterFailures(1 + i % 5);
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join(20_000);
        }
        assertThat(overlaps.get()).isZero();
    }
}
