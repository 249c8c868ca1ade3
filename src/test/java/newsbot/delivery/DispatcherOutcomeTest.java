package newsbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import newsbot.delivery.Delivery;
import newsbot.store.Subscriber;
import newsbot.store.SubscriberStatus;
import newsbot.telegram.SendOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the dispatcher does with each answer Telegram can give. */
class DispatcherOutcomeTest {

    @TempDir
    Path dir;
    private Fixture f;
    private ScriptedSender sender;

    @BeforeEach
    void setUp() {
        f = new Fixture(dir.resolve("o.db"));
        sender = new ScriptedSender(f.time);
    }

    private void drain() {
        f.run(f.dispatcher(sender), () -> f.pending() == 0, 10_000);
    }

    private SubscriberStatus status(long chatId) {
        return f.subscribers.find(f.reader(), chatId).map(Subscriber::status).orElse(null);
    }

    private List<Delivery> rowsOf(long chatId) {
        return f.all().stream().filter(d -> d.chatId() == chatId).toList();
    }

    @Test
    void retryAfterPausesThatChatReschedulesAndCostsNothingElse() {
        AtomicInteger calls = new AtomicInteger();
        sender.answer(m -> calls.incrementAndGet() == 3 ? new SendOutcome.RetryAfter(Duration.ofSeconds(5)) : null);
        for (long chat = 1; chat <= 6; chat++) {
            f.enqueue(chat, DeliveryKind.BROADCAST, 1, "b");
        }
        drain();
        List<ScriptedSender.Sent> sent = sender.sent();
        assertThat(sent).hasSize(7);
        ScriptedSender.Sent limited = sent.get(2);
        ScriptedSender.Sent again = sent.stream().filter(x -> x.chatId() == limited.chatId()).toList().get(1);
        assertThat(again.at() - limited.at()).as("the chat waits retry_after").isGreaterThanOrEqualTo(5.0);
        assertThat(sent.get(3).at() - limited.at()).as("the other chats do not").isLessThan(1.0);
        assertThat(sender.delivered()).extracting(ScriptedSender.Sent::chatId)
                .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
        Delivery retried = rowsOf(limited.chatId()).get(0);
        assertThat(retried.state()).isEqualTo(DeliveryState.SENT);
        assertThat(retried.attempts()).as("a 429 is not the row's failure").isZero();
        assertThat(f.counters.snapshot().rateLimited()).isEqualTo(1);
        assertThat(f.counters.rateLimited(RateLimiter.Scope.CHAT)).isEqualTo(1);
        assertThat(f.limiter.rateFactor()).as("a lone 429 does not slow the sender down").isEqualTo(1.0);
    }

    @Test
    void retryAfterForTwoChatsAtOncePausesEverything() {
        AtomicInteger calls = new AtomicInteger();
        sender.answer(m -> {
            int n = calls.incrementAndGet();
            return n == 2 || n == 3 ? new SendOutcome.RetryAfter(Duration.ofSeconds(4)) : null;
        });
        for (long chat = 1; chat <= 6; chat++) {
            f.enqueue(chat, DeliveryKind.BROADCAST, 1, "b");
        }
        drain();
        List<ScriptedSender.Sent> sent = sender.sent();
        assertThat(sent).hasSize(8);
        assertThat(sent.get(3).at() - sent.get(2).at()).as("the bot as a whole is over the limit")
                .isGreaterThanOrEqualTo(3.99);
        assertThat(sender.delivered()).extracting(ScriptedSender.Sent::chatId)
                .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(f.counters.snapshot().rateLimited()).isEqualTo(2);
        assertThat(f.counters.rateLimited(RateLimiter.Scope.ALL)).isEqualTo(1);
    }

    /** Replies are outbox rows too: Telegram's answer to one is handled exactly as for a push. */
    @Test
    void aReplyToAChatThatBlockedTheBotMarksItAndCancelsItsQueue() {
        f.subscriber(52);
        f.subscriber(-200);
        sender.answer(m -> m.chatId() == 52 ? new SendOutcome.Blocked("Forbidden: bot was blocked by the user")
                : m.chatId() == -200 ? new SendOutcome.Migrated(-100200) : null);
        f.db.useTransaction(h -> f.outbox.enqueueReply(h, 52, 1, "reply", Manner.PLAIN));
        f.enqueue(52, DeliveryKind.DIGEST, 1, "d");
        f.db.useTransaction(h -> f.outbox.enqueueReply(h, -200, 2, "group reply", Manner.PLAIN));
        drain();
        assertThat(status(52)).isEqualTo(SubscriberStatus.BLOCKED);
        assertThat(rowsOf(52)).extracting(Delivery::state).containsOnly(DeliveryState.CANCELLED);
        assertThat(rowsOf(-100200)).extracting(Delivery::state).containsExactly(DeliveryState.SENT);
        assertThat(status(-100200)).isEqualTo(SubscriberStatus.ACTIVE);
    }

    @Test
    void blockedChatIsDeactivatedAndItsRowsCancelled() {
        f.subscriber(42);
        f.subscriber(43);
        sender.answer(m -> m.chatId() == 42 ? new SendOutcome.Blocked("Forbidden: bot was blocked by the user") : null);
        f.enqueue(42, DeliveryKind.BREAKING, 1, "a1");
        f.enqueue(42, DeliveryKind.BREAKING, 2, "a2");
        f.enqueue(42, DeliveryKind.DIGEST, 1, "d");
        f.enqueue(43, DeliveryKind.BREAKING, 1, "a1");
        drain();
        assertThat(sender.sent()).extracting(ScriptedSender.Sent::chatId).containsExactlyInAnyOrder(42L, 43L);
        assertThat(status(42)).isEqualTo(SubscriberStatus.BLOCKED);
        assertThat(status(43)).isEqualTo(SubscriberStatus.ACTIVE);
        assertThat(rowsOf(42)).extracting(Delivery::state).containsOnly(DeliveryState.CANCELLED);
        assertThat(f.counters.snapshot().blocked()).isEqualTo(1);
    }

    @Test
    void chatNotFoundIsHandledLikeBlocked() {
        f.subscriber(-5);
        sender.answer(m -> new SendOutcome.ChatGone("Bad Request: chat not found"));
        f.enqueue(-5, DeliveryKind.DIGEST, 1, "d1");
        f.enqueue(-5, DeliveryKind.DIGEST, 2, "d2");
        drain();
        assertThat(sender.sent()).hasSize(1);
        assertThat(status(-5)).isEqualTo(SubscriberStatus.BLOCKED);
        assertThat(rowsOf(-5)).extracting(Delivery::state).containsOnly(DeliveryState.CANCELLED);
    }

    @Test
    void migratedGroupMovesEverywhereAndIsResent() {
        f.subscriber(-100);
        sender.answer(m -> m.chatId() == -100 ? new SendOutcome.Migrated(-100777) : null);
        f.enqueue(-100, DeliveryKind.BREAKING, 1, "first");
        f.enqueue(-100, DeliveryKind.BREAKING, 2, "second");
        drain();
        assertThat(sender.delivered()).extracting(ScriptedSender.Sent::chatId).containsOnly(-100777L).hasSize(2);
        assertThat(sender.sent()).hasSize(3);
        assertThat(status(-100)).isNull();
        assertThat(status(-100777)).isEqualTo(SubscriberStatus.ACTIVE);
        assertThat(rowsOf(-100777)).extracting(Delivery::state).containsOnly(DeliveryState.SENT);
    }

    @Test
    void rejectedRowFailsOnceAndIsNeverRetried() {
        sender.answer(m -> m.chatId() == 9 ? new SendOutcome.Rejected(400, "Bad Request: can't parse entities") : null);
        f.enqueue(9, DeliveryKind.DIGEST, 1, "<b>broken");
        f.enqueue(10, DeliveryKind.DIGEST, 1, "fine");
        drain();
        f.time.advance(Duration.ofHours(1).toNanos());
        f.run(f.dispatcher(sender), () -> false, 20);
        assertThat(sender.sent()).extracting(ScriptedSender.Sent::chatId).containsExactlyInAnyOrder(9L, 10L);
        Delivery failed = rowsOf(9).get(0);
        assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(failed.lastError()).contains("can't parse entities");
        assertThat(f.counters.snapshot().failed()).isEqualTo(1);
    }

    @Test
    void transientFailuresBackOffThenFailAfterMaxAttempts() {
        sender.answer(m -> new SendOutcome.Transient("502 Bad Gateway"));
        f.enqueue(9, DeliveryKind.DIGEST, 1, "d");
        drain();
        List<ScriptedSender.Sent> sent = sender.sent();
        // the third failure in a row makes the sender ask Telegram (getMe): it answers, so the failures are the
        // row's own; the one try spent on that check is not counted
        assertThat(sender.probes()).isEqualTo(1);
        assertThat(sent).hasSize(f.limits.maxAttempts() + 1);
        Delivery failed = rowsOf(9).get(0);
        assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(failed.attempts()).isEqualTo(f.limits.maxAttempts());
        assertThat(f.counters.snapshot().retried()).isEqualTo(f.limits.maxAttempts() - 1);
        assertThat(f.counters.snapshot().failed()).isEqualTo(1);
    }

    @Test
    void transientFailureThenSuccessIsSentOnce() {
        AtomicInteger calls = new AtomicInteger();
        sender.answer(m -> calls.incrementAndGet() <= 2 ? new SendOutcome.Transient("timeout") : null);
        f.enqueue(9, DeliveryKind.DIGEST, 1, "d");
        drain();
        assertThat(sender.delivered()).hasSize(1);
        Delivery sent = rowsOf(9).get(0);
        assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.telegramMessageId()).isNotNull();
    }

    @Test
    void aRetriedRowIsNotOvertakenByTheRowsQueuedBehindIt() {
        AtomicInteger calls = new AtomicInteger();
        sender.answer(m -> {
            int n = calls.incrementAndGet();
            return n == 1 ? new SendOutcome.Transient("503") : n == 3 ? new SendOutcome.RetryAfter(Duration.ofSeconds(2))
                    : null;
        });
        for (int part = 1; part <= 4; part++) {
            f.enqueue(9, DeliveryKind.DIGEST, part, "part " + part);
        }
        f.enqueue(10, DeliveryKind.DIGEST, 1, "other chat");
        drain();
        assertThat(sender.delivered().stream().filter(s -> s.chatId() == 9).map(ScriptedSender.Sent::html))
                .containsExactly("part 1", "part 2", "part 3", "part 4");
        assertThat(sender.delivered()).hasSize(5);
    }

    @Test
    void aSenderThatThrowsIsTreatedAsTransient() {
        AtomicInteger calls = new AtomicInteger();
        sender.answer(m -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("bug in the gateway");
            }
            return null;
        });
        f.enqueue(9, DeliveryKind.DIGEST, 1, "d");
        f.run(f.dispatcher(sender), () -> f.pending() == 0, 10_000);
        assertThat(rowsOf(9).get(0).state()).isEqualTo(DeliveryState.SENT);
        assertThat(calls).hasValue(2);
    }
}
