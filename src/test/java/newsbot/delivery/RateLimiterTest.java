package newsbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;
import newsbot.config.BotConfig;
import newsbot.testing.TestClock;
import newsbot.testing.TestConfig;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    private final TestClock time = new TestClock(Fixture.START);
    private final DeliveryCounters counters = new DeliveryCounters();

    private RateLimiter limiter(int global, int perChat, int groupPerMinute) {
        return new RateLimiter(TestConfig.limits(global, perChat, groupPerMinute, 5, 1), time, counters);
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

    /** The most sends any window {@code [t, t + span)} holds, checking the window that starts at every send. */
    private static int busiestWindow(List<Long> sorted, long span) {
        int most = 0;
        for (int i = 0, j = 0; i < sorted.size(); i++) {
            while (j < sorted.size() && sorted.get(j) - sorted.get(i) < span) {
                j++;
            }
            most = Math.max(most, j - i);
        }
        return most;
    }

    /** Sends in {@code [from, from + span)}. */
    private static long sendsIn(List<Long> at, long from, long span) {
        return at.stream().filter(t -> t - from >= 0 && t - from < span).count();
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
        long slot = 10 * MS;
        assertThat(limiter.tryAcquire(1)).isTrue();
        time.advance(slot + slot / 4); // woke a quarter slot late
        assertThat(limiter.tryAcquire(2)).isTrue();
        // the schedule is kept: the next slot is at 2 slots, not 2.25
        assertThat(limiter.nanosUntilFree(3)).isEqualTo(slot - slot / 4);
        time.advance(10 * slot); // idle: at most 20 ms (two slots) are banked
        assertThat(limiter.tryAcquire(3)).isTrue();
        assertThat(limiter.tryAcquire(4)).isTrue();
        assertThat(limiter.tryAcquire(5)).isTrue();
        assertThat(limiter.tryAcquire(6)).isFalse();
        assertThat(limiter.nanosUntilFree(6)).isEqualTo(slot);
    }

    @Test
    void aLateWakeUpNeverPutsMoreThanTheLimitIntoAWindow() {
        RateLimiter limiter = limiter(10, 1, 20);
        List<Long> at = new ArrayList<>();
        for (int i = 0; i < 10; i++) { // a full second, one send per slot
            time.advance(limiter.nanosUntilFree(i));
            assertThat(limiter.tryAcquire(i)).isTrue();
            at.add(time.nanoTime());
        }
        // the next slot is at 1.0 s; the sender wakes 150 ms late and may catch up one slot, but the window that
        // starts with the second send must not get an eleventh
        time.advance(limiter.nanosUntilFree(100) + 150 * MS);
        while (limiter.tryAcquire(100 + at.size())) {
            at.add(time.nanoTime());
        }
        for (int i = 0; i < 30; i++) {
            time.advance(limiter.nanosUntilFree(200 + i));
            assertThat(limiter.tryAcquire(200 + i)).isTrue();
            at.add(time.nanoTime());
        }
        assertThat(busiestWindow(at, SECOND)).isEqualTo(10);
    }

    /**
     * Several senders (rows, calls) wake up late at random, sometimes by several slots, sometimes try a burst, and
     * send to private chats, groups and albums: no one-second window ever holds more than the global limit, no
     * private chat's second more than one, no group's minute more than 20, and the limit is still filled.
     */
    @Test
    void noWindowEverHoldsMoreThanTheLimitWhateverTheDelays() {
        RateLimiter limiter = limiter(30, 1, 20);
        SplittableRandom random = new SplittableRandom(23);
        List<Long> all = new ArrayList<>();
        Map<Long, List<Long>> byChat = new HashMap<>();
        while (all.size() < 20_000) {
            long chat = random.nextInt(10) == 0 ? -1 - random.nextInt(40) : 1 + random.nextInt(300);
            int messages = random.nextInt(20) == 0 ? 2 + random.nextInt(3) : 1;
            long late = switch (random.nextInt(4)) {
                case 0 -> 0; // on time
                case 1 -> random.nextLong(5 * MS); // the usual scheduling jitter
                case 2 -> random.nextLong(100 * MS); // a descheduled thread: up to three slots late
                default -> random.nextLong(2 * SECOND) == 0 ? SECOND : 0; // now and then, idle
            };
            time.advance(Math.min(limiter.nanosUntilGlobalFree(), limiter.nanosUntilFree(chat)) + late);
            int burst = random.nextInt(8) == 0 ? 5 : 1; // try several in a row without waiting
            for (int b = 0; b < burst; b++) {
                long to = b == 0 ? chat : 1000 + random.nextInt(100_000);
                if (limiter.tryAcquire(to, messages)) {
                    for (int m = 0; m < messages; m++) {
                        all.add(time.nanoTime());
                        byChat.computeIfAbsent(to, c -> new ArrayList<>()).add(time.nanoTime());
                    }
                }
            }
        }
        assertThat(busiestWindow(all, SECOND)).isEqualTo(30);
        byChat.forEach((chat, at) -> {
            if (chat > 0) {
                // an album's messages go in one call; calls to one private chat are a second apart
                assertThat(busiestWindow(at.stream().distinct().toList(), SECOND)).as("chat %d", chat).isEqualTo(1);
            } else {
                assertThat(busiestWindow(at, 60 * SECOND)).as("group %d", chat).isLessThanOrEqualTo(20);
            }
        });
    }

    @Test
    void aCallThatLeavesLateCountsFromWhenItLeft() {
        RateLimiter limiter = limiter(10, 1, 20);
        for (int i = 0; i < 10; i++) {
            time.advance(limiter.nanosUntilFree(i));
            assertThat(limiter.tryAcquire(i)).isTrue();
            if (i == 0) {
                time.advanceMillis(40); // its worker thread starts it 40 ms late
                limiter.departing(0);
            } else {
                limiter.departing(i);
            }
        }
        time.advanceMillis(100); // 1 s after the first slot, when its schedule has room for the eleventh
        assertThat(limiter.nanosUntilGlobalFree()).as("the first left at 0.04 s").isEqualTo(40 * MS);
    }

    /**
     * Several calls in flight, each started by its worker up to 300 ms after its slot, in any order: counted from
     * when they left, no second of departures holds more than the limit.
     */
    @Test
    void callsStartedLateByTheirWorkersNeverOverfillASecond() {
        RateLimiter limiter = limiter(30, 1, 20);
        SplittableRandom random = new SplittableRandom(11);
        java.util.TreeMap<Long, List<Long>> startsAt = new java.util.TreeMap<>();
        List<Long> departures = new ArrayList<>();
        for (long chat = 1; departures.size() < 5000; ) {
            long next = time.nanoTime() + limiter.nanosUntilGlobalFree();
            // start every call due before the next slot, in time order
            while (!startsAt.isEmpty() && startsAt.firstKey() - next <= 0) {
                Map.Entry<Long, List<Long>> due = startsAt.pollFirstEntry();
                time.advance(due.getKey() - time.nanoTime());
                for (long c : due.getValue()) {
                    limiter.departing(c);
                    departures.add(time.nanoTime());
                }
                next = time.nanoTime() + limiter.nanosUntilGlobalFree();
            }
            time.advance(next - time.nanoTime());
            if (limiter.tryAcquire(chat)) {
                long late = random.nextInt(3) == 0 ? random.nextLong(300 * MS) : 0;
                startsAt.computeIfAbsent(time.nanoTime() + late, t -> new ArrayList<>()).add(chat);
                chat++;
            }
        }
        java.util.Collections.sort(departures);
        assertThat(busiestWindow(departures, SECOND)).isEqualTo(30);
        double rate = (departures.size() - 1) / ((departures.get(departures.size() - 1) - departures.get(0)) / 1e9);
        assertThat(rate / 30).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void theSenderStillFillsTheLimitWhenItWakesALittleLate() {
        RateLimiter limiter = limiter(30, 1, 20);
        SplittableRandom random = new SplittableRandom(7);
        List<Long> at = new ArrayList<>();
        for (long chat = 1; at.size() < 3000; chat++) {
            time.advance(limiter.nanosUntilFree(chat) + random.nextLong(20 * MS));
            assertThat(limiter.tryAcquire(chat)).isTrue();
            at.add(time.nanoTime());
        }
        double rate = (at.size() - 1) / ((at.get(at.size() - 1) - at.get(0)) / 1e9);
        assertThat(rate / 30).isGreaterThanOrEqualTo(0.98);
        assertThat(busiestWindow(at, SECOND)).isEqualTo(30);
    }

    @Test
    void thePaidLaneKeepsToItsOwnWindow() {
        BotConfig.Delivery limits = TestConfig.limits(30, 1, 20, 5, 1)
                .withPaid(new BotConfig.Paid(true, 1000, 100_000, new BigDecimal("0.1")));
        RateLimiter limiter = new RateLimiter(limits, time);
        SplittableRandom random = new SplittableRandom(3);
        List<Long> at = new ArrayList<>();
        for (long chat = 1; at.size() < 20_000; chat++) {
            // now and then the sender stalls for up to 15 ms: the catch-up makes it up, the window stays exact
            time.advance(limiter.nanosUntilPaidFree() + (random.nextInt(50) == 0 ? random.nextLong(15 * MS) : 0));
            while (limiter.tryAcquirePaid(chat)) {
                at.add(time.nanoTime());
                chat++;
            }
        }
        assertThat(busiestWindow(at, SECOND)).isEqualTo(1000);
        double rate = (at.size() - 1) / ((at.get(at.size() - 1) - at.get(0)) / 1e9);
        assertThat(rate / 1000).isGreaterThanOrEqualTo(0.98);
        assertThat(limiter.nanosUntilGlobalFree()).as("paid sends leave the free lane alone").isZero();
    }

    @Test
    void anAlbumWaitsUntilTheWindowHasRoomForAllItsMessages() {
        RateLimiter limiter = limiter(10, 1, 20);
        List<Long> at = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            time.advance(limiter.nanosUntilFree(i));
            assertThat(limiter.tryAcquire(i)).isTrue();
            at.add(time.nanoTime());
        }
        time.advance(limiter.nanosUntilGlobalFree());
        assertThat(limiter.nanosUntilGlobalFree(1)).isZero();
        assertThat(limiter.nanosUntilGlobalFree(3)).isPositive();
        assertThat(limiter.tryAcquire(50, 3)).isFalse();
        time.advance(limiter.nanosUntilGlobalFree(3));
        assertThat(limiter.tryAcquire(50, 3)).isTrue();
        for (int m = 0; m < 3; m++) {
            at.add(time.nanoTime());
        }
        assertThat(busiestWindow(at, SECOND)).isEqualTo(10);
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
    void aLoneChat429CostsThatChatItsRetryAfterAndNothingElse() {
        RateLimiter limiter = limiter(30, 1, 20);
        drive(limiter, 60, i -> i + 1);
        assertThat(limiter.retryAfter(7, Duration.ofSeconds(3))).isFalse();
        assertThat(limiter.nanosUntilChatFree(7)).isEqualTo(3 * SECOND);
        assertThat(limiter.rateFactor()).isEqualTo(1.0);
        long from = time.nanoTime();
        List<Double> after = drive(limiter, 91, i -> 1000 + i);
        assertThat(after.get(90) - after.get(0)).as("others go on at the limit").isCloseTo(3.0, within(1e-5));
        assertThat(time.nanoTime() - from).isLessThan(4 * SECOND);
        assertThat(limiter.nanosUntilChatFree(7)).isZero();
        assertThat(counters.rateLimited(RateLimiter.Scope.CHAT)).isEqualTo(1);
        assertThat(counters.rateLimited(RateLimiter.Scope.ALL)).isZero();
        assertThat(counters.slowDowns()).isZero();
    }

    @Test
    void aBotWide429PausesEverythingForItsRetryAfterThenTheRateIsBackAtTheLimit() {
        RateLimiter limiter = limiter(30, 1, 20);
        drive(limiter, 60, i -> i + 1);
        assertThat(limiter.retryAfter(5, Duration.ofSeconds(1))).isFalse();
        time.advanceMillis(50);
        assertThat(limiter.retryAfter(6, Duration.ofSeconds(1))).as("a second chat: the bot is over").isTrue();
        long pauseEnd = time.nanoTime() + SECOND;
        assertThat(limiter.nanosUntilGlobalFree()).isEqualTo(SECOND);
        assertThat(limiter.pace().allowedPerSecond()).isZero();
        assertThat(limiter.retryAfter(8, Duration.ofSeconds(1))).as("a racer in the same round trip").isTrue();

        List<Long> at = new ArrayList<>();
        for (long chat = 100; time.nanoTime() - pauseEnd < 6 * SECOND; chat++) {
            time.advance(limiter.nanosUntilFree(chat));
            assertThat(limiter.tryAcquire(chat)).isTrue();
            at.add(time.nanoTime());
        }
        assertThat(at.get(0)).as("exactly retry_after").isEqualTo(pauseEnd);
        assertThat(limiter.rateFactor()).isEqualTo(1.0);
        for (long second = 0; second < 5; second++) {
            assertThat(sendsIn(at, pauseEnd + second * SECOND, SECOND)).as("second %d", second).isEqualTo(30);
        }
        assertThat(counters.rateLimited(RateLimiter.Scope.ALL)).isEqualTo(2);
        assertThat(counters.slowDowns()).as("one episode").isZero();
    }

    @Test
    void repeated429sSlowTheSenderDownAndItRecoversWithinSecondsAfterTheyStop() {
        RateLimiter limiter = limiter(30, 1, 20);
        List<Long> at = new ArrayList<>();
        long chat = 1;
        long last429 = 0;
        for (int episode = 0; episode < 4; episode++) {
            for (long until = time.nanoTime() + 3 * SECOND; time.nanoTime() - until < 0; chat++) {
                time.advance(limiter.nanosUntilFree(chat));
                if (limiter.tryAcquire(chat)) {
                    at.add(time.nanoTime());
                }
            }
            limiter.pause(Duration.ofSeconds(1));
            last429 = time.nanoTime();
            if (episode < 2) {
                assertThat(limiter.rateFactor()).as("episode %d alone does not slow down", episode).isEqualTo(1.0);
            }
        }
        assertThat(counters.slowDowns()).isEqualTo(2);
        assertThat(limiter.rateFactor()).isLessThan(0.8);
        double slowed = limiter.rateFactor();

        // right after the pause the sender goes slower than the limit...
        time.advance(limiter.nanosUntilGlobalFree());
        long resumed = time.nanoTime();
        for (; time.nanoTime() - last429 < 10 * SECOND; chat++) {
            time.advance(limiter.nanosUntilFree(chat));
            assertThat(limiter.tryAcquire(chat)).isTrue();
            at.add(time.nanoTime());
        }
        assertThat(sendsIn(at, resumed, SECOND)).isLessThan(30).isGreaterThanOrEqualTo((long) (30 * slowed));
        // ...and is back at the full limit within 5 s of the last 429
        assertThat(sendsIn(at, last429 + 4 * SECOND, SECOND)).isEqualTo(30);
        assertThat(sendsIn(at, last429 + 5 * SECOND, SECOND)).isEqualTo(30);
        assertThat(limiter.rateFactor()).isEqualTo(1.0);
        assertThat(busiestWindow(at, SECOND)).isEqualTo(30);
    }

    @Test
    void manyChats429InOneRoundTripAreOneEpisode() {
        RateLimiter limiter = limiter(30, 1, 20);
        for (long chat = 1; chat <= 10; chat++) {
            limiter.retryAfter(chat, Duration.ofSeconds(2));
            time.advanceMillis(10);
        }
        assertThat(counters.slowDowns()).isZero();
        assertThat(limiter.rateFactor()).isEqualTo(1.0);
        assertThat(counters.rateLimited(RateLimiter.Scope.CHAT)).isEqualTo(1);
        assertThat(counters.rateLimited(RateLimiter.Scope.ALL)).isEqualTo(9);
    }

    @Test
    void paceShowsTheMessagesOfTheLastSecondAgainstTheLimit() {
        assertThat(new DeliveryCounters().pace()).isEmpty();
        RateLimiter limiter = limiter(30, 1, 20);
        drive(limiter, 45, i -> i + 1);
        RateLimiter.Pace pace = counters.pace().orElseThrow();
        assertThat(pace.limitPerSecond()).isEqualTo(30);
        assertThat(pace.allowedPerSecond()).isEqualTo(30.0);
        assertThat(pace.sentLastSecond()).isEqualTo(30);
        assertThat(pace.paidSentLastSecond()).isZero();
        time.advance(Duration.ofSeconds(2));
        assertThat(counters.pace().orElseThrow().sentLastSecond()).isZero();
    }

    @Test
    void forgetsChatsWhoseScheduleIsPast() {
        RateLimiter limiter = limiter(1000, 1, 20);
        drive(limiter, 100_000, i -> i % 2 == 0 ? i + 1 : -(i + 1));
        // 100 s of sends at 1000/s: only chats from the last seconds (groups: 3 s) can still be tracked
        assertThat(limiter.trackedChats()).isLessThan(5_000);
    }
}
