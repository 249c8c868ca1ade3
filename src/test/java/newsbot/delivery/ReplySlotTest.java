package newsbot.delivery;

import newsbot.testing.TestConfig;

import newsbot.testing.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import newsbot.config.BotConfig;
import org.junit.jupiter.api.Test;

/** Command replies take their slot from the dispatcher's limiter through {@link RateLimiter#awaitSlot}. */
class ReplySlotTest {

    private final TestClock time = new TestClock(Fixture.START);
    private final RateLimiter limiter = new RateLimiter(TestConfig.limits(30, 1, 20, 3, 1), time);

    @Test
    void replyTakesTheNextGlobalSlotBehindTheDispatcher() throws Exception {
        assertThat(limiter.tryAcquire(1)).isTrue(); // a push just went out
        time.advance(3_000_000);
        double asked = time.seconds();
        limiter.awaitSlot(77);
        assertThat(time.seconds() - asked).isBetween(0.0, 1 / 30.0);
        // the push after it has to wait for the slot after the reply
        assertThat(limiter.tryAcquire(2)).isFalse();
    }

    @Test
    void repliesToOneChatKeepItsSpacing() throws Exception {
        limiter.awaitSlot(77);
        double first = time.seconds();
        limiter.awaitSlot(77);
        assertThat(time.seconds() - first).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void aPauseFromA429OnAReplyHoldsEveryone() throws Exception {
        limiter.pause(Duration.ofSeconds(3));
        double asked = time.seconds();
        limiter.awaitSlot(77);
        assertThat(time.seconds() - asked).isGreaterThanOrEqualTo(3.0);
    }
}
