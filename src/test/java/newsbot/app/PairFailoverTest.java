package newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsbot.config.BotConfig;
import newsbot.config.ConfigLoader;
import newsbot.ops.PrometheusText;
import newsbot.pair.LeaseKeeper;
import newsbot.digest.DigestScheduler;
import newsbot.store.Articles;
import newsbot.store.Database;
import newsbot.store.NewArticle;
import newsbot.store.Subscribers;
import newsbot.store.Subscriptions;
import newsbot.telegram.FakeBotApi;
import newsbot.telegram.FakeMessage;
import newsbot.testing.PairInstances;
import newsbot.testing.PostgresServer;
import newsbot.testing.TcpProxy;
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
    private static final long EDITOR = 9001;
    private static final String DIGEST_TITLE = "Бишкек утвердил бюджет на 2027 год";

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
        return start(instance, clock, url);
    }

    /** @param dbUrl this instance's way to the shared database (through a {@link TcpProxy} to cut it) */
    private Application start(String instance, TestClock clock, String dbUrl) {
        Map<String, String> p = PairInstances.properties(telegram, dbUrl, instance);
        p.put("delivery.global-per-second", "200");
        p.put("delivery.per-chat-per-second", "100");
        p.put("telegram.admins", Long.toString(EDITOR));
        BotConfig config = new ConfigLoader(Map.of()).fromMap(p)
                .withHttp(Optional.of(new BotConfig.Http(0, "127.0.0.1"))); // a free port each
        Application app = Application.start(config, clock, Duration.ofSeconds(1), Application.Schedules.OFF);
        apps.add(app);
        return app;
    }

    /** A broadcast's rows, one per reader, as the broadcast job enqueues them. */
    private void enqueueBroadcast(Instant now) {
        PairInstances.enqueueBroadcast(url, READERS, chat -> "Новость для всех №" + chat, now);
    }

    /** Readers whose digest is due at 06:00 UTC, and one article of theirs waiting for it. */
    private void seedDigestReaders() {
        Instant before = START.minus(Duration.ofHours(1));
        try (Database db = Database.openPostgres(url, PostgresServer.USER, "")) {
            db.useTransaction(h -> {
                Subscribers subscribers = new Subscribers();
                Subscriptions subscriptions = new Subscriptions();
                for (long chat = 1; chat <= READERS; chat++) {
                    subscribers.insertIfAbsent(h, chat, chat, "private", "ru", ZoneOffset.UTC,
                            List.of(LocalTime.of(6, 0)), 0, before);
                    subscriptions.add(h, chat, "society");
                }
                Articles articles = new Articles();
                long id = articles.insertIfNew(h, new NewArticle("main", "budget-2027", "https://news.example.kg/1",
                        DIGEST_TITLE, "Парламент принял бюджет.", "society", before.plusSeconds(600),
                        before.plusSeconds(600), false)).orElseThrow();
                articles.addCategory(h, id, "society");
            });
        }
    }

    private Map<Long, Integer> receivedPerChat() {
        return receivedPerChat("Новость для всех");
    }

    /** Per reader (the editor, who reads the news too, left out). */
    private Map<Long, Integer> receivedPerChat(String containing) {
        Map<Long, Integer> per = PairInstances.receivedPerChat(telegram, containing);
        per.keySet().removeIf(chat -> chat > READERS);
        return per;
    }

    private void awaitReceived(int chats) throws InterruptedException {
        awaitReceived("Новость для всех", chats);
    }

    private void awaitReceived(String containing, int chats) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (receivedPerChat(containing).size() < chats && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(receivedPerChat(containing)).hasSizeGreaterThanOrEqualTo(chats);
    }

    /**
     * The calls a hung active had on the wire: once its lease ran out by its clock it starts none, and the answers
     * to these cannot be recorded any more (the fence refuses), so they are what a takeover may send again.
     */
    /**
     * Waits until no row of {@code kind} waits in the outbox. The active instance records a row once Telegram has
     * answered its call, so whatever it was to send, repeats included, has reached the fake by then.
     */
    private void awaitNothingPending(String kind) throws InterruptedException {
        try (Database db = Database.openPostgres(url, PostgresServer.USER, "")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (pending(db, kind) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(pending(db, kind)).as("pending " + kind + " rows").isZero();
        }
    }

    private static int pending(Database db, String kind) {
        return db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM deliveries WHERE kind = :k AND state = 'PENDING'")
                .bind("k", kind).mapTo(Integer.class).one());
    }

    private static int callsLeftOnTheWire(Application hung) throws InterruptedException {
        Thread.sleep(100); // a call that passed the lease check just before the clock moved is on the wire by now
        return hung.senderStatus().inFlight();
    }

    private static long sum(Map<Long, Integer> per) {
        return per.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static long repeated(Map<Long, Integer> per) {
        return per.values().stream().filter(n -> n > 1).count();
    }

    /** The editor's /stats replies so far, oldest first. */
    private List<String> statsReplies() {
        return telegram.messagesTo(EDITOR).stream().map(FakeMessage::text).filter(t -> t.contains("Queue now"))
                .toList();
    }

    private String askStats(int expectedReplies) throws InterruptedException {
        telegram.userSends(EDITOR, EDITOR, "/stats", "en");
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (statsReplies().size() < expectedReplies && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<String> replies = statsReplies();
        assertThat(replies).hasSize(expectedReplies);
        return replies.get(replies.size() - 1);
    }

    private static void advance(Duration d, TestClock... clocks) {
        for (TestClock c : clocks) {
            c.advance(d.toNanos());
        }
    }

    private static HttpResponse<String> get(Application app, String path) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort().orElseThrow() + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTakeoverMidDigestSendsTheRestAndComposesNoDigestTwiceAndStatsNamesTheActiveInstance() throws Exception {
        seedDigestReaders();
        TestClock clockB = new TestClock(START.plusSeconds(30));
        TestClock clockA = new TestClock(START.plusSeconds(30));
        Application b = start("b", clockB);
        Application a = start("a", clockA);
        assertThat(b.awaitPolling(Duration.ofSeconds(10))).isTrue();
        assertThat(askStats(1)).contains("Active instance: <b>b</b> (one of a pair; lease taken 1 times)");

        telegram.delayResponses(Duration.ofMillis(30));
        DigestScheduler.TickResult composed = b.digestTickNow();
        assertThat(composed.sent()).isEqualTo(READERS);
        a.leaseTickNow();
        awaitReceived(DIGEST_TITLE, 10);

        // b hangs mid-digest; a takes over, and its own digest tick in the same minute finds nobody due
        advance(LeaseKeeper.TAKEOVER_AFTER.plusSeconds(1), clockA, clockB);
        int inFlightAtHang = callsLeftOnTheWire(b);
        assertThat(sum(receivedPerChat(DIGEST_TITLE))).as("b still had digests to send").isLessThan(READERS);
        a.leaseTickNow();
        assertThat(a.active()).isTrue();
        assertThat(a.digestTickNow().sent()).as("b's digests are in the outbox already").isZero();
        telegram.delayResponses(Duration.ZERO);
        awaitReceived(DIGEST_TITLE, READERS);
        b.leaseTickNow();
        assertThat(b.active()).isFalse();

        assertThat(a.awaitPolling(Duration.ofSeconds(10))).isTrue();
        assertThat(askStats(2)).as("the first /stats is not handled again by a")
                .contains("Active instance: <b>a</b> (one of a pair; lease taken 2 times)");
        awaitNothingPending("DIGEST"); // a sent every digest row: a repeat of b's, if any, went before
        Map<Long, Integer> per = receivedPerChat(DIGEST_TITLE);
        assertThat(per).hasSize(READERS);
        assertThat(repeated(per)).as("at most the calls b had in flight are repeated").isLessThanOrEqualTo(inFlightAtHang);
        assertThat(statsReplies()).hasSize(2);
    }

    @Test
    void theFirstStartedIsActiveAndTheStandbyFinishesAnEditorsBroadcastOnceWhenTheActiveHangs() throws Exception {
        seedDigestReaders(); // 120 active readers
        TestClock clockB = new TestClock(START);
        TestClock clockA = new TestClock(START);
        Application b = start("b", clockB);
        Application a = start("a", clockA);
        assertThat(b.active()).as("the first started takes the free lease").isTrue();
        assertThat(a.active()).as("the second waits").isFalse();
        assertThat(a.lease().activeInstance()).contains("b");
        assertThatThrownBy(a::pollFeedsNow).as("a standby runs no jobs").isInstanceOf(IllegalStateException.class);
        assertThat(b.awaitPolling(Duration.ofSeconds(10))).isTrue();
        telegram.userSends(EDITOR, EDITOR, "/broadcast all Важное объявление редакции", "en");
        FakeMessage control = telegram.awaitMessage(m -> m.chatId() == EDITOR && m.keyboard() != null
                && m.keyboard().stream().flatMap(List::stream).anyMatch(k -> "bc:1:send".equals(k.callbackData())),
                Duration.ofSeconds(10));
        telegram.awaitCallbackAnswer(telegram.userPresses(EDITOR, EDITOR, control.messageId(), "bc:1:send"),
                Duration.ofSeconds(10));

        telegram.delayResponses(Duration.ofMillis(30));
        b.broadcastTickNow(); // b's broadcast job enqueues the readers' rows and starts the progress message
        a.leaseTickNow();
        awaitReceived("Важное объявление редакции", 10);
        advance(LeaseKeeper.TAKEOVER_AFTER.plusSeconds(1), clockA, clockB);
        int inFlightAtHang = callsLeftOnTheWire(b);
        assertThat(receivedPerChat("Важное объявление редакции")).as("b hung mid-broadcast").hasSizeLessThan(READERS);
        assertThat(b.lease().holds()).as("b's own clock says its lease ran out").isFalse();
        a.leaseTickNow();
        assertThat(a.active()).as("a took over after the timeout").isTrue();
        assertThat(a.lease().activeInstance()).contains("a");
        telegram.delayResponses(Duration.ZERO);

        // a's broadcast job picks the broadcast up where b left it and reports on b's control message
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!telegram.current(EDITOR, control.messageId()).orElseThrow().text().contains("finished")
                && System.nanoTime() < deadline) {
            advance(LeaseKeeper.RENEW_EVERY, clockA);
            a.leaseTickNow(); // the beat the lease thread would make meanwhile
            a.broadcastTickNow();
            Thread.sleep(50);
        }
        assertThat(telegram.current(EDITOR, control.messageId()).orElseThrow().text())
                .contains("Broadcast #1 finished", "Delivered: 121 of 121"); // the editor reads the news too
        // b comes back (split brain): its beat finds the lease taken and it steps down
        b.leaseTickNow();
        assertThat(b.active()).isFalse();
        Map<Long, Integer> per = receivedPerChat("Важное объявление редакции");
        assertThat(per).hasSize(READERS);
        assertThat(repeated(per)).as("at most the calls b had on the wire").isLessThanOrEqualTo(inFlightAtHang);

        // from outside: both healthy, each says its role; only the active one counts as running the bot
        // b's last long poll may still be open: until it ends, Telegram ends a's with 409, as it does for two pollers
        HttpResponse<String> healthA = get(a, "/health");
        for (long healthyBy = System.nanoTime() + Duration.ofSeconds(10).toNanos();
             healthA.statusCode() != 200 && System.nanoTime() < healthyBy; healthA = get(a, "/health")) {
            Thread.sleep(50);
        }
        assertThat(healthA.statusCode()).as(healthA.body()).isEqualTo(200);
        assertThat(healthA.body()).isEqualTo("{\"status\":\"ok\",\"role\":\"active\",\"instance\":\"a\"}\n");
        HttpResponse<String> healthB = get(b, "/health");
        assertThat(healthB.statusCode()).as("a standby is healthy: " + healthB.body()).isEqualTo(200);
        assertThat(healthB.body()).isEqualTo("{\"status\":\"ok\",\"role\":\"standby\",\"instance\":\"b\"}\n");
        PrometheusText metricsA = PrometheusText.parse(get(a, "/metrics").body());
        PrometheusText metricsB = PrometheusText.parse(get(b, "/metrics").body());
        assertThat(metricsA.require("newsbot_instance_active")).isEqualTo(1.0);
        assertThat(metricsB.require("newsbot_instance_active")).isEqualTo(0.0);
        assertThat(metricsA.require("newsbot_sends_total", "kind", "BROADCAST", "outcome", "sent"))
                .as("a counts what it sent since it took over").isPositive();
        }

    @Test
    void anActiveThatLosesTheDatabaseStepsDownTheStandbyFinishesTheBroadcastAndTheOldOneStaysStandby()
            throws Exception {
        int pgPort = PostgresServer.shared().port();
        try (TcpProxy link = TcpProxy.to(pgPort)) {
            TestClock clockA = new TestClock(START);
            TestClock clockB = new TestClock(START);
            Application a = start("a", clockA, url.replace(":" + pgPort + "/", ":" + link.port() + "/"));
            Application b = start("b", clockB);
            assertThat(a.active()).isTrue();
            telegram.delayResponses(Duration.ofMillis(30));
            enqueueBroadcast(clockA.instant());
            b.leaseTickNow();
            awaitReceived(10);

            // a's link to the database goes down: nothing it sends can be claimed or recorded any more
            link.cut();
            int limitAtCut = a.senderStatus().inFlightLimit();
            assertThat((int) sum(receivedPerChat())).isLessThan(READERS);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            // every call a had on the wire comes back; their answers stay in memory, unrecorded
            while (a.senderStatus().inFlight() > a.senderStatus().unrecorded() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            int kept = a.senderStatus().unrecorded();
            assertThat(kept).as("answers a could not record: at most its calls in flight").isBetween(1, limitAtCut);
            advance(LeaseKeeper.TAKEOVER_AFTER.plusSeconds(1), clockA, clockB);
            assertThat(a.lease().holds()).as("no beat went through: a's own clock ends its lease").isFalse();
            Thread stepping = new Thread(a::leaseTickNow, "a-lease");
            stepping.start();
            b.leaseTickNow();
            assertThat(b.active()).as("b took over once a's beats stopped").isTrue();
            telegram.delayResponses(Duration.ZERO);
            awaitReceived(READERS);
            stepping.join(Duration.ofSeconds(30).toMillis());
            assertThat(a.active()).as("a stepped down when its beat failed").isFalse();

            // the link comes back: a sees b beating and stays standby
            link.restore();
            for (int i = 0; i < 3; i++) {
                advance(LeaseKeeper.RENEW_EVERY, clockA, clockB);
                b.leaseTickNow();
                a.leaseTickNow();
            }
            assertThat(a.active()).isFalse();
            assertThat(b.active()).isTrue();
            assertThat(a.lease().activeInstance()).contains("b");
            awaitNothingPending("BROADCAST"); // b sent every row: a repeat of a's, if any, went before
            Map<Long, Integer> per = receivedPerChat();
            assertThat(per).hasSize(READERS);
            assertThat(repeated(per)).as("only what a sent but could not record is sent again").isLessThanOrEqualTo(kept);
        }
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
                    .isInstanceOf(newsbot.store.Fenced.class).hasMessageContaining("lost the lease");
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
