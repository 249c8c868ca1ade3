package newsbot.bench;

import static newsbot.testing.Await.until;
import static newsbot.testing.PairInstances.receivedPerChat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsbot.telegram.FakeBotApi;
import newsbot.telegram.FakeMessage;
import newsbot.testing.PairInstances;
import newsbot.testing.PostgresServer;

/**
 * Two real instances of the jar, default config, on one PostgreSQL and one {@code FakeBotApi} a round trip away,
 * both on the wall clock: a broadcast goes out, the active one is killed with SIGKILL ({@code kill}) or frozen with
 * SIGSTOP and woken again later ({@code stop}), and the standby takes over. Measures, in real time, from the fault
 * to the standby's "is active" and to the next message Telegram receives, and counts readers who got the message
 * twice. Run after {@code mvn package}:
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) newsbot.bench.FailoverBenchmark [kill|stop] [readers] [roundTripMs]
 * </pre>
 */
public final class FailoverBenchmark {

    private static final String TEXT = "Объявление редакции";
    private static final Pattern LOG_TIME = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d (\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d) .*", Pattern.MULTILINE);

    private FailoverBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "kill";
        int readers = args.length > 1 ? Integer.parseInt(args[1]) : 600;
        Duration roundTrip = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 100);
        Path dir = Files.createTempDirectory("failover-bench");
        String url = PostgresServer.shared().newEmptyDatabaseUrl();
        try (FakeBotApi telegram = FakeBotApi.start()) {
            telegram.delayResponses(roundTrip);
            Process a = PairInstances.startJar(PairInstances.writeConfig(dir, telegram, url, "a"), dir.resolve("a.log"));
            until(() -> log(dir, "a").contains("instance a is active"), Duration.ofSeconds(60));
            Process b = PairInstances.startJar(PairInstances.writeConfig(dir, telegram, url, "b"), dir.resolve("b.log"));
            until(() -> log(dir, "b").contains("instance b, standby"), Duration.ofSeconds(60));
            PairInstances.enqueueBroadcast(url, readers, chat -> TEXT, Instant.now());
            until(() -> receivedPerChat(telegram, TEXT).size() >= readers / 3, Duration.ofSeconds(120));

            long faultNanos = System.nanoTime();
            LocalTime faultAt = LocalTime.now();
            if (mode.equals("stop")) {
                signal(a, "STOP");
            } else {
                a.destroyForcibly();
            }
            int atFault = receivedPerChat(telegram, TEXT).size();
            until(() -> log(dir, "b").contains("instance b is active"), Duration.ofSeconds(60));
            LocalTime activeAt = lineTime(log(dir, "b"), "instance b is active");
            // a's own calls on the wire land within a round trip or two; anything a second later is b's
            long bFirst = firstSentAfter(telegram, faultNanos + Duration.ofSeconds(1).toNanos());
            if (mode.equals("stop")) {
                Thread.sleep(3_000);
                signal(a, "CONT"); // the old active wakes up believing in its lease for a moment
                until(() -> log(dir, "a").contains("steps down to standby"), Duration.ofSeconds(30));
            }
            until(() -> receivedPerChat(telegram, TEXT).size() == readers, Duration.ofSeconds(300));
            Thread.sleep(1_000);
            Map<Long, Integer> per = receivedPerChat(telegram, TEXT);
            long twice = per.values().stream().filter(n -> n > 1).count();
            System.out.printf("%s at %d of %d readers, round trip %d ms: standby active after %.1f s (its log), "
                            + "next message at Telegram after %.1f s; %d readers got it, %d twice, 429s %d%n",
                    mode.equals("stop") ? "SIGSTOP" : "SIGKILL", atFault, readers, roundTrip.toMillis(),
                    Duration.between(faultAt, activeAt).toMillis() / 1000.0, (bFirst - faultNanos) / 1e9,
                    per.size(), twice, telegram.tooManyRequestsCount());
            if (mode.equals("stop")) {
                System.out.println("a after SIGCONT: " + lastLine(log(dir, "a"), "steps down"));
            }
            b.destroy();
            a.destroyForcibly();
            b.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void signal(Process p, String signal) throws Exception {
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start().waitFor();
    }

    private static long firstSentAfter(FakeBotApi telegram, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (FakeMessage m : telegram.sentMessages()) {
                if (m.sentAtNanos() > nanos) {
                    return m.sentAtNanos();
                }
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("nothing sent within 60 s of the fault");
    }

    private static String log(Path dir, String instance) {
        try {
            return Files.readString(dir.resolve(instance + ".log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static LocalTime lineTime(String log, String containing) {
        for (String line : log.split("\n")) {
            Matcher m = LOG_TIME.matcher(line);
            if (line.contains(containing) && m.matches()) {
                return LocalTime.parse(m.group(1), DateTimeFormatter.ofPattern("HH:mm:ss.SSS"));
            }
        }
        throw new IllegalStateException("no log line with " + containing);
    }

    private static String lastLine(String log, String containing) {
        String found = "";
        for (String line : log.split("\n")) {
            if (line.contains(containing)) {
                found = line;
            }
        }
        return found;
    }
}
