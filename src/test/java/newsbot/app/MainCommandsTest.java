package newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import newsbot.feed.FeedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's commands {@code check} and {@code preview}, through the real command line entry. */
class MainCommandsTest {

    @TempDir
    Path dir;
    FeedServer feeds;
    TestBot setup;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void feeds() throws Exception {
        feeds = FeedServer.start();
        setup = TestBot.create(dir).withFixtureFeeds(feeds);
    }

    @AfterEach
    void close() {
        setup.close();
        feeds.close();
    }

    int run(String... args) {
        return new Main(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void previewPrintsTheDigestAsTelegramWouldShowIt() {
        Path config = setup.writeConfig("bot.properties");
        int code = run("preview", "--config", config.toString(), "--categories", "economy", "--lang", "en");
        assertThat(code).isZero();
        assertThat(out()).contains("Your digest").contains("Economy").contains("Курс доллара")
                .doesNotContain("<b>").doesNotContain("<a href").doesNotContain("&quot;")
                .doesNotContain("Спорт");
    }

    @Test
    void previewRefusesAnUnknownCategory() {
        Path config = setup.writeConfig("bot.properties");
        assertThat(run("preview", "--config", config.toString(), "--categories", "weather")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("config error: --categories: unknown category");
    }

    @Test
    void checkExitsZeroOnlyWhenEveryFeedParses() {
        Path good = setup.writeConfig("good.properties");
        assertThat(run("check", "--config", good.toString())).isZero();
        assertThat(out()).contains("economy").contains("sport");

        feeds.serveFixture("/sport", "page.html");
        Path bad = setup.writeConfig("bad.properties");
        assertThat(run("check", "--config", bad.toString())).isEqualTo(1);
    }

    @Test
    void wrongCommandLineGetsUsage() {
        assertThat(run("--config")).isEqualTo(2);
        assertThat(run("frobnicate", "--config", "x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: java -jar newsbot.jar");
    }

    @Test
    void checkAndPreviewNeedNoTokenAndNeverCallTelegram() {
        setup.properties.remove("telegram.token");
        Path config = setup.writeConfig("no-token.properties");
        assertThat(run("check", "--config", config.toString())).isZero();
        assertThat(run("preview", "--config", config.toString(), "--categories", "economy", "--lang", "en")).isZero();
        assertThat(out()).contains("economy").contains("Your digest");
        assertThat(setup.telegram.requests()).isEmpty();
    }
}
