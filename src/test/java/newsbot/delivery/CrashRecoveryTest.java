package newsbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import newsbot.store.Database;
import newsbot.store.Deliveries;
import newsbot.telegram.FakeBotApi;
import newsbot.telegram.FakeRateLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the engine with SIGKILL in the middle of a broadcast and starts it again: every chat gets the message,
 * at most one twice. Takes about ten seconds (two JVM starts), so it runs only when asked:
 * {@code mvn -q test -Dtest=CrashRecoveryTest -Dnewsbot.crashTest=true}.
 */
@EnabledIfSystemProperty(named = "newsbot.crashTest", matches = "true")
class CrashRecoveryTest {

    private static final int CHATS = 300;
    private static final int PER_SECOND = 100;

    @TempDir
    Path dir;

    @Test
    void killedMidBroadcastAndRestartedEveryChatGetsItAndAtMostOneTwice() throws Exception {
        Path dbFile = dir.resolve("crash.db");
        Database db = Database.open(dbFile);
        Deliveries deliveries = new Deliveries();
        Outbox outbox = new Outbox(deliveries, DeliveryTime.system());
        List<Long> chats = LongStream.rangeClosed(1, CHATS).boxed().toList();
        db.useTransaction(h -> outbox.enqueueAll(h, chats, DeliveryKind.BROADCAST, 1, "<b>Важно</b>", false, false,
                Instant.now()));

        try (FakeBotApi telegram = FakeBotApi.start()) {
            telegram.enableRateLimits(new FakeRateLimits(PER_SECOND, 1, 20, Duration.ofMillis(25)));
            Process first = child(dbFile, telegram, "first");
            try {
                await(() -> telegram.sentMessages().size() >= CHATS / 3, Duration.ofSeconds(60));
            } finally {
                first.destroyForcibly(); // SIGKILL: no shutdown hook, no stop()
                first.waitFor(10, TimeUnit.SECONDS);
            }
            int beforeRestart = telegram.sentMessages().size();
            assertThat(beforeRestart).as("killed mid-way").isLessThan(CHATS);

            Process second = child(dbFile, telegram, "second");
            try {
                await(() -> db.withHandle(deliveries::pendingCount) == 0, Duration.ofSeconds(60));
            } finally {
                second.destroyForcibly();
                second.waitFor(10, TimeUnit.SECONDS);
            }

            Map<Long, Long> perChat = EndToEndTest.perChat(telegram.sentMessages());
            System.out.printf("crash test: %d sent before SIGKILL, %d after restart, %d chat(s) got it twice%n",
                    beforeRestart, telegram.sentMessages().size() - beforeRestart,
                    perChat.values().stream().filter(n -> n > 1).count());
            assertThat(perChat).hasSize(CHATS);
            assertThat(perChat.values().stream().filter(n -> n > 1).count()).as("chats that got it twice")
                    .isLessThanOrEqualTo(1);
            assertThat(perChat.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
            assertThat(telegram.tooManyRequestsCount()).isZero();
        }
    }

    private Process child(Path dbFile, FakeBotApi telegram, String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                dbFile.toString(), telegram.apiUrl(), telegram.token(), Integer.toString(PER_SECOND))
                .redirectErrorStream(true)
                .redirectOutput(new File(dir.toFile(), name + ".log"))
                .start();
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within " + timeout).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
