package newsbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import newsbot.store.Database;

import newsbot.store.Subscribers;
import newsbot.telegram.MessageSender;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;
import newsbot.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The running sender, calls in flight on workers, Telegram 150 ms away: an edit behind replies to its chat goes. */
class DirectCallThreadTest {

    @TempDir
    Path dir;

    @Test
    void anEditBetweenRepliesToOneChatIsSentOnTheRunningSender() throws Exception {
        DeliveryTime time = DeliveryTime.system();
        Database db = Database.open(dir.resolve("t.db"));
        OutboxTable deliveries = new OutboxTable();
        Outbox outbox = new Outbox(time);
        java.util.List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        MessageSender slow = new MessageSender() {
            @Override
            public SendOutcome send(OutgoingMessage message) {
                order.add(message.html());
                sleep();
                return SendOutcome.Delivered.message(1);
            }

            @Override
            public SendOutcome probe() {
                return SendOutcome.Delivered.message(0);
            }
        };
        var limits = TestConfig.limits(30, 1, 20, 5, 1);
        Dispatcher d = new Dispatcher(db, new Subscribers(), outbox, slow, new RateLimiter(limits, time),
                new RetryPolicy(5, new SplittableRandom(1)), new DeliveryCounters(), time, InFlightLimit.auto(30),
                Dispatcher.DEFAULT_MAX_AGES);
        d.start();
        try {
            db.useTransaction(h -> outbox.enqueueReply(h, 42, 1, "reply", Manner.PLAIN));
            // the edit comes while the reply is on the wire (on a loaded machine the sender may not have looked yet)
            long onTheWire = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (order.isEmpty() && System.nanoTime() < onTheWire) {
                Thread.sleep(5); // waiting for the sender's thread, not for a schedule
            }
            DirectCall edit = DirectCall.of(42, DirectCall.Urgency.INTERACTIVE, "edit", () -> {
                order.add("edit");
                sleep();
                return SendOutcome.Delivered.message(9);
            });
            d.submit(edit);
            db.useTransaction(h -> outbox.enqueueReply(h, 42, 2, "second", Manner.PLAIN));
            assertThat(edit.result().get(5, TimeUnit.SECONDS)).isEqualTo(SendOutcome.Delivered.message(9));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (order.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10); // waiting for the sender's thread, not for a schedule
            }
            // the chat's later reply must not overtake the edit handed in before it
            assertThat(order).containsExactly("reply", "edit", "second");
        } finally {
            d.stop(Duration.ofSeconds(5));
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(150); // the round trip to Telegram
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
