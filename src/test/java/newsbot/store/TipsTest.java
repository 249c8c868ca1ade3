package newsbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tips' SQL on SQLite ({@link TipsPgTest}: on PostgreSQL). */
class TipsTest {

    private static final Instant AT = Instant.parse("2026-11-28T06:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private final Tips tips = new Tips();

    @BeforeEach
    void open() {
        db = newsbot.testing.TestDatabases.open(dir.resolve("tips.db"));
    }

    @Test
    void aTipCollectsPartsIsSentOnceAndIsForgotten() {
        Tips.Tip tip = db.inTransaction(h -> tips.openOrNew(h, 7, "ky", AT));
        assertThat(db.inTransaction(h -> tips.openOrNew(h, 7, "ky", AT)).id()).as("the open one").isEqualTo(tip.id());
        boolean first = db.inTransaction(h -> tips.add(h, tip.id(), new Tips.Part(10, "g")));
        boolean second = db.inTransaction(h -> tips.add(h, tip.id(), new Tips.Part(11, "g")));
        assertThat(first).isTrue();
        assertThat(second).as("the album's second part").isFalse();
        db.useTransaction(h -> tips.setContact(h, tip.id(), "Aibek @aibek"));
        boolean sent = db.inTransaction(h -> tips.markSent(h, tip.id(), false, AT));
        boolean again = db.inTransaction(h -> tips.markSent(h, tip.id(), true, AT));
        assertThat(sent).isTrue();
        assertThat(again).isFalse();
        java.util.Optional<String> contact = db.withHandle(h -> tips.contact(h, tip.id()));
        assertThat(contact).as("no consent, no contact").isEmpty();
        int count = db.withHandle(h -> tips.sentSince(h, 7, AT.minus(Duration.ofDays(1))));
        assertThat(count).isEqualTo(1);

        db.useTransaction(h -> tips.block(h, 7, 1000, AT));
        db.useTransaction(h -> tips.block(h, 7, 1000, AT));
        boolean blocked = db.withHandle(h -> tips.blocked(h, 7));
        assertThat(blocked).isTrue();
        int pruned = db.inTransaction(h -> tips.pruneBefore(h, AT.plusSeconds(1)));
        assertThat(pruned).isEqualTo(1);
        int erased = db.inTransaction(h -> tips.eraseChat(h, 7));
        assertThat(erased).isZero();
        boolean stillBlocked = db.withHandle(h -> tips.blocked(h, 7));
        assertThat(stillBlocked).as("erasing a chat forgets its block").isFalse();
    }
}
