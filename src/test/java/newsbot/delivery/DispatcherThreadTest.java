package newsbot.delivery;

import newsbot.testing.TestConfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import newsbot.config.BotConfig;
import newsbot.store.Database;

import newsbot.delivery.Delivery;
import newsbot.store.Subscribers;
import newsbot.telegram.MessageSender;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real sending thread on real time, with limits high enough that no test waits for a schedule. */
class DispatcherThreadTest {

    @TempDir
    Path dir;

    private final DeliveryTime time = DeliveryTime.system();
    private final OutboxTable deliveries = new OutboxTable();

    private Dispatcher dispatcher(Database db, Outbox outbox, Function<OutgoingMessage, SendOutcome> send) {
        BotConfig.Delivery limits = TestConfig.limits(1000, 100, 6000, 3, 1);
        MessageSender sender = new MessageSender() {
            @Override
            public SendOutcome send(OutgoingMessage message) {
                return send.apply(message);
            }

            @Override
            public SendOutcome probe() {
                return SendOutcome.Delivered.message(0);
            }
        };
        return new Dispatcher(db, new Subscribers(), outbox, sender, new RateLimiter(limits, time),
                new RetryPolicy(3, new SplittableRandom(1)), new DeliveryCounters(), time);
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within " + timeout).isLessThan(deadline);
            Thread.sleep(2); // polling for the other thread, not waiting for a schedule
        }
    }

    @Test
    void wakeUpSendsANewRowWithoutWaitingForTheNextLook() throws Exception {
        Database db = Database.open(dir.resolve("w.db"));
        Outbox outbox = new Outbox(time);
        List<Long> sent = new ArrayList<>();
        Dispatcher d = dispatcher(db, outbox, m -> {
            synchronized (sent) {
                sent.add(m.chatId());
            }
            return SendOutcome.Delivered.message(1);
        });
        d.start();
        try {
            Thread.sleep(50); // let it go idle
            long start = System.nanoTime();
            db.useTransaction(h -> outbox.enqueue(h, 5, DeliveryKind.REPLY, 1, "hi", Manner.PLAIN, time.now()));
            await(() -> {
                synchronized (sent) {
                    return sent.contains(5L);
                }
            }, Duration.ofSeconds(5));
            // without the wake-up it would take up to the 2 s periodic look
            assertThat((System.nanoTime() - start) / 1e9).isLessThan(1.5);
        } finally {
            assertThat(d.stop(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void stopLetsTheSendInFlightFinishAndLeavesTheRestPending() throws Exception {
        Database db = Database.open(dir.resolve("s.db"));
        Outbox outbox = new Outbox(time);
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Long> sent = new ArrayList<>();
        Dispatcher d = dispatcher(db, outbox, m -> {
            inFlight.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new SendOutcome.Transient("interrupted");
            }
            synchronized (sent) {
                sent.add(m.chatId());
            }
            return SendOutcome.Delivered.message(m.chatId());
        });
        db.useTransaction(h -> {
            for (long chat = 1; chat <= 20; chat++) {
                outbox.enqueue(h, chat, DeliveryKind.BROADCAST, 1, "b", Manner.PLAIN, time.now());
            }
        });
        d.start();
        assertThat(inFlight.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> {
            try {
                return d.stop(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        Thread.sleep(50);
        assertThat(stopped).as("stop waits for the send in flight").isNotDone();
        release.countDown();
        assertThat(stopped.get(5, TimeUnit.SECONDS)).isTrue();
        List<Delivery> rows = db.withHandle(h -> h.createQuery("SELECT id FROM deliveries ORDER BY id")
                .mapTo(Long.class).list().stream().map(id -> deliveries.find(h, id).orElseThrow()).toList());
        assertThat(sent).hasSize(1);
        assertThat(rows.stream().filter(r -> r.state() == DeliveryState.SENT).map(Delivery::chatId)).containsExactlyElementsOf(sent);
        assertThat(rows.stream().filter(Delivery::isPending)).hasSize(19);
    }

    @Test
    void stopInterruptsASendThatOutlastsTheTimeout() throws Exception {
        Database db = Database.open(dir.resolve("t.db"));
        Outbox outbox = new Outbox(time);
        CountDownLatch inFlight = new CountDownLatch(1);
        Dispatcher d = dispatcher(db, outbox, m -> {
            inFlight.countDown();
            try {
                new CountDownLatch(1).await(); // hangs until interrupted
                return SendOutcome.Delivered.message(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new SendOutcome.Transient("interrupted");
            }
        });
        db.useTransaction(h -> outbox.enqueue(h, 1, DeliveryKind.DIGEST, 1, "d", Manner.PLAIN, time.now()));
        d.start();
        assertThat(inFlight.await(5, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        assertThat(d.stop(Duration.ofMillis(200))).isTrue();
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(3.0);
        Delivery row = db.withHandle(h -> deliveries.find(h, 1)).orElseThrow();
        assertThat(row.isPending()).isTrue();
    }

}
