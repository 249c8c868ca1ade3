package newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake's token buckets, driven through the real client on a hand-moved clock. */
class FakeRateLimitsTest {

    private final GatewayFixture fixture = new GatewayFixture();
    private final FakeBotApi telegram = fixture.telegram;
    private final TelegramGateway gateway = fixture.gateway;

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void offByDefault() {
        for (int i = 0; i < 40; i++) {
            assertThat(gateway.send(OutgoingMessage.html(7, "m" + i))).isInstanceOf(SendOutcome.Delivered.class);
        }
    }

    @Test
    void aBurstOverTheGlobalLimitGets429WithRetryAfter() {
        telegram.enableRateLimits(FakeRateLimits.telegramDefaults().withGlobalPerSecond(5));

        for (int chat = 1; chat <= 5; chat++) {
            assertThat(gateway.send(OutgoingMessage.html(chat, "x"))).isInstanceOf(SendOutcome.Delivered.class);
        }
        SendOutcome sixth = gateway.send(OutgoingMessage.html(6, "x"));

        assertThat(sixth).isEqualTo(new SendOutcome.RetryAfter(Duration.ofSeconds(1)));
        assertThat(telegram.tooManyRequestsCount()).isEqualTo(1);
        assertThat(telegram.sentMessages()).hasSize(5);
    }

    @Test
    void theGlobalLimitIsCountedOverASlidingSecondNotJustABucket() {
        telegram.enableRateLimits(FakeRateLimits.telegramDefaults().withGlobalPerSecond(5).withSlidingSecond());
        for (int chat = 1; chat <= 5; chat++) { // at 0, 0.2, ... 0.8 s: the bucket refills as fast as it empties
            assertThat(gateway.send(OutgoingMessage.html(chat, "x"))).isInstanceOf(SendOutcome.Delivered.class);
            fixture.advance(Duration.ofMillis(chat < 5 ? 200 : 100));
        }
        // 0.9 s: the bucket has tokens, but the last second has 5 sends
        assertThat(gateway.send(OutgoingMessage.html(6, "x"))).isEqualTo(new SendOutcome.RetryAfter(Duration.ofSeconds(1)));
        fixture.advance(Duration.ofMillis(100)); // 1.0 s: the first send is out of the window
        assertThat(gateway.send(OutgoingMessage.html(7, "x"))).isInstanceOf(SendOutcome.Delivered.class);
        assertThat(telegram.tooManyRequestsCount()).isEqualTo(1);
    }

    @Test
    void editsCountAgainstTheChatsLimitLikeMessages() {
        SendOutcome sent = gateway.send(OutgoingMessage.html(7, "first"));
        int id = (int) ((SendOutcome.Delivered) sent).sent().firstMessageId().orElseThrow();
        telegram.enableRateLimits(FakeRateLimits.telegramDefaults());

        assertThat(gateway.edit(7, id, "second", null)).isInstanceOf(SendOutcome.Delivered.class);
        assertThat(gateway.edit(7, id, "third", null)).isInstanceOf(SendOutcome.RetryAfter.class);
        assertThat(telegram.tooManyRequestsCount()).isEqualTo(1);
    }

    @Test
    void anEvenSenderAtTheGlobalLimitIsNeverRefused() {
        telegram.enableRateLimits(FakeRateLimits.telegramDefaults());
        Duration spacing = Duration.ofNanos(1_000_000_000L / 30);

        for (int i = 0; i < 120; i++) {
            assertThat(gateway.send(OutgoingMessage.html(1000 + i, "x"))).isInstanceOf(SendOutcome.Delivered.class);
            fixture.advance(spacing);
        }
        assertThat(telegram.tooManyRequestsCount()).isZero();
    }

    @Test
    void onePerSecondPerPrivateChatWithALittleSlack() {
        telegram.enableRateLimits(FakeRateLimits.telegramDefaults());

        assertThat(gateway.send(OutgoingMessage.html(1, "a"))).isInstanceOf(SendOutcome.Delivered.class);
        fixture.advance(Duration.ofSeconds(1));
        assertThat(gateway.send(OutgoingMessage.html(1, "b"))).isInstanceOf(SendOutcome.Delivered.class);
        // 10 ms early is within the 25 ms tolerance.
        fixture.advance(Duration.ofMillis(990));
        assertThat(gateway.send(OutgoingMessage.html(1, "c"))).isInstanceOf(SendOutcome.Delivered.class);
        // Another chat is not affected by this one.
        assertThat(gateway.send(OutgoingMessage.html(2, "other"))).isInstanceOf(SendOutcome.Delivered.class);
        fixture.advance(Duration.ofMillis(500));
        assertThat(gateway.send(OutgoingMessage.html(1, "d")))
                .isEqualTo(new SendOutcome.RetryAfter(Duration.ofSeconds(1)));
    }

    @Test
    void twentyPerMinutePerGroupMeansEveryThreeSeconds() {
        telegram.enableRateLimits(FakeRateLimits.telegramDefaults());

        for (int i = 0; i < 25; i++) {
            assertThat(gateway.send(OutgoingMessage.html(-100, "m" + i))).isInstanceOf(SendOutcome.Delivered.class);
            fixture.advance(Duration.ofSeconds(3));
        }
        assertThat(gateway.send(OutgoingMessage.html(-100, "now"))).isInstanceOf(SendOutcome.Delivered.class);
        fixture.advance(Duration.ofMillis(500));
        assertThat(gateway.send(OutgoingMessage.html(-100, "too soon")))
                .isEqualTo(new SendOutcome.RetryAfter(Duration.ofSeconds(3)));
        assertThat(telegram.tooManyRequestsCount()).isEqualTo(1);
    }

    @Test
    void limitsCanBeSwitchedOff() {
        telegram.enableRateLimits(FakeRateLimits.telegramDefaults());
        gateway.send(OutgoingMessage.html(1, "a"));
        assertThat(gateway.send(OutgoingMessage.html(1, "b"))).isInstanceOf(SendOutcome.RetryAfter.class);

        telegram.disableRateLimits();

        assertThat(gateway.send(OutgoingMessage.html(1, "b"))).isInstanceOf(SendOutcome.Delivered.class);
    }
}
