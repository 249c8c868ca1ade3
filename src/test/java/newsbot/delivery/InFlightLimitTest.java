package newsbot.delivery;

import newsbot.testing.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import newsbot.telegram.BotApiUrl;
import newsbot.telegram.FakeBotApi;
import newsbot.telegram.SendOutcome;
import newsbot.telegram.TelegramClientFactory;
import org.junit.jupiter.api.Test;

/** How many calls wait for Telegram at once, and which goes first. */
class InFlightLimitTest {

    private static void observe(InFlightLimit limit, Duration roundTrip, int times) {
        for (int i = 0; i < times; i++) {
            limit.observeRoundTrip(roundTrip.toNanos());
        }
    }

    @Test
    void autoFollowsTheMeasuredRoundTrip() {
        InFlightLimit limit = InFlightLimit.auto(30);
        assertThat(limit.current()).as("250 ms assumed before any answer").isEqualTo(12);
        observe(limit, Duration.ofMillis(100), 50);
        assertThat(limit.current()).isEqualTo(5); // 30/s x 0.1 s x 1.5
        observe(limit, Duration.ofMillis(1), 50);
        assertThat(limit.current()).as("never below two").isEqualTo(2);
        observe(limit, Duration.ofSeconds(30), 50);
        assertThat(limit.current()).as("never above what the HTTP client runs at once").isEqualTo(InFlightLimit.MAX);
    }

    @Test
    void aPinnedLimitIgnoresTheRoundTrip() {
        InFlightLimit limit = InFlightLimit.fromConfig(3, 30);
        observe(limit, Duration.ofSeconds(1), 10);
        assertThat(limit.current()).isEqualTo(3);
        assertThat(InFlightLimit.fromConfig(0, 30).current()).isEqualTo(12);
    }

    @Test
    void theHttpClientRunsAtLeastAsManyCallsToTelegramAsTheSenderKeepsInFlight() {
        try (TelegramClientFactory factory = new TelegramClientFactory(FakeBotApi.DEFAULT_TOKEN,
                BotApiUrl.parse("http://127.0.0.1:9"))) {
            // OkHttp's default is 5 per host: it would cap the sender at 5 in flight, whatever the limit says
            assertThat(factory.pollingHttpClient().dispatcher().getMaxRequestsPerHost())
                    .isGreaterThan(InFlightLimit.MAX);
        }
    }

    @Test
    void callbackAnswersGoFirstAndAChatsCallsKeepTheirOrder() {
        TestClock time = new TestClock(Fixture.START);
        RateLimiter limiter = new RateLimiter(new newsbot.config.BotConfig.Delivery(30, 1, 20, 3, 1), time);
        InFlight inFlight = new InFlight(InFlightLimit.pinned(4), time);
        DirectCalls calls = new DirectCalls();
        DirectCall edit1 = call(7, DirectCall.Urgency.INTERACTIVE);
        DirectCall edit2 = call(7, DirectCall.Urgency.INTERACTIVE);
        DirectCall answer = call(0, DirectCall.Urgency.CALLBACK_ANSWER);
        calls.add(edit1);
        calls.add(edit2);
        calls.add(answer);
        assertThat(calls.pick(limiter, inFlight)).isSameAs(answer);
        assertThat(calls.pick(limiter, inFlight)).isSameAs(edit1);
        assertThat(calls.pick(limiter, inFlight)).as("chat 7 must wait for its 1/s").isNull();
        time.advanceMillis(1200);
        assertThat(calls.pick(limiter, inFlight)).isSameAs(edit2);
    }

    private static DirectCall call(long chat, DirectCall.Urgency urgency) {
        return new DirectCall(chat, urgency, "test", () -> SendOutcome.Delivered.message(1), new CompletableFuture<>(), 1);
    }
}
