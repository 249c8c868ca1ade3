package newsbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import newsbot.config.BotConfig;
import newsbot.store.PaidSpending;
import newsbot.telegram.SendOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22, finding 4: a paid call is in the day's ledger before it is on the wire, so calls whose answers were
 * never recorded (a crash, a takeover, a database refusing writes) still count against the Stars budget.
 */
class PaidReservationTest {

    @TempDir
    Path dir;
    private Fixture f;
    private ScriptedSender sender;

    @BeforeEach
    void setUp() {
        f = new Fixture(dir.resolve("paid.db"));
        sender = new ScriptedSender(f.time);
    }

    @Test
    void aPaidCallIsInTheLedgerBeforeItsAnswerIsRecorded() {
        f.db.useTransaction(h -> {
            // the database refuses to record "sent", as when the disk is full: the answer stays in memory only
            h.execute("CREATE TRIGGER refuse_sent BEFORE UPDATE OF state ON deliveries WHEN NEW.state = 'SENT' "
                    + "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
            for (long chat = 1; chat <= 5; chat++) {
                f.outbox.enqueue(h, chat, DeliveryKind.BROADCAST, 1, "<b>Срочно</b>", Manner.PLAIN.with(Manner.Lane.PAID),
                        f.now());
            }
        });
        PaidLane lane = new PaidLane(new BotConfig.Paid(true, 300, 1_000, new BigDecimal("1")), f.time);
        Dispatcher d = new Dispatcher(f.db, f.subscribers, f.outbox, sender, f.limiter,
                new RetryPolicy(8, new SplittableRandom(42)), f.counters, f.time, InFlightLimit.pinned(1),
                Dispatcher.DEFAULT_MAX_AGES, lane, SendFence.NONE);
        Instant until = f.now().plusSeconds(30);
        f.run(d, () -> !f.now().isBefore(until), 50_000);

        assertThat(sender.sent()).hasSize(1);
        assertThat(f.pending()).as("nothing recorded as sent").isEqualTo(5);
        LocalDate today = LocalDate.ofInstant(f.now(), ZoneOffset.UTC);
        assertThat(f.db.<Integer>withHandle(h -> new PaidSpending().messagesOn(h, today)))
                .as("the call on the wire is already paid for in the ledger").isEqualTo(1);
    }

    @Test
    void aPaidCallTelegramRefusesIsTakenBackFromTheLedger() {
        sender.answer(m -> m.paid() ? new SendOutcome.PaidRefused("Bad Request: not enough Stars for paid broadcast")
                : null);
        f.db.useTransaction(h -> f.outbox.enqueue(h, 7, DeliveryKind.BROADCAST, 1, "<b>Срочно</b>",
                Manner.PLAIN.with(Manner.Lane.PAID), f.now()));
        PaidLane lane = new PaidLane(new BotConfig.Paid(true, 300, 1_000, new BigDecimal("1")), f.time);
        Dispatcher d = new Dispatcher(f.db, f.subscribers, f.outbox, sender, f.limiter,
                new RetryPolicy(8, new SplittableRandom(42)), f.counters, f.time, InFlightLimit.pinned(1),
                Dispatcher.DEFAULT_MAX_AGES, lane, SendFence.NONE);
        f.run(d, () -> f.pending() == 0, 50_000);

        LocalDate today = LocalDate.ofInstant(f.now(), ZoneOffset.UTC);
        assertThat(f.db.<Integer>withHandle(h -> new PaidSpending().messagesOn(h, today))).isZero();
        assertThat(sender.delivered()).hasSize(1); // sent again at the free rate
    }
}
