package newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import newsbot.config.BotConfig;
import newsbot.config.ConfigLoader;
import newsbot.pair.LeaseKeeper;
import newsbot.store.Database;
import newsbot.store.Deliveries;
import newsbot.store.NewDelivery;
import newsbot.telegram.FakeBotApi;
import newsbot.telegram.FakeMessage;
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
    /** The default config's in-flight limit at 30/s before the first round trips are measured (250 ms assumed). */
    private static final int MOST_IN_FLIGHT = 12;

    @TempDir
    Path dir;

    @Test
    void theStandbyTakesOverFromAKilledActiveMidBroadcastAndNothingIsLost() throws Exception {
        Path jar = Path.of("target/newsbot.jar").toAbsolutePath();
        assertThat(jar).as("run through mvn verify, after package").exists();
        String url = PostgresServer.shared().newEmptyDatabaseUrl();
        try (FakeBotApi telegram = FakeBotApi.start()) {
            telegram.delayResponses(Duration.ofMillis(100));
            Process a = start(jar, writeConfig(telegram, url, "a"));
            Application b = null;
            try {
                await(() -> output("a").contains("instance a is active"), Duration.ofSeconds(60));
                TestClock clock = new TestClock(Instant.now());
                b = startStandby(telegram, url, clock);
                assertThat(b.active()).as("a holds the lease").isFalse();
                enqueueBroadcast(url);
                await(() -> perChat(telegram).size() >= 15, Duration.ofSeconds(60));
                b.leaseTickNow();

                a.destroyForcibly(); // SIGKILL: no shutdown hook, the lease is not released
                a.waitFor(10, TimeUnit.SECONDS);
                int beforeKill = perChat(telegram).size();
                assertThat(beforeKill).as("killed mid-way").isLessThan(READERS);

                // a beat of a's may have landed after b's last look: then b needs one more timeout from there
                for (int looks = 0; looks < 3 && !b.active(); looks++) {
                    clock.advance(LeaseKeeper.TAKEOVER_AFTER.plusSeconds(1).toNanos());
                    b.leaseTickNow();
                }
                assertThat(b.active()).as("b took over a's lease").isTrue();
                Application standby = b;
                await(() -> perChat(telegram).size() == READERS, Duration.ofSeconds(60));
                Thread.sleep(300);
                Map<Long, Integer> per = perChat(telegram);
                long twice = per.values().stream().filter(n -> n > 1).count();
                System.out.printf("pair kill test: %d readers had it before SIGKILL, %d chat(s) got it twice%n",
                        beforeKill, twice);
                assertThat(per).hasSize(READERS);
                assertThat(twice).as("at most the calls a had in flight").isLessThanOrEqualTo(MOST_IN_FLIGHT);
                assertThat(per.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
                assertThat(standby.lease().activeInstance()).contains("b");
            } finally {
                a.destroyForcibly();
                if (b != null) {
                    b.close();
                }
            }
        }
    }

    private Application startStandby(FakeBotApi telegram, String url, TestClock clock) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("telegram.token", telegram.token());
        p.put("telegram.api-url", telegram.apiUrl());
        p.put("category.news", "Новости");
        p.put("feed.main.url", "http://127.0.0.1:9/rss");
        p.put("http.port", "0");
        p.put("db.url", url);
        p.put("db.user", PostgresServer.USER);
        p.put("instance.name", "b");
        BotConfig config = new ConfigLoader(Map.of()).fromMap(p);
        return Application.start(config, clock, Duration.ofSeconds(1), Application.Schedules.OFF);
    }

    private static void enqueueBroadcast(String url) {
        Instant now = Instant.now();
        try (Database db = Database.openPostgres(url, PostgresServer.USER, "")) {
            List<NewDelivery> rows = new ArrayList<>();
            for (long chat = 1; chat <= READERS; chat++) {
                rows.add(new NewDelivery(chat, "BROADCAST", 1, 1, 0, "Объявление редакции", false, false, now));
            }
            db.useTransaction(h -> new Deliveries().insertAllIfAbsent(h, rows, now));
        }
    }

    private static Map<Long, Integer> perChat(FakeBotApi telegram) {
        Map<Long, Integer> per = new HashMap<>();
        for (FakeMessage m : telegram.sentMessages()) {
            if (m.text().contains("Объявление редакции")) {
                per.merge(m.chatId(), 1, Integer::sum);
            }
        }
        return per;
    }

    private Path writeConfig(FakeBotApi telegram, String url, String instance) throws Exception {
        String text = String.join("\n",
                "telegram.token=" + telegram.token(),
                "telegram.api-url=" + telegram.apiUrl(),
                "db.url=" + url,
                "db.user=" + PostgresServer.USER,
                "instance.name=" + instance,
                "category.news=Новости",
                "feed.main.url=http://127.0.0.1:9/rss",
                "http.port=0",
                "");
        Path file = dir.resolve(instance + ".properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Process start(Path jar, Path config) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-jar", jar.toString(), "--config",
                config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("a.log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("NEWSBOT_"));
        return builder.start();
    }

    private String output(String instance) {
        try {
            return Files.readString(dir.resolve(instance + ".log"), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within " + timeout).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
