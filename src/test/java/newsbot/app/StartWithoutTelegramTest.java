package newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import newsbot.telegram.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Started while Telegram cannot be reached (DNS or network not up yet), the bot waits for it and never exits. */
class StartWithoutTelegramTest {

    @TempDir
    Path dir;

    @Test
    void keepsRunningSaysWhyInPlainWordsAndStopsCleanly() throws Exception {
        try (TestBot bot = TestBot.create(dir)) {
            bot.set("telegram.api-url", "http://127.0.0.1:9"); // nothing listens there: connection refused
            Path config = bot.writeConfig("bot.properties");
            ChildProcess child = ChildProcess.start(dir, Map.of("NEWSBOT_TELEGRAM_TOKEN", FakeBotApi.DEFAULT_TOKEN),
                    "--config", config.toString());
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!child.outputContains("cannot reach the Telegram Bot API") && System.nanoTime() < deadline) {
                Thread.sleep(50); // waiting for the child process, not for a schedule
            }
            Thread.sleep(1500); // a bot that would exit for this does so at once: give it the chance
            String before = child.output();
            assertThat(before).contains("cannot reach the Telegram Bot API")
                    .contains("the bot starts serving as soon as Telegram answers")
                    .doesNotContain("stopped cleanly")
                    .doesNotContain("Exception:\n").doesNotContain("\tat ");
            child.terminate();
            assertThat(child.waitFor(10)).isEqualTo(143);
            assertThat(child.output()).contains("newsbot stopped cleanly")
                    .doesNotContain(FakeBotApi.DEFAULT_TOKEN.substring(FakeBotApi.DEFAULT_TOKEN.indexOf(':') + 1));
        }
    }
}
