package newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newsbot.config.BotConfig;
import newsbot.config.ConfigLoader;
import newsbot.pair.LeaseKeeper;
import newsbot.store.Database;
import newsbot.store.Deliveries;
import newsbot.store.NewDelivery;
import newsbot.telegram.FakeBotApi;
import newsbot.telegram.FakeMessage;
import newsbot.testing.PostgresServer;
import newsbot.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two real instances of the application in one JVM, each with its own clock, on one PostgreSQL and one fake Bot
 * API: one active at a time, takeover after the lease timeout, nothing sent twice beyond the calls in flight.
 */
@Tag("postgresql")
class PairFailoverTest {

    private static final Instant START = Instant.parse("2026-11-28T06:00:00Z");
    private static final int READERS = 120;

    private FakeBotApi telegram;
    private String url;
    private final List<Application> apps = new ArrayList<>();

    @BeforeEach
    void setUp() {
        telegram = FakeBotApi.start();
        url = PostgresServer.shared().newEmptyDatabaseUrl();
    }

    @AfterEach
    void tearDown() {
        apps.forEach(Application::close);
        telegram.close();
    }

    private Application start(String instance, TestClock clock) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("telegram.token", telegram.token());
        p.put("telegram.api-url", telegram.apiUrl());
        p.put("category.society", "Общество");
        p.put("feed.main.url", "http://127.0.0.1:9/rss");
        p.put("delivery.global-per-second", "200");
        p.put("delivery.per-chat-per-second", "100");
        p.put("http.port", "0");
        p.put("db.url", url);
        p.put("db.user", PostgresServer.USER);
        p.put("instance.name", instance);
        BotConfig config = new ConfigLoader(Map.of()).fromMap(p);
        Application app = Application.start(config, clock, Duration.ofSeconds(1), Application.Schedules.OFF);
        apps.add(app);
        return app;
    }

    /** A broadcast's rows, one per reader, as the broadcast job enqueues them. */
    private void enqueueBroadcast(Instant now) {
        try (Database db = Database.openPostgres(url, PostgresServer.USER, "")) {
            List<NewDelivery> rows = new ArrayList<>();
            for (long chat = 1; chat <= READERS; chat++) {
                rows.add(new NewDelivery(chat, "BROADCAST", 3, 7, 0, "Новость для всех №" + chat, false, false, now));
            }
            db.useTransaction(h -> new Deliveries().insertAllIfAbsent(h, rows, now));
        }
    }

    private Map<Long, Integer> receivedPerChat() {
        Map<Long, Integer> per = new HashMap<>();
        for (FakeMessage m : telegram.sentMessages()) {
            if (m.text().startsWith("Новость для всех")) {
                per.merge(m.chatId(), 1, Integer::sum);
            }
        }
        return per;
    }

    private void awaitReceived(int chats) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (receivedPerChat().size() < chats && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(receivedPerChat()).hasSizeGreaterThanOrEqualTo(chats);
    }

    private static void advance(Duration d, TestClock... clocks) {
        for (TestClock c : clocks) {
            c.advance(d.toNanos());
        }
    }

    @Test
    void theStandbyStartedFirstIsActiveTheOtherWaitsAndTakesOverAHungActiveMidBroadcast() throws Exception {
        TestClock clockB = new TestClock(START);
        TestClock clockA = new TestClock(START);
        Application b = start("b", clockB);
        Application a = start("a", clockA);
        assertThat(b.active()).as("the first started takes the free lease").isTrue();
        assertThat(a.active()).as("the second waits").isFalse();
        assertThat(a.lease().activeInstance()).contains("b");
        assertThatThrownBy(a::pollFeedsNow).isInstanceOf(IllegalStateException.class);

        // a slow Telegram, so that the broadcast is still going when b hangs
        telegram.delayResponses(Duration.ofMillis(30));
        enqueueBroadcast(clockB.instant());
        a.leaseTickNow(); // a sees b's lease
        awaitReceived(10);

        // b hangs: its lease stops beating; time runs on for both
        advance(LeaseKeeper.TAKEOVER_AFTER.plusSeconds(1), clockA, clockB);
        int sentBeforeTakeover = receivedPerChat().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(sentBeforeTakeover).as("b still had work left").isLessThan(READERS);
        a.leaseTickNow();
        assertThat(a.active()).as("a took over after the timeout").isTrue();
        assertThat(a.lease().activeInstance()).contains("a");
        assertThat(b.lease().holds()).as("b's own clock says its lease ran out").isFalse();

        telegram.delayResponses(Duration.ZERO);
        awaitReceived(READERS);
        // b comes back (split brain): its beat finds the lease taken and it steps down
        b.leaseTickNow();
        assertThat(b.active()).isFalse();
        Thread.sleep(300);
        Map<Long, Integer> per = receivedPerChat();
        assertThat(per).hasSize(READERS);
        long duplicates = per.values().stream().filter(n -> n > 1).count();
        assertThat(duplicates).as("at most the calls b had in flight are repeated").isLessThanOrEqualTo(8);
    }

    @Test
    void aDeposedActiveWhoseClockStoodStillIsRefusedByTheDatabase() {
        TestClock clockA = new TestClock(START);
        TestClock clockB = new TestClock(START);
        Application a = start("a", clockA);
        Application b = start("b", clockB);
        b.leaseTickNow();
        // a is frozen (its clock stands still, so it still believes in its lease); b waits out the timeout
        advance(LeaseKeeper.TAKEOVER_AFTER.plusSeconds(1), clockB);
        b.leaseTickNow();
        assertThat(b.active()).isTrue();
        assertThat(a.lease().holds()).as("a does not know yet").isTrue();
        // what every transaction of a runs first: the epoch in the database is b's now
        try (Database raw = Database.openPostgres(url, PostgresServer.USER, "")) {
            assertThatThrownBy(() -> raw.useTransaction(h -> a.lease().fence(h)))
                    .isInstanceOf(newsbot.pair.LeaseLost.class).hasMessageContaining("lost the lease");
            assertThat((boolean) raw.withHandle(h -> a.lease().confirms(h))).as("nor may its sender read the queue").isFalse();
        }
        // a wakes up: its next beat finds the lease taken, and it steps down
        advance(LeaseKeeper.RENEW_EVERY, clockA);
        a.leaseTickNow();
        assertThat(a.active()).isFalse();
        assertThat(b.lease().activeInstance()).contains("b");
    }

    @Test
    void aCleanStopHandsTheLeaseOverAtOnce() {
        TestClock clockA = new TestClock(START);
        TestClock clockB = new TestClock(START);
        Application a = start("a", clockA);
        Application b = start("b", clockB);
        a.close();
        b.leaseTickNow();
        assertThat(b.active()).as("a released the lease: no timeout to wait").isTrue();
    }
}
