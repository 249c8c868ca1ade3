package newsbot.app;

import static newsbot.testing.Await.until;
import static newsbot.testing.PairInstances.receivedPerChat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import newsbot.config.BotConfig;
import newsbot.config.ConfigLoader;
import newsbot.pair.LeaseKeeper;
import newsbot.telegram.FakeBotApi;
import newsbot.testing.PairInstances;
import newsbot.testing.PostgresServer;
import newsbot.testing.TestClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar as the active instance of a pair, killed with SIGKILL mid-broadcast; the standby (an application in
 * this JVM, on its own clock so that the lease timeout need not pass in real time) takes over and sends the rest:
 * every reader gets the message, at most the calls the dead one had in flight twice. Runs after package (Failsafe).
 */
@Tag("postgresql")
class PairKillIT {

    private static final int READERS = 60;
    private static final String TEXT = "Объявление редакции";
    /** The default config's in-flight limit at 30/s before the first round trips are measured (250 ms assumed). */
    private static final int MOST_IN_FLIGHT = 12;

    @TempDir
    Path dir;

    @Test
    void theStandbyTakesOverFromAKilledActiveMidBroadcastAndNothingIsLost() throws Exception {
        String url = PostgresServer.shared().newEmptyDatabaseUrl();
        try (FakeBotApi telegram = FakeBotApi.start()) {
            telegram.delayResponses(Duration.ofMillis(100));
            Process a = PairInstances.startJar(PairInstances.writeConfig(dir, telegram, url, "a"),
                    dir.resolve("a.log"));
            Application b = null;
            try {
                until(() -> log("a").contains("instance a is active"), Duration.ofSeconds(60));
                TestClock clock = new TestClock(Instant.now());
                BotConfig standby = new ConfigLoader(Map.of()).fromMap(PairInstances.properties(telegram, url, "b"));
                b = Application.start(standby, clock, Duration.ofSeconds(1), Application.Schedules.OFF);
                assertThat(b.active()).as("a holds the lease").isFalse();
                PairInstances.enqueueBroadcast(url, READERS, chat -> TEXT, Instant.now());
                until(() -> receivedPerChat(telegram, TEXT).size() >= 15, Duration.ofSeconds(60));
                b.leaseTickNow();

                a.destroyForcibly(); // SIGKILL: no shutdown hook, the lease is not released
                a.waitFor(10, TimeUnit.SECONDS);
                int beforeKill = receivedPerChat(telegram, TEXT).size();
                assertThat(beforeKill).as("killed mid-way").isLessThan(READERS);

                // a beat of a's may have landed after b's last look: then b needs one more timeout from there
                for (int looks = 0; looks < 3 && !b.active(); looks++) {
                    clock.advance(LeaseKeeper.TAKEOVER_AFTER.plusSeconds(1).toNanos());
                    b.leaseTickNow();
                }
                assertThat(b.active()).as("b took over a's lease").isTrue();
                until(() -> receivedPerChat(telegram, TEXT).size() == READERS, Duration.ofSeconds(60));
                Thread.sleep(300);
                Map<Long, Integer> per = receivedPerChat(telegram, TEXT);
                long twice = per.values().stream().filter(n -> n > 1).count();
                System.out.printf("pair kill test: %d readers had it before SIGKILL, %d chat(s) got it twice%n",
                        beforeKill, twice);
                assertThat(per).hasSize(READERS);
                assertThat(twice).as("at most the calls a had in flight").isLessThanOrEqualTo(MOST_IN_FLIGHT);
                assertThat(per.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
                assertThat(b.lease().activeInstance()).contains("b");
            } finally {
                a.destroyForcibly();
                if (b != null) {
                    b.close();
                }
            }
        }
    }

    private String log(String instance) {
        try {
            return Files.readString(dir.resolve(instance + ".log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
