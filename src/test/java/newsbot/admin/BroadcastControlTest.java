package newsbot.admin;

import newsbot.testing.ScriptedSender;
import newsbot.testing.RecordingReplier;
import static newsbot.admin.AdminWorld.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import newsbot.delivery.Dispatcher;
import newsbot.store.SubscriberStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pause, resume, cancel, restart and the pace of progress edits, with the real dispatcher on virtual time. */
class BroadcastControlTest {

    private static final int READERS = 40;

    @TempDir
    Path dir;
    private AdminWorld world;
    private RecordingReplier admins;
    private Admin admin;
    private ScriptedSender telegram;
    private Dispatcher dispatcher;
    private long id;
    private int control;

    @BeforeEach
    void setUp() {
        world = new AdminWorld(dir);
        world.readers(1, READERS, SubscriberStatus.ACTIVE, "ru");
        admins = new RecordingReplier();
        admin = world.admin(admins, 7);
        telegram = new ScriptedSender(world.time);
        dispatcher = world.dispatcher(telegram);
        id = admin.broadcasts().create(ADMIN, ADMIN, "en", "all", "Hello", 5).orElseThrow();
        control = admins.to(ADMIN).get(1).messageId();
    }

    private String press(String action) {
        return admin.broadcasts().press(ADMIN, ADMIN, control, "bc:" + id + ":" + action, "en");
    }

    /** Ticks the monitor and lets the dispatcher work for {@code seconds} of virtual time, second by second. */
    private void run(int seconds) {
        for (int s = 0; s < seconds; s++) {
            admin.monitor().tick();
            Instant until = world.time.instant().plusSeconds(1);
            while (world.time.instant().isBefore(until)) {
                world.time.advance(Math.max(1_000_000, newsbot.delivery.DispatcherDriver.step(dispatcher)));
            }
        }
        admin.monitor().tick();
    }

    private long pending() {
        return world.broadcastRows(id).stream().filter(r -> r.getValue().equals("PENDING")).count();
    }

    @Test
    void pauseHoldsTheQueueAndResumeFinishesIt() {
        press("send");
        admin.monitor().tick();
        world.step(dispatcher, 30);
        int sentBeforePause = telegram.delivered().size();
        assertThat(sentBeforePause).isBetween(1, READERS - 10);

        assertThat(press("pause")).contains("paused");
        assertThat(world.state(id)).isEqualTo("PAUSED");
        run(20);
        // the pause wakes the dispatcher, whose next step re-reads its window without the held rows
        assertThat(telegram.delivered()).hasSize(sentBeforePause);
        assertThat(pending()).isPositive();
        assertThat(admins.lastEdit().html()).contains("paused", "Paused: nothing is being sent.");
        assertThat(admins.lastEdit().keyboard().getKeyboard()).flatMap(r -> r).extracting(b -> b.getCallbackData())
                .containsExactly("bc:" + id + ":resume", "bc:" + id + ":cancel");

        assertThat(press("resume")).contains("resumed");
        run(10);
        assertThat(telegram.chats()).doesNotHaveDuplicates().hasSize(READERS);
        assertThat(world.state(id)).isEqualTo("DONE");
        assertThat(admins.lastEdit().html()).contains("Delivered: 40 of 40");
    }

    @Test
    void cancelStopsItAndCancelsThePendingRows() {
        press("send"); // enqueues the first batch; the monitor has not enqueued the rest yet
        world.step(dispatcher, 6);
        int sent = telegram.delivered().size();

        assertThat(press("cancel")).contains("cancelled");
        run(10);
        assertThat(world.state(id)).isEqualTo("CANCELLED");
        assertThat(telegram.delivered()).hasSize(sent);
        List<Map.Entry<Long, String>> rows = world.broadcastRows(id);
        assertThat(rows).extracting(Map.Entry::getValue).containsOnly("SENT", "CANCELLED");
        assertThat(pending()).isZero();
        // later batches are never enqueued once cancelled
        assertThat(rows.size()).isLessThan(READERS);
        String report = admins.lastEdit().html();
        assertThat(report).contains("cancelled", "Delivered: " + telegram.delivered().size() + " of ",
                "Not sent: ");
        assertThat(admins.lastEdit().keyboard()).isNull();
        assertThat(press("resume")).contains("cannot do that");
        assertThat(press("send")).contains("already sent or cancelled");
    }

    @Test
    void cancellingADraftSendsNothing() {
        assertThat(press("cancel")).contains("cancelled");
        run(3);
        assertThat(world.state(id)).isEqualTo("CANCELLED");
        assertThat(telegram.delivered()).isEmpty();
        assertThat(admins.lastEdit().messageId()).isEqualTo(control);
        assertThat(admins.lastEdit().html()).contains("Nothing was sent");
        assertThat(press("send")).contains("already sent or cancelled");
    }

    @Test
    void restartMidBroadcastFinishesItOnce() {
        press("send");
        world.step(dispatcher, 10);
        assertThat(world.broadcastRows(id)).hasSize(7); // only the first batch so far
        int before = telegram.delivered().size();
        assertThat(before).isPositive();

        // a new process: new objects over the same database; the old ones are never used again
        RecordingReplier afterRestart = new RecordingReplier();
        Admin restarted = world.admin(afterRestart, 7);
        Dispatcher newDispatcher = world.dispatcher(telegram);
        for (int s = 0; s < 10; s++) {
            restarted.monitor().tick();
            world.drain(newDispatcher, 1000);
            world.time.advance(Duration.ofSeconds(3));
        }
        restarted.monitor().tick();

        assertThat(telegram.chats()).doesNotHaveDuplicates().hasSize(READERS);
        assertThat(world.state(id)).isEqualTo("DONE");
        assertThat(afterRestart.lastEdit().messageId()).isEqualTo(control);
        assertThat(afterRestart.lastEdit().html()).contains("Delivered: 40 of 40");
        int edits = afterRestart.edits.size();
        restarted.monitor().tick();
        assertThat(afterRestart.edits).hasSize(edits); // the report is shown once
    }

    @Test
    void progressIsEditedAtMostEveryThreeSeconds() {
        press("send");
        List<Instant> editTimes = new ArrayList<>();
        int seen = admins.edits.size();
        if (seen > 0) {
            editTimes.add(world.time.instant()); // Send turned the preview into the progress message
        }
        for (int i = 0; i < 40; i++) {
            admin.monitor().tick();
            if (admins.edits.size() > seen) {
                seen = admins.edits.size();
                editTimes.add(world.time.instant());
            }
            world.step(dispatcher, 3);
            world.time.advance(Duration.ofMillis(500));
        }
        assertThat(editTimes).hasSizeGreaterThan(2);
        for (int i = 1; i < editTimes.size(); i++) {
            assertThat(Duration.between(editTimes.get(i - 1), editTimes.get(i))).isGreaterThanOrEqualTo(
                    Duration.ofSeconds(3));
        }
        assertThat(admins.edits).extracting(RecordingReplier.Edit::html).anySatisfy(html -> assertThat(html)
                .contains("sending", "%", "Delivered: ", "of 40", "Time left: about"));
    }
}
