package newsbot.chat;

import java.nio.file.Path;
import newsbot.admin.Admin;
import newsbot.admin.AdminHandlers;
import newsbot.admin.AdminWorld;
import newsbot.admin.EditorRig;
import newsbot.app.ReaderDigests;
import newsbot.delivery.Replier;
import newsbot.delivery.SenderReplier;
import newsbot.digest.DigestOptions;
import newsbot.digest.Digests;

/**
 * The bot with the editors' tools against the fake Bot API, with the sending limits of Telegram (or the test's own):
 * the stepping of {@link EditorRig}, the dispatcher sending straight through the gateway.
 */
final class AdminRig extends EditorRig {

    AdminRig(Path dir) {
        this(dir, java.util.Map.of());
    }

    /** A rig whose configuration has {@code keys} on top: paid broadcasts on, say. */
    AdminRig(Path dir, java.util.Map<String, String> keys) {
        super(new AdminWorld(dir, keys));
        dispatcher = world.dispatcher(gateway, world.limiter);
        Replier replier = new SenderReplier(gateway, dispatcher);
        admin = new Admin(world.config, world.db, world.outbox, world.counters, replier, world.texts::get, world.time);
        router = new Bot(world.config, world.db, world.texts, replier, world.outbox, world.time, telegram::botUsername,
                new AdminHandlers(admin, world.config, world.texts, replier, world.time).tools(),
                gateway::chatMemberStatus, new ReaderDigests(new Digests(world.db, world.outbox, world.texts,
                world.config.categories(), DigestOptions.from(world.config)), world.db),
                newsbot.chat.ArticleSource.NONE).router();
    }

    @Override
    protected int drainSteps() {
        return 5000;
    }
}
