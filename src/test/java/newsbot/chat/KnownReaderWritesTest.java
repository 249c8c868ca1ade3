package newsbot.chat;

import newsbot.testing.World;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A known reader's update writes nothing about the reader unless something about them changes: only its reply
 * and the handled mark, which are committed with it (the crash promise), go to the database.
 */
class KnownReaderWritesTest {

    @TempDir
    Path dir;

    @Test
    void aKnownReadersCommandLeavesTheirRowAlone() {
        World w = new World(dir);
        w.say(5, "/start");
        w.db.useTransaction(h -> {
            h.execute("CREATE TABLE reader_writes (chat_id INTEGER)");
            h.execute("CREATE TRIGGER count_reader_updates AFTER UPDATE ON subscribers "
                    + "BEGIN INSERT INTO reader_writes VALUES (NEW.chat_id); END");
            h.execute("CREATE TRIGGER count_reader_inserts AFTER INSERT ON subscribers "
                    + "BEGIN INSERT INTO reader_writes VALUES (NEW.chat_id); END");
        });
        w.say(5, "/help");
        w.say(5, "/latest");
        w.say(5, "/settings");
        assertThat(w.replier.textsTo(5)).hasSizeGreaterThanOrEqualTo(4);
        assertThat(writes(w)).as("no write to a known reader's row").isZero();
        w.say(5, "/language en");
        assertThat(writes(w)).as("a change is written").isEqualTo(1);
    }

    private static int writes(World w) {
        return w.db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM reader_writes").mapTo(Integer.class).one());
    }
}
