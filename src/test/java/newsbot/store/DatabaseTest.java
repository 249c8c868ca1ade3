package newsbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void migratesAndKeepsDataAcrossReopen() {
        Path file = dir.resolve("sub/bot.db");
        Database db = Database.open(file);
        Subscribers subscribers = new Subscribers();
        Subscriptions subscriptions = new Subscriptions();
        Instant now = Instant.parse("2026-11-28T10:00:00Z");
        boolean created = db.inTransaction(h -> subscribers.insertIfAbsent(h, 42, 42L, "private", "ru",
                ZoneId.of("Asia/Bishkek"), List.of(LocalTime.of(8, 0), LocalTime.of(19, 0)), 0, now));
        db.useTransaction(h -> subscriptions.add(h, 42, "economy"));
        assertThat(created).isTrue();

        Database reopened = Database.open(file);
        Subscriber s = reopened.withHandle(h -> subscribers.find(h, 42)).orElseThrow();
        assertThat(s.digestTimes()).containsExactly(LocalTime.of(8, 0), LocalTime.of(19, 0));
        assertThat(s.status()).isEqualTo(SubscriberStatus.ACTIVE);
        List<String> categories = reopened.withHandle(h -> subscriptions.categoriesOf(h, 42));
        assertThat(categories).containsExactly("economy");
        boolean again = reopened.inTransaction(h -> subscribers.insertIfAbsent(h, 42, 42L, "private", "en",
                ZoneId.of("UTC"), List.of(), 0, now));
        assertThat(again).isFalse();
    }

    @Test
    void migratedChatKeepsSubscriptions() {
        Database db = Database.open(dir.resolve("m.db"));
        Subscribers subscribers = new Subscribers();
        Subscriptions subscriptions = new Subscriptions();
        Instant now = Instant.EPOCH;
        db.useTransaction(h -> {
            subscribers.insertIfAbsent(h, -100, null, "group", "ru", ZoneId.of("UTC"), List.of(), 0, now);
            subscriptions.add(h, -100, "sport");
            subscribers.migrateChat(h, -100, -1001234, now);
        });
        List<String> categories = db.withHandle(h -> subscriptions.categoriesOf(h, -1001234));
        assertThat(categories).containsExactly("sport");
    }

    @Test
    void unreadableDatabaseFailsWithOneLine() throws Exception {
        Path file = dir.resolve("garbage.db");
        Files.writeString(file, "this is not a database ".repeat(200));
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot open or migrate database")
                .message().doesNotContain("\n");
    }
}
