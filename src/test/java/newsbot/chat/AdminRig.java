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
        this(dir, keys, java.util.function.UnaryOperator.identity());
    }

    /** A rig whose configuration is the usual one changed by {@code adjust}: editors and approval, say. */
    AdminRig(Path dir, java.util.function.UnaryOperator<newsbot.config.BotConfig> adjust) {
        this(dir, java.util.Map.of(), adjust);
    }

    AdminRig(Path dir, java.util.Map<String, String> keys,
             java.util.function.UnaryOperator<newsbot.config.BotConfig> adjust) {
        super(new AdminWorld(dir, keys, adjust));
        start();
    }

    /**
     * The bot as a new process would build it over the same database and the same Telegram: nothing in memory
     * survives (dispatcher, editors' tools, router), only what is stored.
     */
    void restart() {
        start();
    }

    private void start() {
        dispatcher = world.dispatcher(gateway, world.limiter);
        Replier replier = new SenderReplier(gateway, dispatcher);
        admin = new Admin(world.config, world.db, world.outbox, world.counters, replier, world.texts::get, world.time);
        router = new Bot(world.config, world.db, world.texts, replier, world.outbox, world.time, telegram::botUsername,
                new AdminHandlers(admin, world.config, world.texts, replier, world.time).tools(),
                gateway::chatMemberStatus, new ReaderDigests(new Digests(world.db, world.outbox, world.texts,
                world.config.categories(), DigestOptions.from(world.config)), world.db),
                newsbot.chat.ArticleSource.NONE).router();
    }

    /** The latest message the bot sent to {@code chat}. */
    newsbot.telegram.FakeMessage last(long chat) {
        java.util.List<newsbot.telegram.FakeMessage> all = telegram.messagesTo(chat);
        return all.get(all.size() - 1);
    }

    /** The text a button press was answered with ({@code null} for none). */
    String answer(String queryId) {
        return telegram.callbackAnswers().stream().filter(a -> a.callbackQueryId().equals(queryId))
                .map(newsbot.telegram.FakeCallbackAnswer::text).findFirst().orElseThrow();
    }

    @Override
    protected int drainSteps() {
        return 5000;
    }
}
