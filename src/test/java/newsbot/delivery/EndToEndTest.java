package newsbot.delivery;

import newsbot.testing.TestConfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import newsbot.config.BotConfig;
import newsbot.delivery.Delivery;
import newsbot.telegram.FakeCall;
import newsbot.telegram.FakeMessage;
import newsbot.telegram.FakeRateLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pacing and rate limits through the whole path against FakeBotApi with its limits on. */
class EndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    static List<Long> chats(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    static List<FakeMessage> awaitSent(EndToEnd e, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (e.telegram.sentMessages().size() < count) {
            assertThat(System.nanoTime()).as("%d messages within %s, got %d", count, WAIT,
                    e.telegram.sentMessages().size()).isLessThan(deadline);
            Thread.sleep(20);
        }
        return e.telegram.sentMessages();
    }

    static Map<Long, Long> perChat(List<FakeMessage> messages) {
        return messages.stream().collect(Collectors.groupingBy(FakeMessage::chatId, Collectors.counting()));
    }

    @Test
    void burstOf500FillsTheGlobalLimitEvenlyWithoutA429() throws Exception {
        int limit = 200;
        try (EndToEnd e = new EndToEnd(dir.resolve("burst.db"), TestConfig.limits(limit, 1, 20, 5, 1))) {
            e.telegram.enableRateLimits(new FakeRateLimits(limit, 1, 20, Duration.ofMillis(25)));
            // A cold JVM needs several milliseconds per send for its first hundreds of sends; the claim is about
            // pacing, so the path is warmed up first and only the burst after it is measured.
            e.enqueueAll(chats(100_001, 100_150), DeliveryKind.BROADCAST, 0, "warm-up");
            e.start();
            awaitSent(e, 150);
            e.enqueueAll(chats(1, 500), DeliveryKind.BROADCAST, 1, "Срочно: <b>новость</b> &amp; подробности");
            List<FakeMessage> sent = awaitSent(e, 650).stream().filter(m -> m.chatId() <= 500).toList();
            e.awaitNothingPending(WAIT);

            assertThat(e.telegram.tooManyRequestsCount()).isZero();
            assertThat(perChat(sent)).hasSize(500).allSatisfy((chat, n) -> assertThat(n).isEqualTo(1));
            long[] at = sent.stream().mapToLong(FakeMessage::sentAtNanos).sorted().toArray();
            double span = (at[at.length - 1] - at[0]) / 1e9;
            double minimum = (at.length - 1) / (double) limit;
            // Never faster than the limit: no 1-second window on the fake's clock holds more than the limit (5%
            // for arrival jitter) ...
            for (int i = 0; i + limit < at.length; i++) {
                assertThat((at[i + limit] - at[i]) / 1e9).as("window from message %d", i).isGreaterThan(0.95);
            }
            assertThat(span).isGreaterThanOrEqualTo(0.95 * minimum);
            // ... and not much slower (loose, for a loaded 2-core machine; the benchmark measures it precisely).
            assertThat(span).isLessThan(1.4 * minimum);
            assertThat(e.counters.snapshot().sent()).isEqualTo(650);
        }
    }

    @Test
    void perChatAndGroupLimitsAreRespected() throws Exception {
        // Telegram's 1/s and 20/min scaled up 5x and 10x so the test takes a second, not a minute.
        BotConfig.Delivery limits = TestConfig.limits(100, 5, 200, 5, 1);
        // 50 ms of slack: with both cores busy a request can reach the fake late and the next on time, a 429 the
        // sender's pacing did not cause (seen once in a loaded suite run)
        Duration slack = Duration.ofMillis(50);
        try (EndToEnd e = new EndToEnd(dir.resolve("chat.db"), limits)) {
            e.telegram.enableRateLimits(new FakeRateLimits(100, 5, 200, slack));
            for (int ref = 1; ref <= 5; ref++) {
                e.enqueue(7, DeliveryKind.DIGEST, ref, "digest part " + ref);
                e.enqueue(-300, DeliveryKind.BREAKING, ref, "alert " + ref);
            }
            e.enqueueAll(chats(100, 130), DeliveryKind.BROADCAST, 1, "broadcast");
            e.start();
            awaitSent(e, 41);
            e.awaitNothingPending(WAIT);

            assertThat(e.telegram.tooManyRequestsCount()).isZero();
            assertThat(gaps(e.telegram.messagesTo(7))).allSatisfy(g -> assertThat(g).isGreaterThan(0.2 - slack.toMillis() / 1e3));
            assertThat(gaps(e.telegram.messagesTo(-300))).allSatisfy(g -> assertThat(g).isGreaterThan(0.3 - slack.toMillis() / 1e3));
            assertThat(e.telegram.messagesTo(7)).extracting(FakeMessage::text)
                    .containsExactly("digest part 1", "digest part 2", "digest part 3", "digest part 4",
                            "digest part 5");
        }
    }

    private static List<Double> gaps(List<FakeMessage> messages) {
        long[] at = messages.stream().mapToLong(FakeMessage::sentAtNanos).toArray();
        return java.util.stream.IntStream.range(1, at.length).mapToObj(i -> (at[i] - at[i - 1]) / 1e9).toList();
    }

    @Test
    void retryAfterFromTelegramPausesThatChatAndLosesNothing() throws Exception {
        try (EndToEnd e = new EndToEnd(dir.resolve("429.db"), TestConfig.limits(100, 1, 20, 5, 1))) {
            e.telegram.failNext("sendMessage", 1, 429); // answers retry_after 1
            e.enqueueAll(chats(1, 10), DeliveryKind.BROADCAST, 1, "b");
            e.start();
            awaitSent(e, 10);
            e.awaitNothingPending(WAIT);

            List<FakeCall> calls = e.telegram.requests().stream()
                    .filter(c -> c.method().equalsIgnoreCase("sendMessage")).toList();
            assertThat(calls).hasSize(11);
            assertThat(calls.get(0).status()).isEqualTo(429);
            // the first row due is chat 1's: it waits retry_after, the others go on
            long limitedAt = calls.get(0).atNanos();
            assertThat((e.telegram.messagesTo(1).get(0).sentAtNanos() - limitedAt) / 1e9).isGreaterThanOrEqualTo(0.98);
            assertThat((calls.get(1).atNanos() - limitedAt) / 1e9).as("others go on").isLessThan(0.5);
            assertThat(perChat(e.telegram.sentMessages())).hasSize(10).allSatisfy((c, n) -> assertThat(n).isEqualTo(1));
            assertThat(e.counters.snapshot().rateLimited()).isEqualTo(1);
            assertThat(e.limiter.rateFactor()).as("a lone 429 costs nothing after it").isEqualTo(1.0);
        }
    }

    /**
     * The case: one 429 during a burst of replies used to slow every later send to 0.8 of the limit for a
     * quarter of an hour. Now it costs that chat its retry_after, and the broadcast after it fills the limit, with
     * no window of the fake's sliding second over it (the fake would have answered 429).
     */
    @Test
    void one429DuringABurstOfRepliesCostsTheBroadcastAfterItNothing() throws Exception {
        int limit = 50;
        try (EndToEnd e = new EndToEnd(dir.resolve("one429.db"), TestConfig.limits(limit, 1, 20, 5, 1), 4)) {
            // the fake counts sliding seconds and forgives a window 5% over, as Telegram: with both cores busy a
            // request can reach it 30 ms late and one a second later on time (seen at load 8); RateLimiterTest checks
            // the limiter's windows exactly
            e.telegram.enableRateLimits(new FakeRateLimits(limit, 1, 20, Duration.ofMillis(25)).withSlidingSecond());
            e.db.useTransaction(h -> {
                for (long chat = 1; chat <= 150; chat++) {
                    e.outbox.enqueueReply(h, chat, chat, "reply", Manner.PLAIN);
                }
            });
            e.start();
            awaitSent(e, 30);
            e.telegram.failNext("sendMessage", 1, 429); // answers retry_after 1
            awaitSent(e, 150);
            assertThat(e.telegram.tooManyRequestsCount()).isEqualTo(1);
            assertThat(e.limiter.rateFactor()).isEqualTo(1.0);

            e.enqueueAll(chats(1001, 1400), DeliveryKind.BROADCAST, 1, "broadcast");
            List<FakeMessage> sent = awaitSent(e, 550).stream().filter(m -> m.chatId() > 1000).toList();
            e.awaitNothingPending(WAIT);

            assertThat(e.telegram.tooManyRequestsCount()).as("no window over the limit").isEqualTo(1);
            long[] at = sent.stream().mapToLong(FakeMessage::sentAtNanos).sorted().toArray();
            double rate = (at.length - 1) / ((at[at.length - 1] - at[0]) / 1e9);
            // Before, one 429 held everything after it under 0.8 of the limit for minutes. The benchmark measures the
            // fill precisely (0.98 and more); here, with other builds sharing both cores, 0.9 proves the point.
            assertThat(rate / limit).as("%.1f/s", rate).isGreaterThanOrEqualTo(0.9);
            assertThat(e.counters.rateLimited(RateLimiter.Scope.CHAT)).isEqualTo(1);
        }
    }

    @Test
    void aLimitTighterThanConfiguredCausesA429StormThatEndsWithEverythingSentOnce() throws Exception {
        // We believe in 60/s, Telegram allows 20/s: the limiter must slow itself down until the 429s stop.
        try (EndToEnd e = new EndToEnd(dir.resolve("storm.db"), TestConfig.limits(60, 1, 20, 5, 1))) {
            e.telegram.enableRateLimits(new FakeRateLimits(20, 1, 20, Duration.ofMillis(25)));
            e.enqueueAll(chats(1, 60), DeliveryKind.BROADCAST, 1, "b");
            e.start();
            awaitSent(e, 60);
            e.awaitNothingPending(WAIT);

            assertThat(perChat(e.telegram.sentMessages())).hasSize(60).allSatisfy((c, n) -> assertThat(n).isEqualTo(1));
            assertThat(e.telegram.tooManyRequestsCount()).isPositive();
            assertThat(e.counters.snapshot().rateLimited()).isEqualTo(e.telegram.tooManyRequestsCount());
            assertThat(e.counters.rateLimited(RateLimiter.Scope.ALL)).as("the bot as a whole was paused").isPositive();
            assertThat(e.rowsOf(1)).extracting(Delivery::attempts).containsOnly(0);
        }
    }

    static Map<Long, Long> count(List<Long> ids) {
        return ids.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    static long[] sorted(long... values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
