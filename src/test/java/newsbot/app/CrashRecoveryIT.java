package newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import newsbot.delivery.Manner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.DeliveryTime;
import newsbot.delivery.Outbox;
import newsbot.store.Database;

import newsbot.telegram.FakeBotApi;
import newsbot.telegram.FakeMessage;
import newsbot.telegram.FakeRateLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the real jar, default config, with SIGKILL in the middle of a broadcast-sized batch against a Bot API 100 ms
 * away, and starts it again: every chat gets the message, at most the calls in flight at the kill twice. Runs in
 * {@code mvn verify} after the jar is packaged (Failsafe).
 */
class CrashRecoveryIT {

    private static final int CHATS = 150;
    /** Telegram's default, which the default config applies. */
    private static final int PER_SECOND = 30;
    private static final Duration ROUND_TRIP = Duration.ofMillis(100);
    /**
     * The promise: a crash repeats at most the calls in flight at that moment. The default config follows the
     * round trip: at 30/s at most 12 in flight (250 ms assumed before the first answers), about 5 at 100 ms.
     */
    private static final int MOST_IN_FLIGHT = 12;

    @TempDir
    Path dir;

    @Test
    void killedMidBatchAndRestartedEveryChatGetsItAndAtMostTheCallsInFlightTwice() throws Exception {
        Path jar = Path.of("target/newsbot.jar").toAbsolutePath();
        assertThat(jar).as("run through mvn verify, after package").exists();
        Path dbFile = dir.resolve("crash.db");
        Database db = Database.open(dbFile);
        Outbox outbox = new Outbox(DeliveryTime.system());
        List<Long> chats = LongStream.rangeClosed(1, CHATS).boxed().toList();
        db.useTransaction(h -> outbox.enqueueAll(h, chats, DeliveryKind.BROADCAST, 1, "<b>Важно</b>: объявление", Manner.PLAIN, Instant.now()));

        try (FakeBotApi telegram = FakeBotApi.start()) {
            telegram.enableRateLimits(new FakeRateLimits(PER_SECOND, 1, 20, Duration.ofMillis(25)));
            telegram.delayResponses(ROUND_TRIP);
            Path config = writeConfig(telegram, dbFile);
            Process first = start(jar, config, "first");
            try {
                await(() -> telegram.sentMessages().size() >= CHATS / 3, Duration.ofSeconds(60));
            } finally {
                first.destroyForcibly(); // SIGKILL: no shutdown hook runs
                first.waitFor(10, TimeUnit.SECONDS);
            }
            int beforeRestart = telegram.sentMessages().size();
            assertThat(beforeRestart).as("killed mid-way").isLessThan(CHATS);

            Process second = start(jar, config, "second");
            try {
                await(() -> db.withHandle(outbox::pendingCount) == 0, Duration.ofSeconds(60));
            } finally {
                // everything is recorded by now; a clean stop is ProcessLifecycleTest's subject, not this one's
                second.destroyForcibly();
                second.waitFor(10, TimeUnit.SECONDS);
            }

            Map<Long, Long> perChat = new TreeMap<>();
            for (FakeMessage m : telegram.sentMessages()) {
                perChat.merge(m.chatId(), 1L, Long::sum);
            }
            long twice = perChat.values().stream().filter(n -> n > 1).count();
            System.out.printf("crash test: %d sent before SIGKILL, %d after restart, %d chat(s) got it twice%n",
                    beforeRestart, telegram.sentMessages().size() - beforeRestart, twice);
            assertThat(perChat.keySet()).containsExactlyElementsOf(chats);
            assertThat(twice).as("chats that got it twice: at most those in flight").isLessThanOrEqualTo(MOST_IN_FLIGHT);
            assertThat(perChat.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
            assertThat(telegram.tooManyRequestsCount()).isZero();
        }
    }

    private Path writeConfig(FakeBotApi telegram, Path dbFile) throws Exception {
        String text = String.join("\n",
                "telegram.token=" + telegram.token(),
                "telegram.api-url=" + telegram.apiUrl(),
                "db.path=" + dbFile,
                "category.news=Новости",
                "feed.main.url=http://127.0.0.1:9/rss",
                "http.port=0", // not the fixed default port: other tests may run beside this one
                "");
        Path file = dir.resolve("crash.properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Process start(Path jar, Path config, String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-jar", jar.toString(), "--config",
                config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("NEWSBOT_"));
        return builder.start();
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within " + timeout).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
