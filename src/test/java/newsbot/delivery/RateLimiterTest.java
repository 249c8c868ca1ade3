package newsbot.delivery;

import newsbot.testing.TestConfig;

import newsbot.testing.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import newsbot.config.BotConfig;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final TestClock time = new TestClock(Fixture.START);

    private RateLimiter limiter(int global, int perChat, int groupPerMinute) {
        return new RateLimiter(TestConfig.limits(global, perChat, groupPerMinute, 5, 1), time);
    }

    /** Sends {@code n} messages as fast as the limiter allows, chat chosen per send; returns the send times. */
    private List<Double> drive(RateLimiter limiter, int n, LongUnaryOperator chatOfSend) {
        List<Double> at = new ArrayList<>();
        for (int i = 0; i < n; ) {
            long chat = chatOfSend.applyAsLong(i);
            if (limiter.tryAcquire(chat)) {
                at.add(time.seconds());
                i++;
            } else {
                time.advance(limiter.nanosUntilFree(chat));
            }
        }
        return at;
    }

    private static List<Double> gaps(List<Double> at) {
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < at.size(); i++) {
            gaps.add(at.get(i) - at.get(i - 1));
        }
        return gaps;
    }

    @Test
    void globalSendsAreEvenlySpaced() {
        RateLimiter limiter = limiter(30, 1, 20);
        List<Double> at = drive(limiter, 91, i -> i + 1);
        assertThat(gaps(at)).allSatisfy(g -> assertThat(g).isCloseTo(1 / 30.0, within(1e-6)));
        assertThat(at.get(90) - at.get(0)).isCloseTo(3.0, within(1e-5));
    }

    @Test
    void lateSenderCatchesUpButIdleTimeIsNotBanked() {
        RateLimiter limiter = limiter(100, 1, 20);
        long slot = 10_000_000L;
        assertThat(limiter.tryAcquire(1)).isTrue();
        time.advance(slot + slot / 4); // woke a quarter slot late
        assertThat(limiter.tryAcquire(2)).isTrue();
        // the schedule is kept: the next slot is at 2 slots, not 2.25
        assertThat(limiter.nanosUntilFree(3)).isEqualTo(slot - slot / 4);
        time.advance(10 * slot); // idle: at most one slot is banked
        assertThat(limiter.tryAcquire(3)).isTrue();
        assertThat(limiter.tryAcquire(4)).isTrue();
        assertThat(limiter.tryAcquire(5)).isFalse();
        assertThat(limiter.nanosUntilFree(5)).isEqualTo(slot);
    }

    @Test
    void atHighRatesUpToTenMillisecondsOfStallAreMadeUp() {
        RateLimiter limiter = limiter(300, 1, 20);
        assertThat(limiter.tryAcquire(1)).isTrue();
        time.advance(50_000_000L); // stalled 50 ms: 10 ms (3 slots) are made up, the rest is lost
        int burst = 0;
        while (limiter.tryAcquire(100 + burst)) {
            burst++;
        }
        assertThat(burst).isEqualTo(4); // the slot due now plus three made up
    }

    @Test
    void noSecondEverHoldsMoreThanTheLimitPlusTwo() {
        RateLimiter limiter = limiter(50, 1, 20);
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        List<Double> at = new ArrayList<>();
        for (int i = 0; at.size() < 2000; i++) {
            // a sender that wakes up late by up to two slots, or idles, at random
            time.advance(limiter.nanosUntilFree(i) + random.nextLong(40_000_000L));
            if (limiter.tryAcquire(i)) {
                at.add(time.seconds());
            }
        }
        for (int i = 0, j = 0; i < at.size(); i++) {
            while (j < at.size() && at.get(j) - at.get(i) < 1.0) {
                j++;
            }
            assertThat(j - i).as("sends in the second from %.3f", at.get(i)).isLessThanOrEqualTo(52);
        }
    }

    @Test
    void privateChatGetsOnePerSecondWithAMargin() {
        RateLimiter limiter = limiter(30, 1, 20);
        List<Double> at = drive(limiter, 5, i -> 42);
        assertThat(gaps(at)).allSatisfy(g -> assertThat(g).isCloseTo(1.1, within(1e-6)));
    }

    @Test
    void groupGetsTwentyPerMinuteWithAMargin() {
        RateLimiter limiter = limiter(30, 1, 20);
        List<Double> at = drive(limiter, 21, i -> -100123);
        assertThat(gaps(at)).allSatisfy(g -> assertThat(g).isCloseTo(3.3, within(1e-6)));
        assertThat(at.get(20) - at.get(0)).isCloseTo(66.0, within(1e-5));
    }

    @Test
    void busyChatDoesNotHoldBackOthers() {
        RateLimiter limiter = limiter(30, 1, 20);
        assertThat(limiter.tryAcquire(1)).isTrue();
        time.advance(limiter.nanosUntilGlobalFree());
        assertThat(limiter.tryAcquire(1)).isFalse();
        assertThat(limiter.nanosUntilChatFree(1)).isPositive();
        assertThat(limiter.tryAcquire(2)).isTrue();
    }

    @Test
    void pauseStopsEverythingAndSlowsDownUntilRecovered() {
        RateLimiter limiter = limiter(100, 1, 20);
        limiter.pause(Duration.ofSeconds(7));
        assertThat(limiter.tryAcquire(1)).isFalse();
        assertThat(limiter.nanosUntilFree(1)).isEqualTo(Duration.ofSeconds(7).toNanos());
        assertThat(limiter.rateFactor()).isCloseTo(0.8, within(1e-9));
        time.advance(limiter.nanosUntilFree(1));
        List<Double> at = drive(limiter, 11, i -> i + 1);
        assertThat(gaps(at)).allSatisfy(g -> assertThat(g).isCloseTo(1 / 80.0, within(1e-3)));

        time.advance(Duration.ofMinutes(2).toNanos()); // plus the 7 s pause and the sends: about 0.906
        assertThat(limiter.rateFactor()).isCloseTo(0.9, within(0.01));
        double before = limiter.rateFactor();
        limiter.pause(Duration.ofSeconds(1)); // another 429 after the pause compounds
        assertThat(limiter.rateFactor()).isCloseTo(before * 0.8, within(1e-9));
        limiter.pause(Duration.ofSeconds(2)); // one during it only extends the pause
        assertThat(limiter.rateFactor()).isCloseTo(before * 0.8, within(1e-9));
        assertThat(limiter.nanosUntilGlobalFree()).isEqualTo(Duration.ofSeconds(2).toNanos());
        time.advance(Duration.ofMinutes(6).toNanos());
        assertThat(limiter.rateFactor()).isEqualTo(1.0);
        List<Double> after = drive(limiter, 11, i -> 1000 + i);
        // after idling, the first two go back to back (one banked slot)
        assertThat(gaps(after).subList(1, 10)).allSatisfy(g -> assertThat(g).isCloseTo(1 / 100.0, within(1e-6)));
    }

    @Test
    void forgetsChatsWhoseScheduleIsPast() {
        RateLimiter limiter = limiter(1000, 1, 20);
        drive(limiter, 100_000, i -> i % 2 == 0 ? i + 1 : -(i + 1));
        // 100 s of sends at 1000/s: only chats from the last seconds (groups: 3 s) can still be tracked
        assertThat(limiter.trackedChats()).isLessThan(5_000);
    }
}
