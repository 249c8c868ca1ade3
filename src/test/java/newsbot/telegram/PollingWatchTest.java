package newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Polling problems reach the operator as one plain line per change of state. */
class PollingWatchTest {

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(PollingWatch.class);
    private FakeBotApi telegram;
    private OkHttpClient watched;
    private OkHttpClient other;

    @BeforeEach
    void start() {
        log.start();
        logger.addAppender(log);
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        telegram = FakeBotApi.start();
        other = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(20)).build();
        watched = other.newBuilder().addInterceptor(new PollingWatch(java.time.Clock.systemUTC())).build();
    }

    @AfterEach
    void stop() {
        logger.detachAppender(log);
        logger.setLevel(null);
        telegram.close();
        other.dispatcher().executorService().shutdownNow();
        other.connectionPool().evictAll();
    }

    @Test
    void anotherInstancePollingTheSameTokenIsReportedInPlainWordsOnce() throws Exception {
        for (int round = 0; round < 2; round++) {
            CompletableFuture<Integer> ours = CompletableFuture.supplyAsync(() -> poll(watched, 20));
            telegram.awaitWaitingPoll(Duration.ofSeconds(5));
            poll(other, 0); // the other instance
            assertThat(ours.get(10, TimeUnit.SECONDS)).isEqualTo(409);
        }
        assertThat(log.list).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                .contains("another process is polling updates with this bot token (409 Conflict)"));

        assertThat(poll(watched, 0)).isEqualTo(200);
        assertThat(log.list).hasSize(2);
        assertThat(log.list.get(1).getFormattedMessage()).isEqualTo("polling Telegram works again");
    }

    @Test
    void aRejectedTokenNamesTheKey() {
        OkHttpClient client = watched;
        String url = telegram.apiUrl() + "/bot123:wrong-token/getUpdates";
        assertThat(call(client, url, 0)).isIn(401, 404);
        assertThat(log.list).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                .contains("check telegram.token").doesNotContain("wrong-token"));
    }

    private int poll(OkHttpClient client, int timeout) {
        return call(client, telegram.apiUrl() + "/bot" + telegram.token() + "/getUpdates", timeout);
    }

    private static int call(OkHttpClient client, String url, int timeout) {
        Request request = new Request.Builder().url(url)
                .post(RequestBody.create("{\"timeout\":" + timeout + "}", MediaType.parse("application/json")))
                .build();
        try (Response response = client.newCall(request).execute()) {
            return response.code();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
