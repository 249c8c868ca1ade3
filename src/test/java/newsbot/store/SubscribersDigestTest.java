package newsbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscribersDigestTest {

    private static final Instant T0 = Instant.parse("2026-03-07T00:00:00Z");

    @TempDir
    Path dir;

    private final Subscribers subscribers = new Subscribers();

    @Test
    void advanceAppliesOnlyToReadersUnchangedSinceTheyWereRead() {
        Database db = newsbot.testing.TestDatabases.open(dir.resolve("s.db"));
        db.useTransaction(h -> {
            for (long chat = 1; chat <= 4; chat++) {
                subscribers.insertIfAbsent(h, chat, chat, "private", "ru", ZoneId.of("UTC"),
                        List.of(LocalTime.of(8, 0)), 10, T0);
            }
        });
        List<Subscriber> read = db.withHandle(h -> subscribers.pageWithStatus(h, SubscriberStatus.ACTIVE, 0, 10));
        assertThat(read).extracting(Subscriber::chatId).containsExactly(1L, 2L, 3L, 4L);

        Instant later = T0.plusSeconds(60);
        db.useTransaction(h -> {
            subscribers.advanceDigest(h, 2, 15, later);                        // a /digest in between
            subscribers.setStatus(h, 3, SubscriberStatus.PAUSED, later);       // a /pause in between
        });
        Instant tick = T0.plusSeconds(120);
        boolean[] applied = db.inTransaction(h -> subscribers.advanceDigestsIfUnchanged(h, List.of(
                new Subscribers.DigestAdvance(read.get(0), 20), new Subscribers.DigestAdvance(read.get(1), 20),
                new Subscribers.DigestAdvance(read.get(2), 20), new Subscribers.DigestAdvance(read.get(3), 10)), tick));

        assertThat(applied).containsExactly(true, false, false, true);
        Subscriber first = db.withHandle(h -> subscribers.find(h, 1)).orElseThrow();
        assertThat(first.digestCursor()).isEqualTo(20);
        assertThat(first.lastDigestAt()).isEqualTo(tick);
        assertThat(db.withHandle(h -> subscribers.find(h, 2)).orElseThrow().digestCursor()).isEqualTo(15);
        assertThat(db.withHandle(h -> subscribers.find(h, 4)).orElseThrow().lastDigestAt()).isEqualTo(tick);
        List<Subscriber> page = db.withHandle(h -> subscribers.pageWithStatus(h, SubscriberStatus.ACTIVE, 1, 1));
        assertThat(page).extracting(Subscriber::chatId).containsExactly(2L);
    }
}
