package newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bot as operators run it: a separate process, its exit codes, its log and SIGTERM. */
class ProcessLifecycleTest {

    @TempDir
    Path dir;

    @Test
    void badConfigStopsStartupWithExitCode2AndOneLineNamingTheKey() throws Exception {
        try (TestBot bot = TestBot.create(dir)) {
            bot.properties.put("digest.timezone", "Asia/Atlantis");
            Path config = bot.writeConfig("bad.properties");
            long started = System.nanoTime();
            ChildProcess child = ChildProcess.start(dir, Map.of(), "--config", config.toString());
            int code = child.waitFor(10);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(code).isEqualTo(2);
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            List<String> lines = child.output().lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).startsWith("config error: digest.timezone: ").contains("Asia/Atlantis");
        }
    }

    @Test
    void missingTokenNamesTheEnvironmentVariable() throws Exception {
        ChildProcess child = ChildProcess.start(dir, Map.of(), "--config",
                Path.of("bot.properties.example").toAbsolutePath().toString());
        assertThat(child.waitFor(10)).isEqualTo(2);
        assertThat(child.output().strip()).startsWith("config error: telegram.token: missing")
                .contains("NEWSBOT_TELEGRAM_TOKEN");
    }

    @Test
    void runsAnswersAndStopsCleanlyOnSigtermWithoutEverPrintingTheToken() throws Exception {
        try (TestBot bot = TestBot.create(dir)) {
            String token = bot.properties.remove("telegram.token");
            Path config = bot.writeConfig("bot.properties");
            ChildProcess child = ChildProcess.start(dir, Map.of("NEWSBOT_TELEGRAM_TOKEN", token),
                    "--config", config.toString());
            bot.telegram.userSends(77, 77, "/start", "ru");
            int welcome = bot.telegram.awaitMessages(77, 1, Duration.ofSeconds(20)).get(0).messageId();
            // callback data is the user's text and is logged: a newline in it must not forge a log line
            bot.telegram.userPresses(77, 77, welcome, "bc:1:send\n2026-01-01 00:00:00.000 INFO  Forged - x");
            awaitOutput(child, "Forged - x");
            // Telegram's answer to the reply quotes the request URL, token included, and the bot logs that answer:
            // the token check below only means something because such a line is printed (asserted below too).
            bot.telegram.failNextEchoingPath("sendMessage", 1);
            bot.telegram.userSends(77, 77, "/help", "ru");
            bot.telegram.awaitRequests("sendMessage", 2, Duration.ofSeconds(10));
            awaitOutput(child, "no route for /bot");

            long stopping = System.nanoTime();
            child.terminate();
            int code = child.waitFor(10);
            Duration took = Duration.ofNanos(System.nanoTime() - stopping);

            // SIGTERM: the shutdown hook runs and the JVM reports 128 + 15, as the README promises
            assertThat(code).isEqualTo(143);
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            String output = child.output();
            List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines.get(lines.size() - 1)).contains("newsbot stopped cleanly");
            assertThat(output).contains("newsbot started as @" + bot.telegram.botUsername());
            assertThat(output).contains("no route for /bot<redacted>/");
            assertThat(output.lines()).noneMatch(l -> l.startsWith("2026-01-01")).anyMatch(l -> l.contains("\\n2026-01-01"));
            assertThat(output).doesNotContain(token).doesNotContain(token.substring(token.indexOf(':') + 1));
        }
    }

    private static void awaitOutput(ChildProcess child, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!child.outputContains(text) && System.nanoTime() < deadline) {
            Thread.sleep(20); // polling another process's log file, not waiting for a schedule
        }
        assertThat(child.output()).contains(text);
    }
}
