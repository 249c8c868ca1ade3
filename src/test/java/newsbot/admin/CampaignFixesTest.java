package newsbot.admin;

import newsbot.testing.RecordingReplier;
import static newsbot.admin.AdminWorld.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import newsbot.store.BroadcastRow;
import newsbot.store.BroadcastsRepo;
import newsbot.store.SubscriberStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 22's findings in the campaign engine: 5 (scheduled start), 8 (progress in private), 11 (reply to preview). */
class CampaignFixesTest {

    private static final long GROUP = -100_500;

    @TempDir
    Path dir;
    private AdminWorld world;
    private RecordingReplier admins;
    private Admin admin;
    private final BroadcastsRepo repo = new BroadcastsRepo();

    @BeforeEach
    void setUp() {
        world = new AdminWorld(dir);
        world.reader(1, SubscriberStatus.ACTIVE, "en", "economy");
        admins = new RecordingReplier();
        admin = world.admin(admins, 2);
    }

    private long scheduledInAnHour() {
        return admin.broadcasts().create(new Broadcasts.Request(ADMIN, ADMIN, "en", "all", null,
                world.time.instant().plus(Duration.ofHours(1)).atZone(ZoneOffset.UTC)), "<b>News</b>", 4).getAsLong();
    }

    /** Finding 5: the monitor read the draft as due; the editor moved it before the start: it must not fire. */
    @Test
    void aScheduledStartChecksTheTimeItRead() {
        long id = scheduledInAnHour();
        world.time.advance(Duration.ofHours(2));
        Instant now = world.time.instant();
        BroadcastRow read = world.db.withHandle(h -> repo.dueScheduled(h, now)).get(0);
        assertThat(read.id()).isEqualTo(id);

        world.db.useTransaction(h -> repo.schedule(h, id, new BroadcastRow.Schedule(now.plus(Duration.ofDays(1)),
                "UTC"), now));
        assertThat(startAsRead(id, read, now))
                .as("moved after the read").isFalse();

        world.db.useTransaction(h -> repo.unschedule(h, id, now));
        assertThat(startAsRead(id, read, now))
                .as("unscheduled after the read").isFalse();
        assertThat(world.state(id)).isEqualTo("DRAFT");
    }

    private boolean startAsRead(long id, BroadcastRow read, Instant now) {
        Boolean started = world.db.inTransaction(h -> repo.startScheduled(h, id, read.schedule().at(), 1, now));
        return started;
    }

    /** Finding 5, the ordinary case: still scheduled for the time read, it starts once. */
    @Test
    void aScheduledDraftStillDueStartsOnce() {
        long id = scheduledInAnHour();
        world.time.advance(Duration.ofHours(2));
        admin.monitor().tick();
        admin.monitor().tick();
        assertThat(world.state(id)).isIn("RUNNING", "DONE");
    }

    /** Finding 8: Send pressed on a forwarded control message inside a group: progress goes to the editor privately. */
    @Test
    void progressOfAPressInAGroupGoesToTheEditorsPrivateChat() {
        long id = admin.broadcasts().create(ADMIN, ADMIN, "en", "all", "<b>News</b>", 4).getAsLong();
        admin.broadcasts().press(ADMIN, GROUP, 77, "bc:" + id + ":send", "en");
        assertThat(admins.to(GROUP)).as("nothing posted in the group").isEmpty();
        assertThat(admins.edits).noneMatch(e -> e.chatId() == GROUP);
        assertThat(admins.to(ADMIN)).hasSize(3); // preview, control message, then the progress message
        assertThat(world.state(id)).isEqualTo("RUNNING");
    }

    /**
     * Finding 11: a reply to the preview (the message as readers see it) names the broadcast, as a reply to its
     * control message does.
     */
    @Test
    void aReplyToThePreviewOrTheControlMessageFindsTheBroadcast() {
        long id = admin.broadcasts().create(ADMIN, ADMIN, "en", "all", "<b>News</b>", 4).getAsLong();
        int preview = admins.to(ADMIN).get(0).messageId();
        int control = admins.to(ADMIN).get(1).messageId();
        Target.Finder finder = new Target.Finder(world.db, repo, admin.breaking());
        assertThat(finder.replied(ADMIN, preview)).map(t -> t.ref().ref()).contains(id);
        assertThat(finder.replied(ADMIN, control)).map(t -> t.ref().ref()).contains(id);
    }
}
