package newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import newsbot.telegram.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Started while Telegram cannot be reached (DNS or network not up yet), the bot waits for it and never exits. */
class StartWithoutTelegramTest {

    @TempDir
    Path dir;

    @Test
    void keepsRunningSaysWhyInPlainWordsAndStopsCleanly() throws Exception {
        try (TestBot bot = TestBot.create(dir); DeadEnd telegram = new DeadEnd()) {
            bot.set("telegram.api-url", "http://127.0.0.1:" + telegram.port());
            Path config = bot.writeConfig("bot.properties");
            ChildProcess child = ChildProcess.start(dir, Map.of("NEWSBOT_TELEGRAM_TOKEN", FakeBotApi.DEFAULT_TOKEN),
                    "--config", config.toString());
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!child.outputContains("cannot reach the Telegram Bot API") && System.nanoTime() < deadline) {
                Thread.sleep(50); // waiting for the child process, not for a schedule
            }
            // the bot moved past the failure: after its backoff it tries again, where one that exits would not
            int tried = telegram.connections();
            while (telegram.connections() <= tried && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(telegram.connections()).as("a later attempt").isGreaterThan(tried);
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

    /** A Telegram that cannot be reached: it accepts each connection and closes it at once, counting them. */
    private static final class DeadEnd implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final AtomicInteger connections = new AtomicInteger();

        DeadEnd() throws IOException {
            Thread t = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        // closed: the test is over
                    }
                }
            }, "dead-telegram");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        int connections() {
            return connections.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
