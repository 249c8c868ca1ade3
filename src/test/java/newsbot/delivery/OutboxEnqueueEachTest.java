package newsbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import newsbot.store.Database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxEnqueueEachTest {

    private static final Instant NOW = Instant.parse("2026-03-07T02:00:00Z");

    @TempDir
    Path dir;

    @Test
    void eachMessageGetsItsOwnRowsSplitLikeEnqueueAndAgainIsANoOp() {
        Database db = newsbot.testing.TestDatabases.open(dir.resolve("o.db"));
        Outbox outbox = new Outbox(DeliveryTime.system(Clock.fixed(NOW, ZoneOffset.UTC)));
        String longText = ("<b>Раздел</b>\n" + "строка новости\n".repeat(200)).repeat(2).strip();
        List<Outbox.Message> messages = List.of(new Outbox.Message(1, 10, "<b>один</b>"),
                new Outbox.Message(2, 11, longText));

        int added = db.inTransaction(h -> outbox.enqueueEach(h, DeliveryKind.DIGEST, messages, Manner.PLAIN, NOW));
        int again = db.inTransaction(h -> outbox.enqueueEach(h, DeliveryKind.DIGEST, messages, Manner.PLAIN, NOW));

        List<String> rows = db.withHandle(h -> h.createQuery("SELECT chat_id || ':' || ref_id || ':' || part || ':' "
                + "|| priority || ':' || link_preview FROM deliveries ORDER BY chat_id, part").mapTo(String.class).list());
        assertThat(rows).containsExactly("1:10:0:2:0", "2:11:0:2:0", "2:11:1:2:0");
        assertThat(added).isEqualTo(3);
        assertThat(again).isZero();
        int none = db.inTransaction(h -> outbox.enqueueEach(h, DeliveryKind.DIGEST, List.of(), Manner.PLAIN, NOW));
        assertThat(none).isZero();
    }
}
