package newsbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.LongStream;
import newsbot.delivery.Delivery;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long faults on virtual time: Telegram gone for minutes, the database refusing to record what was sent. */
class DispatcherOutageTest {

    @TempDir
    Path dir;
    private Fixture f;
    private ScriptedSender sender;

    @BeforeEach
    void setUp() {
        f = new Fixture(dir.resolve("outage.db"), new newsbot.config.BotConfig.Delivery(30, 1, 20, 8, 1));
        sender = new ScriptedSender(f.time);
    }

    /** Telegram unreachable (connection refused) from {@code from} for {@code length} of virtual time. */
    private Function<OutgoingMessage, SendOutcome> downBetween(Instant from, Duration length) {
        return m -> down(from, length) ? new SendOutcome.Transient("ConnectException: Connection refused") : null;
    }

    private boolean down(Instant from, Duration length) {
        Instant now = f.now();
        return !now.isBefore(from) && now.isBefore(from.plus(length));
    }

    @Test
    void aTenMinuteOutageDuringABroadcastFailsNothingAndSendsEverythingOnce() {
        Instant start = f.now();
        Duration outage = Duration.ofMinutes(10);
        Instant from = start;
        sender.answer(downBetween(from, outage));
        sender.probeAnswers(() -> down(from, outage) ? new SendOutcome.Transient("ConnectException") : SendOutcome.Delivered.message(1));
        f.db.useTransaction(h -> f.outbox.enqueueAll(h, LongStream.rangeClosed(1, 200).boxed().toList(), DeliveryKind.BROADCAST, 1, "<b>Объявление</b>", Manner.PLAIN, f.now()));
        // a breaking alert that is news for 5 minutes only, and one that stays news for the whole outage
        f.enqueue(1001, DeliveryKind.BREAKING, 7, "⚡ short-lived");
        Dispatcher d = f.dispatcher(sender, Map.of(DeliveryKind.BREAKING, Duration.ofMinutes(5)));
        f.run(d, () -> f.pending() == 0, 200_000);

        List<Delivery> rows = f.all();
        assertThat(rows).filteredOn(r -> r.kind() == DeliveryKind.BROADCAST).hasSize(200)
                .allSatisfy(r -> assertThat(r.state()).isEqualTo(DeliveryState.SENT))
                .allSatisfy(r -> assertThat(r.attempts()).as("an outage costs no attempt").isZero());
        assertThat(sender.delivered()).extracting(ScriptedSender.Sent::chatId).doesNotHaveDuplicates()
                .hasSize(200);
        Delivery breaking = rows.stream().filter(r -> r.kind() == DeliveryKind.BREAKING).findFirst().orElseThrow();
        assertThat(breaking.state()).isEqualTo(DeliveryState.CANCELLED);
        assertThat(breaking.lastError()).startsWith("expired");
        assertThat(f.counters.snapshot().expired()).isEqualTo(1);
        assertThat(f.counters.snapshot().failed()).isZero();
        assertThat(f.counters.snapshot().outages()).isEqualTo(1);
        assertThat(f.counters.snapshot().outage()).isEmpty();
        // while down, the sender only probed, with capped backoff: no storm of sends into the void
        long triedWhileDown = sender.sent().stream().filter(s -> s.outcome() instanceof SendOutcome.Transient).count();
        assertThat(triedWhileDown).isLessThanOrEqualTo(TelegramHealth.SUSPECT_AFTER);
        assertThat(sender.probes()).isBetween(600 / 30, 600 / 8);
        assertThat(sender.delivered().get(199).at()).as("resumed right after the outage")
                .isLessThan(outage.toSeconds() + 30 + 200 / 30.0 + 5);
    }

    @Test
    void whenTheDatabaseRefusesToRecordASendNothingIsSentTwice() {
        f.db.useTransaction(h -> {
            h.execute("CREATE TABLE refuse (on_ INTEGER NOT NULL)");
            h.execute("INSERT INTO refuse VALUES (0)");
            // the real database refusing a write, as when the disk is full or the lock is held too long
            h.execute("CREATE TRIGGER refuse_sent BEFORE UPDATE OF state ON deliveries "
                    + "WHEN NEW.state = 'SENT' AND (SELECT on_ FROM refuse) = 1 "
                    + "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
        });
        for (long chat = 1; chat <= 5; chat++) {
            f.enqueue(chat, DeliveryKind.DIGEST, 1, "digest " + chat);
        }
        f.db.useTransaction(h -> h.execute("UPDATE refuse SET on_ = 1"));
        Dispatcher d = f.dispatcher(sender);
        // a minute of the database refusing: the first message went out, nothing more, never again
        Instant until = f.now().plusSeconds(60);
        f.run(d, () -> !f.now().isBefore(until), 100_000);
        assertThat(sender.sent()).hasSize(1);
        assertThat(f.pending()).isEqualTo(5);

        f.db.useTransaction(h -> h.execute("UPDATE refuse SET on_ = 0"));
        f.run(d, () -> f.pending() == 0, 100_000);
        assertThat(sender.sent()).extracting(ScriptedSender.Sent::chatId).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
        assertThat(f.all()).allSatisfy(r -> assertThat(r.state()).isEqualTo(DeliveryState.SENT));
    }

    @Test
    void oneRowsOwnFailuresStillSpendItsAttemptsWhileOthersAreSent() {
        sender.answer(m -> m.chatId() == 13 ? new SendOutcome.Transient("500 Internal Server Error") : null);
        for (long chat = 1; chat <= 20; chat++) {
            f.enqueue(chat, DeliveryKind.DIGEST, 1, "d" + chat);
        }
        f.run(f.dispatcher(sender), () -> f.pending() == 0, 100_000);
        Delivery poisoned = f.all().stream().filter(r -> r.chatId() == 13).findFirst().orElseThrow();
        assertThat(poisoned.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(poisoned.attempts()).isEqualTo(8);
        assertThat(f.counters.snapshot().outages()).isZero();
    }

    /**
     * Issue 22, finding 0: sendMessage answers 502 for every chat for five minutes while getMe (the probe) answers.
     * Failures of many different chats with no success between are an outage whatever the probe says: nothing may
     * be lost to it, and while it lasts a real row, alone, is the probe.
     */
    @Test
    void aPartialOutageThatTheProbeCannotSeeLosesNothing() {
        Instant from = f.now();
        Duration outage = Duration.ofMinutes(5);
        sender.answer(m -> down(from, outage) ? new SendOutcome.Transient("502 Bad Gateway") : null);
        sender.probeAnswers(SendOutcome.Delivered::done); // getMe keeps answering throughout
        f.db.useTransaction(h -> f.outbox.enqueueAll(h, LongStream.rangeClosed(1, 100).boxed().toList(),
                DeliveryKind.BROADCAST, 1, "<b>Объявление</b>", Manner.PLAIN, f.now()));
        f.run(f.dispatcher(sender), () -> f.pending() == 0, 200_000);

        assertThat(f.all()).hasSize(100).allSatisfy(r -> assertThat(r.state()).isEqualTo(DeliveryState.SENT))
                .allSatisfy(r -> assertThat(r.attempts()).as("at most the failures before it was recognised")
                        .isLessThanOrEqualTo(1));
        assertThat(sender.delivered()).extracting(ScriptedSender.Sent::chatId).doesNotHaveDuplicates().hasSize(100);
        assertThat(f.counters.snapshot().failed()).isZero();
        assertThat(f.counters.snapshot().outages()).isEqualTo(1);
        // while it lasted, one row at a time probed, with capped backoff: no storm of sends into the failure
        long failedSends = sender.sent().stream().filter(x -> x.outcome() instanceof SendOutcome.Transient).count();
        assertThat(failedSends).isLessThan(TelegramHealth.OUTAGE_BREADTH + 3 + 5 * 60 / 8);
    }
}
