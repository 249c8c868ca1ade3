package newsbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import newsbot.config.BotConfig;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;
import org.junit.jupiter.api.Test;

class LimitedSenderTest {

    private final VirtualTime time = new VirtualTime();
    private final RateLimiter limiter = new RateLimiter(new BotConfig.Delivery(30, 1, 20, 3), time);
    private final DeliveryCounters counters = new DeliveryCounters();
    private final ScriptedSender gateway = new ScriptedSender(time);
    private final LimitedSender replies = new LimitedSender(gateway, limiter, counters, time);

    @Test
    void replyTakesTheNextGlobalSlotBehindTheDispatcher() {
        assertThat(limiter.tryAcquire(1)).isTrue(); // a push just went out
        time.advance(3_000_000);
        double asked = time.seconds();
        SendOutcome outcome = replies.send(OutgoingMessage.html(77, "pong"));
        assertThat(outcome).isInstanceOf(SendOutcome.Delivered.class);
        assertThat(gateway.sent().get(0).at() - asked).isBetween(0.0, 1 / 30.0);
        // the push after it has to wait for the slot after the reply
        assertThat(limiter.tryAcquire(2)).isFalse();
    }

    @Test
    void repliesToOneChatKeepItsSpacing() {
        replies.send(OutgoingMessage.html(77, "one"));
        replies.send(OutgoingMessage.html(77, "two"));
        assertThat(gateway.sent().get(1).at() - gateway.sent().get(0).at()).isGreaterThanOrEqualTo(1.0 - 1e-9);
    }

    @Test
    void retryAfterOnAReplyPausesTheSharedLimiter() {
        gateway.answer(m -> new SendOutcome.RetryAfter(Duration.ofSeconds(3)));
        SendOutcome outcome = replies.send(OutgoingMessage.html(77, "pong"));
        assertThat(outcome).isInstanceOf(SendOutcome.RetryAfter.class);
        assertThat(limiter.nanosUntilGlobalFree()).isGreaterThanOrEqualTo(Duration.ofSeconds(3).toNanos() - 1);
        assertThat(counters.snapshot().rateLimited()).isEqualTo(1);
    }
}
