package newsbot.admin;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import newsbot.app.ReaderDigests;
import newsbot.chat.Bot;
import newsbot.delivery.SenderReplier;
import newsbot.digest.DigestOptions;
import newsbot.digest.Digests;
import newsbot.telegram.FakeMessage;
import newsbot.telegram.MessageSender;
import newsbot.telegram.Outgoing;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;

/**
 * The bot with the editors' tools for corrections: the stepping of {@link EditorRig}, a sender that can run a hook
 * just before a call goes on the wire, and {@link #restart}, which builds the bot again over the same database, as
 * after a crash. One virtual clock for the bot, the sender and the fake (so its 48-hour rule follows the test's
 * time).
 */
final class CorrectionRig extends EditorRig {

    private final int batchSize;
    private volatile Hook hook;

    /** Runs {@code action} once, just before the first row call matching {@code when} goes on the wire. */
    private record Hook(Predicate<Outgoing> when, Runnable action) {
    }

    CorrectionRig(Path dir, int batchSize) {
        super(new AdminWorld(dir));
        this.batchSize = batchSize;
        build();
    }

    /** The bot built again over the same database and fake: nothing of the old one's memory survives. */
    void restart() {
        build();
    }

    private void build() {
        MessageSender sender = new MessageSender() {
            @Override
            public SendOutcome send(OutgoingMessage message) {
                return perform(message);
            }

            @Override
            public SendOutcome perform(Outgoing call) {
                Hook h = hook;
                if (h != null && h.when().test(call)) {
                    hook = null;
                    h.action().run();
                }
                return gateway.perform(call);
            }

            @Override
            public SendOutcome probe() {
                return gateway.probe();
            }
        };
        dispatcher = world.dispatcher(sender);
        SenderReplier replier = new SenderReplier(gateway, dispatcher);
        admin = world.admin(replier, batchSize);
        router = new Bot(world.config, world.db, world.texts, replier, world.outbox, world.time,
                telegram::botUsername, new AdminHandlers(admin, world.config, world.texts, replier, world.time).tools(),
                gateway::chatMemberStatus, new ReaderDigests(new Digests(world.db, world.outbox, world.texts,
                world.config.categories(), DigestOptions.from(world.config)), world.db),
                newsbot.chat.ArticleSource.NONE).router();
    }

    void beforeCall(Predicate<Outgoing> when, Runnable action) {
        hook = new Hook(when, action);
    }

    @Override
    protected int drainSteps() {
        return 20_000;
    }

    /** The sender alone for {@code steps} decisions, the monitor not ticking. */
    void step(int steps) {
        world.step(dispatcher, steps);
    }

    /** The last message the bot sent to {@code chat}, {@code back} messages before the last. */
    FakeMessage lastTo(long chat, int back) {
        List<FakeMessage> all = telegram.messagesTo(chat);
        return all.get(all.size() - 1 - back);
    }

    /** The message as the reader sees it now. */
    FakeMessage now(FakeMessage sent) {
        return telegram.current(sent.chatId(), sent.messageId()).orElseThrow();
    }

    int count(String sql) {
        return world.db.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }
}
