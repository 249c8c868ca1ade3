package newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import newsbot.store.BotState;
import newsbot.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backup --config FILE --to FILE} copies the live database while another connection keeps writing. */
class BackupCommandTest {

    @TempDir
    Path dir;
    TestBot setup;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void create() {
        setup = TestBot.create(dir);
    }

    @AfterEach
    void close() {
        setup.close();
    }

    int run(String... args) {
        return new Main(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    void aBackupTakenDuringWritesIsAConsistentDatabase() throws Exception {
        Path config = setup.writeConfig("bot.properties");
        Database live = setup.db();
        BotState state = new BotState();
        AtomicInteger committed = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> writerFailed = new AtomicReference<>();
        // One writer commits rows w0, w1, w2... in order: a consistent copy holds exactly a prefix of them.
        Thread writer = new Thread(() -> {
            try {
                while (!stop.get()) {
                    int n = committed.get();
                    live.useTransaction(h -> {
                        state.put(h, "w" + n, "x".repeat(200));
                        state.put(h, "written", Integer.toString(n + 1));
                    });
                    committed.incrementAndGet();
                }
            } catch (Throwable e) {
                writerFailed.set(e);
            }
        }, "backup-test-writer");
        writer.start();
        while (committed.get() < 300 && writerFailed.get() == null) {
            Thread.onSpinWait();
        }
        int before = committed.get();
        Path copy = dir.resolve("backups/copy.db");
        Files.createDirectories(copy.getParent());
        int code = run("backup", "--config", config.toString(), "--to", copy.toString());
        int after = committed.get();
        stop.set(true);
        writer.join();

        assertThat(writerFailed.get()).as("the writer never waited out a lock for good").isNull();
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("backup of").contains(copy.toString());
        assertThat(after).as("writes went on while the backup ran").isGreaterThan(before);
        Database restored = Database.open(copy);
        List<String> integrity = restored.withHandle(h -> h.createQuery("PRAGMA integrity_check")
                .mapTo(String.class).list());
        assertThat(integrity).containsExactly("ok");
        int written = restored.withHandle(h -> state.get(h, "written")).map(Integer::parseInt).orElseThrow();
        int rows = restored.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM bot_state WHERE key GLOB 'w[0-9]*'")
                .mapTo(Integer.class).one());
        assertThat(written).isBetween(before, committed.get());
        assertThat(rows).as("every committed write up to the copy's moment, none half").isEqualTo(written);
        java.util.Optional<String> last = restored.withHandle(h -> state.get(h, "w" + (written - 1)));
        assertThat(last).isPresent();
        assertThat(Files.exists(Path.of(copy + "-wal"))).as("the copy stands alone").isFalse();
    }

    @Test
    void anExistingTargetIsNeverOverwritten() throws Exception {
        Path config = setup.writeConfig("bot.properties");
        setup.db();
        Path target = dir.resolve("taken.db");
        Files.writeString(target, "keep me");
        assertThat(run("backup", "--config", config.toString(), "--to", target.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("database error: backup target").contains("exists");
        assertThat(Files.readString(target)).isEqualTo("keep me");
    }

    @Test
    void backupNeedsATarget() {
        Path config = setup.writeConfig("bot.properties");
        assertThat(run("backup", "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("backup needs --to FILE");
    }
}
