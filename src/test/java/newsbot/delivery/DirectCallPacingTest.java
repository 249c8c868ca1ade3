package newsbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import newsbot.telegram.SendOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A keyboard edit right after a reply to the same chat waits for the chat's slot, then goes: it is never stuck. */
class DirectCallPacingTest {

    @TempDir
    Path dir;

    @Test
    void anEditBehindAReplyToTheSameChatGoesOnceTheChatIsFree() {
        Fixture f = new Fixture(dir.resolve("p.db"));
        ScriptedSender sender = new ScriptedSender(f.time);
        Dispatcher d = f.dispatcher(sender);
        f.db.useTransaction(h -> f.outbox.enqueueReply(h, 42, 1, "reply", Manner.PLAIN));
        f.run(d, () -> sender.sent().size() == 1, 1000);
        DirectCall edit = DirectCall.of(42, DirectCall.Urgency.INTERACTIVE, "edit", () -> SendOutcome.Delivered.message(9));
        d.submit(edit);
        f.db.useTransaction(h -> f.outbox.enqueueReply(h, 42, 2, "second reply", Manner.PLAIN));
        f.run(d, () -> edit.result().isDone() && f.pending() == 0, 10_000);
        assertThat(edit.result()).isCompletedWithValue(SendOutcome.Delivered.message(9));
        assertThat(f.time.seconds()).isLessThan(5);
    }
}
