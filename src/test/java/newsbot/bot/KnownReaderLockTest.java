package newsbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A known reader's update reads the database only: it never waits for the write lock someone else holds. */
class KnownReaderLockTest {

    @TempDir
    Path dir;

    @Test
    void aKnownReadersCommandIsAnsweredWhileAnotherConnectionHoldsTheWriteLock() throws Exception {
        World w = new World(dir);
        w.say(5, "/start");
        int before = w.replier.textsTo(5).size();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + w.db.file().toAbsolutePath());
             Statement sql = other.createStatement()) {
            sql.execute("BEGIN IMMEDIATE"); // what a pruning batch or a feed write holds for a while
            CompletableFuture<Void> help = CompletableFuture.runAsync(() -> w.say(5, "/help"));
            // the busy timeout is 5 s: an update that asks for the write lock would still be waiting
            help.get(2, TimeUnit.SECONDS);
            sql.execute("ROLLBACK");
        }
        assertThat(w.replier.textsTo(5)).hasSize(before + 1);
        assertThat(w.replier.textsTo(5).get(before)).contains("/subscribe");
    }
}
