package newsbot.delivery;

import newsbot.testing.TestConfig;

import static newsbot.delivery.EndToEndTest.awaitSent;
import static newsbot.delivery.EndToEndTest.chats;
import static newsbot.delivery.EndToEndTest.perChat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import newsbot.config.BotConfig;
import newsbot.telegram.FakeMessage;
import newsbot.telegram.FakeRateLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several sends in flight: the same guarantees, and a slow Bot API no longer caps the rate. */
class EndToEndPipelinedTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void aSlowApiStillGetsTheFullRateWithoutA429() throws Exception {
        // 40 ms per answer: one send at a time could do 25/s at most, the limit is 100/s
        try (EndToEnd e = new EndToEnd(dir.resolve("slow.db"), TestConfig.limits(100, 1, 20, 5, 1), 6)) {
            e.telegram.enableRateLimits(new FakeRateLimits(100, 1, 20, Duration.ofMillis(25)));
            e.telegram.delayResponses("sendMessage", Duration.ofMillis(40));
            e.enqueueAll(chats(1, 150), DeliveryKind.BROADCAST, 1, "b");
            e.start();
            List<FakeMessage> sent = awaitSent(e, 150);
            e.awaitNothingPending(WAIT);

            assertThat(e.telegram.tooManyRequestsCount()).isZero();
            assertThat(perChat(sent)).hasSize(150).allSatisfy((chat, n) -> assertThat(n).isEqualTo(1));
            long[] at = sent.stream().mapToLong(FakeMessage::sentAtNanos).sorted().toArray();
            double span = (at[at.length - 1] - at[0]) / 1e9;
            assertThat(span).isBetween(0.95 * 149 / 100, 2.5 * 149 / 100); // one at a time: about 6 s
            for (int i = 0; i + 100 < at.length; i++) {
                assertThat((at[i + 100] - at[i]) / 1e9).as("window from message %d", i).isGreaterThan(0.95);
            }
        }
    }

    @Test
    void aChatsMessagesStayInOrderAndFaultsLoseOrDoubleNothing() throws Exception {
        try (EndToEnd e = new EndToEnd(dir.resolve("order.db"), TestConfig.limits(300, 20, 1200, 5, 1), 4)) {
            e.telegram.failNext("sendMessage", 5, 500);
            for (int ref = 1; ref <= 8; ref++) {
                e.enqueue(7, DeliveryKind.DIGEST, ref, "part " + ref);
            }
            e.enqueueAll(chats(100, 140), DeliveryKind.BROADCAST, 1, "b");
            e.start();
            e.awaitNothingPending(WAIT);

            assertThat(e.telegram.messagesTo(7)).extracting(FakeMessage::text)
                    .containsExactly("part 1", "part 2", "part 3", "part 4", "part 5", "part 6", "part 7", "part 8");
            assertThat(perChat(e.telegram.sentMessages())).hasSize(42)
                    .allSatisfy((chat, n) -> assertThat(n).isEqualTo(chat == 7 ? 8 : 1));
            // the third failure in a row is checked with a probe (Telegram answers), and that try is not counted
            assertThat(e.telegram.requestCount("sendMessage")).isEqualTo(49 + 5);
            assertThat(e.counters.snapshot().retried()).isBetween(3L, 5L);
        }
    }

    @Test
    void stopRecordsTheAnswersOfSendsInFlight() throws Exception {
        try (EndToEnd e = new EndToEnd(dir.resolve("stop.db"), TestConfig.limits(200, 1, 20, 5, 1), 4)) {
            e.telegram.delayResponses("sendMessage", Duration.ofMillis(60));
            e.enqueueAll(chats(1, 40), DeliveryKind.BROADCAST, 1, "b");
            e.start();
            awaitSent(e, 8);
            e.stop();
            int received = e.telegram.sentMessages().size();
            assertThat(e.pending()).as("every message Telegram took is marked sent").isEqualTo(40 - received);

            e.start();
            e.awaitNothingPending(WAIT);
            assertThat(perChat(e.telegram.sentMessages())).hasSize(40)
                    .allSatisfy((chat, n) -> assertThat(n).isEqualTo(1));
        }
    }
}
