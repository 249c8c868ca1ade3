package newsbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import newsbot.delivery.Delivery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduling: pacing, priorities, fairness, restart. Outcome handling is in {@link DispatcherOutcomeTest}. */
class DispatcherTest {

    @TempDir
    Path dir;
    private Fixture f;
    private ScriptedSender sender;

    @BeforeEach
    void setUp() {
        f = new Fixture(dir.resolve("q.db"));
        sender = new ScriptedSender(f.time);
    }

    private void broadcast(long fromChat, long toChat, long ref) {
        List<Long> chats = LongStream.rangeClosed(fromChat, toChat).boxed().toList();
        f.db.useTransaction(h -> f.outbox.enqueueAll(h, chats, DeliveryKind.BROADCAST, ref, "news " + ref, Manner.PLAIN, f.now()));
    }

    @Test
    void sendsEvenlyAtTheGlobalLimit() {
        broadcast(1, 100, 1);
        Dispatcher d = f.dispatcher(sender);
        f.run(d, () -> f.pending() == 0, 10_000);
        List<ScriptedSender.Sent> sent = sender.delivered();
        assertThat(sent).extracting(ScriptedSender.Sent::chatId).doesNotHaveDuplicates().hasSize(100);
        for (int i = 2; i < sent.size(); i++) { // after idling, the first two go back to back (one banked slot)
            assertThat(sent.get(i).at() - sent.get(i - 1).at()).isCloseTo(1 / 30.0, within(1e-3));
        }
        assertThat(f.counters.snapshot().sent()).isEqualTo(100);
    }

    @Test
    void breakingAlertJumpsAheadOfAThousandBroadcastRows() {
        broadcast(1, 1000, 1);
        Dispatcher d = f.dispatcher(sender);
        f.run(d, () -> sender.sent().size() >= 10, 1000);
        double before = sender.sent().get(9).at();
        f.enqueue(5000, DeliveryKind.BREAKING, 77, "breaking");
        f.enqueue(5001, DeliveryKind.REPLY, 1, "reply");
        f.run(d, () -> sender.sent().size() >= 12, 1000);
        List<ScriptedSender.Sent> sent = sender.sent();
        assertThat(sent.get(10).chatId()).isEqualTo(5001);
        assertThat(sent.get(11).chatId()).isEqualTo(5000);
        assertThat(sent.get(10).at() - before).isLessThanOrEqualTo(1 / 30.0 + 1e-6);
    }

    @Test
    void aLongQueueForOneChatDoesNotStarveOthers() {
        for (int ref = 1; ref <= 30; ref++) {
            f.enqueue(1, DeliveryKind.DIGEST, ref, "digest " + ref);
        }
        f.time.advanceMillis(10); // the others were enqueued later
        for (long chat = 2; chat <= 11; chat++) {
            f.enqueue(chat, DeliveryKind.DIGEST, 1, "digest for " + chat);
        }
        Dispatcher d = f.dispatcher(sender);
        f.run(d, () -> sender.sent().stream().filter(s -> s.chatId() != 1).count() == 10, 1000);
        assertThat(sender.sent()).hasSizeLessThanOrEqualTo(12);
        assertThat(f.time.seconds()).isLessThan(1.0);

        f.run(d, () -> f.pending() == 0, 10_000);
        List<ScriptedSender.Sent> toOne = sender.sent().stream().filter(s -> s.chatId() == 1).toList();
        assertThat(toOne).extracting(ScriptedSender.Sent::html)
                .containsExactly(java.util.stream.IntStream.rangeClosed(1, 30).mapToObj(i -> "digest " + i)
                        .toArray(String[]::new));
        for (int i = 1; i < toOne.size(); i++) {
            // at its own pace: each next row goes as soon as the chat is free, not at the next periodic look
            assertThat(toOne.get(i).at() - toOne.get(i - 1).at()).isCloseTo(1.1, within(0.05));
        }
    }

    @Test
    void groupsGetTwentyPerMinuteWithAMargin() {
        for (int ref = 1; ref <= 4; ref++) {
            f.enqueue(-100, DeliveryKind.BREAKING, ref, "alert " + ref);
        }
        f.run(f.dispatcher(sender), () -> f.pending() == 0, 10_000);
        List<ScriptedSender.Sent> sent = sender.sent();
        assertThat(sent).hasSize(4);
        for (int i = 1; i < sent.size(); i++) {
            assertThat(sent.get(i).at() - sent.get(i - 1).at()).isCloseTo(3.3, within(1e-3));
        }
    }

    @Test
    void rowsNotDueYetWaitForTheirTime() {
        f.db.useTransaction(h -> f.outbox.enqueue(h, 1, DeliveryKind.DIGEST, 1, "later", Manner.PLAIN, f.now().plusSeconds(90)));
        f.enqueue(2, DeliveryKind.DIGEST, 1, "now");
        f.run(f.dispatcher(sender), () -> f.pending() == 0, 10_000);
        assertThat(sender.sent()).extracting(ScriptedSender.Sent::chatId).containsExactly(2L, 1L);
        assertThat(sender.sent().get(1).at()).isBetween(90.0, 90.1);
    }

    @Test
    void rowCancelledAfterTheWindowWasReadIsNotSent() {
        broadcast(1, 5, 9);
        Dispatcher d = f.dispatcher(sender);
        f.run(d, () -> sender.sent().size() >= 1, 100);
        f.db.useTransaction(h -> f.outbox.cancel(h, DeliveryKind.BROADCAST, 9, "cancelled by admin"));
        f.time.advanceMillis(100);
        f.run(d, () -> false, 50);
        assertThat(sender.sent()).hasSize(1);
    }

    @Test
    void restartSendsWhatWasLeftExactlyOnce() {
        broadcast(1, 60, 3);
        f.run(f.dispatcher(sender), () -> sender.sent().size() >= 25, 10_000);
        // the first dispatcher is dropped mid-way, as a crash would; the second starts from the table
        ScriptedSender second = new ScriptedSender(f.time);
        Dispatcher restarted = f.dispatcher(second, new RateLimiter(f.limits, f.time));
        f.run(restarted, () -> f.pending() == 0, 10_000);
        List<Long> chats = new ArrayList<>();
        sender.sent().forEach(s -> chats.add(s.chatId()));
        second.sent().forEach(s -> chats.add(s.chatId()));
        assertThat(chats).hasSize(60).doesNotHaveDuplicates();
        assertThat(f.all()).extracting(Delivery::state).containsOnly(DeliveryState.SENT);
    }

    /** A crash after Telegram accepted a message and before the row says so: the window of one call. */
    @Test
    void aCrashBetweenTheSendAndItsRecordRepeatsOnlyThatMessage() {
        broadcast(1, 60, 3);
        ScriptedSender crashing = new ScriptedSender(f.time);
        List<Long> telegramGot = new ArrayList<>();
        crashing.answer(m -> {
            telegramGot.add(m.chatId());
            if (telegramGot.size() == 25) {
                throw new Crash(); // Telegram has the 25th; the process dies before recording it
            }
            return null;
        });
        Dispatcher first = f.dispatcher(crashing);
        assertThatThrownBy(() -> f.run(first, () -> false, 10_000)).isInstanceOf(Crash.class);
        ScriptedSender second = new ScriptedSender(f.time);
        f.run(f.dispatcher(second, new RateLimiter(f.limits, f.time)), () -> f.pending() == 0, 10_000);
        List<Long> chats = new ArrayList<>(telegramGot);
        long crashedChat = telegramGot.get(24);
        assertThat(second.sent().get(0).chatId()).as("the unrecorded row goes first again").isEqualTo(crashedChat);
        second.sent().forEach(s -> chats.add(s.chatId()));
        assertThat(chats).hasSize(61);
        assertThat(chats.stream().distinct()).hasSize(60);
        assertThat(chats.stream().filter(c -> c == crashedChat)).hasSize(2);
        assertThat(f.all()).extracting(Delivery::state).containsOnly(DeliveryState.SENT);
    }

    /** Not an exception the sender would catch: the JVM going away. */
    private static final class Crash extends Error {
    }
}
