package newsbot.chat;

import newsbot.testing.World;
import newsbot.delivery.Manner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import newsbot.delivery.DeliveryKind;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After /stop or /pause nothing more is sent, not even what was already queued; /start brings pushes back. */
class StopCancelsQueueTest {

    @TempDir
    Path dir;

    @Test
    void stopAndPauseCancelWhatIsQueuedForTheReaderOnly() {
        World world = new World(dir);
        world.say(10, "/start");
        world.say(11, "/start");
        queue(world, 10, 1);
        queue(world, 11, 1);
        assertThat(pending(world)).isEqualTo(2);

        world.say(10, "/stop");
        assertThat(pending(world)).isEqualTo(1);

        world.say(11, "/pause");
        assertThat(pending(world)).isZero();

        world.say(10, "/start");
        queue(world, 10, 2);
        assertThat(pending(world)).isEqualTo(1);
    }

    private static void queue(World world, long chat, long ref) {
        world.db.useTransaction(h -> world.outbox.enqueue(h, chat, DeliveryKind.BREAKING, ref, "<b>news</b>", Manner.of(Manner.Sound.RING, Manner.Preview.SHOW), Instant.now()));
    }

    /** Pushes still queued; the replies (the readers' own answers) are not what /stop cancels. */
    private static int pending(World world) {
        return world.db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM deliveries WHERE state = 'PENDING' "
                + "AND kind <> 'REPLY'").mapTo(Integer.class).one());
    }
}
