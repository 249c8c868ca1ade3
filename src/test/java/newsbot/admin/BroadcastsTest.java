package newsbot.admin;

import newsbot.testing.ScriptedSender;
import newsbot.telegram.SendOutcome;
import newsbot.testing.RecordingReplier;
import static newsbot.admin.AdminWorld.ADMIN;
import static newsbot.admin.AdminWorld.OTHER_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import newsbot.delivery.Dispatcher;
import newsbot.store.SubscriberStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drafts, audiences, Send, and what reaches whom; pause, cancel and restart are in {@link BroadcastControlTest}. */
class BroadcastsTest {

    @TempDir
    Path dir;
    private AdminWorld world;
    private RecordingReplier admins;
    private Admin admin;
    private ScriptedSender telegram;
    private Dispatcher dispatcher;

    @BeforeEach
    void setUp() {
        world = new AdminWorld(dir);
        world.reader(1, SubscriberStatus.ACTIVE, "ru", "economy");
        world.reader(2, SubscriberStatus.ACTIVE, "en", "sport");
        world.reader(3, SubscriberStatus.ACTIVE, "ru", "economy", "sport");
        world.reader(4, SubscriberStatus.PAUSED, "ru", "economy");
        world.reader(5, SubscriberStatus.STOPPED, "en", "economy");
        world.reader(6, SubscriberStatus.BLOCKED, "en", "economy");
        world.reader(7, SubscriberStatus.ACTIVE, "en");
        admins = new RecordingReplier();
        admin = world.admin(admins, 2);
        telegram = new ScriptedSender(world.time);
        dispatcher = world.dispatcher(telegram);
    }

    private long draft(String audience, String html) {
        OptionalLong id = admin.broadcasts().create(ADMIN, ADMIN, "en", audience, html, html.length());
        assertThat(id).isPresent();
        return id.getAsLong();
    }

    private int controlMessage() {
        return admins.to(ADMIN).get(1).messageId();
    }

    private void runToEnd() {
        for (int i = 0; i < 10; i++) {
            admin.monitor().tick();
            world.drain(dispatcher, 1000);
            world.time.advance(java.time.Duration.ofSeconds(3));
        }
        admin.monitor().tick();
    }

    @Test
    void allGoesToEveryActiveReaderExactlyOnce() {
        long id = draft("", "<b>Hello</b> readers");
        String toast = admin.broadcasts().press(ADMIN, ADMIN, controlMessage(), "bc:" + id + ":send", "en");
        assertThat(toast).isEqualTo("Broadcast #" + id + ": sending started.");
        runToEnd();

        assertThat(telegram.chats()).containsExactlyInAnyOrder(1L, 2L, 3L, 7L);
        assertThat(telegram.delivered()).allSatisfy(m -> assertThat(m.html()).isEqualTo("<b>Hello</b> readers"));
        assertThat(world.state(id)).isEqualTo("DONE");
        RecordingReplier.Edit report = admins.lastEdit();
        assertThat(report.messageId()).isEqualTo(controlMessage());
        assertThat(report.html()).contains("finished", "Delivered: 4 of 4", "Blocked the bot: 0", "Failed: 0",
                "Duration:");
        assertThat(report.keyboard()).isNull();
    }

    @Test
    void categoryAudienceIsItsActiveSubscribers() {
        long id = draft("cat=economy", "Economy news");
        assertThat(admins.to(ADMIN).get(1).message().html()).contains("section “Economy” — 2 readers");
        admin.broadcasts().press(ADMIN, ADMIN, controlMessage(), "bc:" + id + ":send", "en");
        runToEnd();
        assertThat(telegram.chats()).containsExactlyInAnyOrder(1L, 3L);
    }

    @Test
    void languageAudienceIsItsActiveReaders() {
        long id = draft("lang=en", "Hello");
        admin.broadcasts().press(ADMIN, ADMIN, controlMessage(), "bc:" + id + ":send", "en");
        runToEnd();
        assertThat(telegram.chats()).containsExactlyInAnyOrder(2L, 7L);
    }

    @Test
    void previewAndTestSendReachOnlyTheAdmin() {
        long id = draft("", "<i>Soon</i> on air");
        List<RecordingReplier.Sent> toAdmin = admins.to(ADMIN);
        assertThat(toAdmin).hasSize(2);
        assertThat(toAdmin.get(0).message().html()).isEqualTo("<i>Soon</i> on air");
        assertThat(toAdmin.get(0).message().keyboard()).isNull();
        assertThat(toAdmin.get(1).message().html()).contains("Preview of broadcast #" + id, "all readers — 4 readers",
                "At 30 messages per second it takes about 1 s");
        assertThat(toAdmin.get(1).message().keyboard().getKeyboard()).flatMap(row -> row)
                .extracting(b -> b.getCallbackData())
                .containsExactly("bc:" + id + ":send", "bc:" + id + ":test", "bc:" + id + ":schedule",
                        "bc:" + id + ":pin", "bc:" + id + ":cancel");

        String toast = admin.broadcasts().press(ADMIN, ADMIN, controlMessage(), "bc:" + id + ":test", "en");
        assertThat(toast).contains("sent to you only");
        assertThat(admins.to(ADMIN)).hasSize(3);
        assertThat(admins.last().html()).isEqualTo("<i>Soon</i> on air");
        assertThat(admins.sent).allSatisfy(s -> assertThat(s.chatId()).isEqualTo(ADMIN));

        runToEnd();
        assertThat(telegram.delivered()).isEmpty();
        assertThat(world.broadcastRows(id)).isEmpty();
        assertThat(world.state(id)).isEqualTo("DRAFT");
    }

    @Test
    void pressByANonAdminDoesNothing() {
        long id = draft("", "Hello");
        String toast = admin.broadcasts().press(42, 42, 0, "bc:" + id + ":send", "ru");
        assertThat(toast).isNull();
        runToEnd();
        assertThat(world.state(id)).isEqualTo("DRAFT");
        assertThat(world.broadcastRows(id)).isEmpty();
        assertThat(telegram.delivered()).isEmpty();
        assertThat(admins.sent).hasSize(2);
    }

    @Test
    void pressesOfPauseResumeAndCancelByANonAdminChangeNothing() {
        long id = draft("", "Hello");
        admin.broadcasts().press(ADMIN, ADMIN, controlMessage(), "bc:" + id + ":send", "en");
        int adminMessages = admins.sent.size();

        assertThat(admin.broadcasts().press(42, 42, controlMessage(), "bc:" + id + ":pause", "ru")).isNull();
        assertThat(world.state(id)).isEqualTo("RUNNING");
        assertThat(admin.broadcasts().press(42, 42, controlMessage(), "bc:" + id + ":cancel", "ru")).isNull();
        assertThat(world.state(id)).isEqualTo("RUNNING");

        admin.broadcasts().press(ADMIN, ADMIN, controlMessage(), "bc:" + id + ":pause", "en");
        assertThat(world.state(id)).isEqualTo("PAUSED");
        assertThat(admin.broadcasts().press(42, 42, controlMessage(), "bc:" + id + ":resume", "ru")).isNull();
        assertThat(world.state(id)).isEqualTo("PAUSED");
        assertThat(admin.broadcasts().press(42, 42, controlMessage(), "bc:" + id + ":cancel", "ru")).isNull();
        assertThat(world.state(id)).isEqualTo("PAUSED");
        assertThat(admins.sent).hasSize(adminMessages);
    }

    @Test
    void sendToMeOnlyFromAGroupGoesToThePressingEditorsPrivateChat() {
        long group = -100_500L;
        long id = draft("", "<i>Soon</i> on air");
        String toast = admin.broadcasts().press(ADMIN, group, 77, "bc:" + id + ":test", "en");
        assertThat(toast).contains("sent to you only");
        assertThat(admins.to(group)).isEmpty();
        assertThat(admins.last().chatId()).isEqualTo(ADMIN);
        assertThat(admins.last().html()).isEqualTo("<i>Soon</i> on air");
    }

    @Test
    void doublePressAndASecondAdminStartItOnce() throws Exception {
        long id = draft("", "Hello");
        String first = admin.broadcasts().press(ADMIN, ADMIN, controlMessage(), "bc:" + id + ":send", "en");
        String again = admin.broadcasts().press(ADMIN, ADMIN, controlMessage(), "bc:" + id + ":send", "en");
        String other = admin.broadcasts().press(OTHER_ADMIN, OTHER_ADMIN, 77, "bc:" + id + ":send", "en");
        assertThat(first).contains("sending started");
        assertThat(again).contains("already sent");
        assertThat(other).contains("already sent");
        runToEnd();
        assertThat(telegram.chats()).containsExactlyInAnyOrder(1L, 2L, 3L, 7L);
    }

    @Test
    void concurrentPressesStartItOnce() throws Exception {
        long id = draft("", "Hello");
        int presses = 6;
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(presses);
        try {
            List<java.util.concurrent.Future<String>> toasts = new java.util.ArrayList<>();
            for (int i = 0; i < presses; i++) {
                long user = i % 2 == 0 ? ADMIN : OTHER_ADMIN;
                toasts.add(pool.submit(() -> {
                    go.await();
                    return admin.broadcasts().press(user, user, 0, "bc:" + id + ":send", "en");
                }));
            }
            go.countDown();
            int started = 0;
            for (var t : toasts) {
                started += t.get().contains("sending started") ? 1 : 0;
            }
            assertThat(started).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        runToEnd();
        assertThat(telegram.chats()).containsExactlyInAnyOrder(1L, 2L, 3L, 7L);
    }

    @Test
    void aReaderWhoBlockedTheBotMeanwhileCountsAsBlocked() {
        telegram.answer(m -> m.chatId() == 3L ? new SendOutcome.Blocked("Forbidden: bot was blocked by the user") : null);
        long id = draft("", "Hello");
        admin.broadcasts().press(ADMIN, ADMIN, controlMessage(), "bc:" + id + ":send", "en");
        runToEnd();
        assertThat(admins.lastEdit().html()).contains("Delivered: 3 of 4", "Blocked the bot: 1", "Failed: 0");
    }

    @Test
    void textOverTheLimitIsRefusedWithItsLength() {
        OptionalLong id = admin.broadcasts().create(ADMIN, ADMIN, "en", "", "x".repeat(5000), 5000);
        assertThat(id).isEmpty();
        assertThat(admins.last().html()).contains("5000 characters", "at most 4096");
        String formatted = "<b>x</b>".repeat(600);
        assertThat(admin.broadcasts().create(ADMIN, ADMIN, "en", "", formatted, 600)).isEmpty();
        assertThat(admins.last().html()).contains("4800 characters");
        int drafts = world.db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM broadcasts").mapTo(Integer.class)
                .one());
        assertThat(drafts).isZero();
    }

    @Test
    void unknownAudienceIsRefused() {
        assertThat(admin.broadcasts().create(ADMIN, ADMIN, "en", "cat=weather", "Hi", 2)).isEmpty();
        assertThat(admins.last().html()).contains("Unknown audience <code>cat=weather</code>",
                "economy, sport, world");
        assertThat(admin.broadcasts().create(ADMIN, ADMIN, "en", "lang=de", "Hi", 2)).isEmpty();
    }

    @Test
    void listShowsTheLatestTenWithStateAndCounts() {
        long first = draft("", "First one");
        admin.broadcasts().press(ADMIN, ADMIN, controlMessage(), "bc:" + first + ":send", "en");
        runToEnd();
        for (int i = 0; i < 10; i++) {
            draft("lang=ru", "Draft " + i);
        }
        String list = admin.broadcasts().recent("en").html();
        assertThat(list).startsWith("📋 <b>Latest broadcasts</b>");
        assertThat(list).contains("#11</b> · draft · lang=ru", "<i>Draft 9</i>").doesNotContain("First one");
        long second = draft("", "Second");
        assertThat(admin.broadcasts().recent("ru").html()).contains("#" + second + "</b> · черновик");

        Map<Long, String> rows = Map.copyOf(world.broadcastRows(first).stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(rows).containsOnlyKeys(1L, 2L, 3L, 7L).allSatisfy((chat, state) -> assertThat(state).isEqualTo("SENT"));
    }
}
