package newsbot.admin.corrections;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import newsbot.admin.Admin;
import newsbot.admin.AdminHandlers;
import newsbot.admin.AdminWorld;
import newsbot.app.ReaderDigests;
import newsbot.chat.Bot;
import newsbot.chat.UpdateRouter;
import newsbot.delivery.Dispatcher;
import newsbot.delivery.DispatcherDriver;
import newsbot.delivery.SenderReplier;
import newsbot.digest.DigestOptions;
import newsbot.digest.Digests;
import newsbot.telegram.BotApiUrl;
import newsbot.telegram.FakeBotApi;
import newsbot.telegram.FakeMessage;
import newsbot.telegram.FakeRateLimits;
import newsbot.telegram.FakeUserMessage;
import newsbot.telegram.MessageSender;
import newsbot.telegram.Outgoing;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;
import newsbot.telegram.TelegramClientFactory;
import newsbot.telegram.TelegramGateway;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The bot with the editors' tools against {@link FakeBotApi} for corrections: the real client, gateway,
 * dispatcher and SQLite, one virtual clock for the bot, the sender and the fake (so its 48-hour rule follows the
 * test's time). Updates are fetched by the test and routed on another thread while this one steps the sender;
 * {@link #restart} builds the bot again over the same database, as after a crash.
 */
final class CorrectionRig implements AutoCloseable {

    private static final long STEP_LIMIT_NANOS = 1_000_000L;
    private static final Executor ROUTING = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "correction-rig-routing");
        t.setDaemon(true);
        return t;
    });

    final AdminWorld world;
    final FakeBotApi telegram;
    private final TelegramClientFactory factory;
    private final TelegramGateway gateway;
    private final int batchSize;
    private volatile Hook hook;
    Admin admin;
    Dispatcher dispatcher;
    private UpdateRouter router;
    private int offset;

    /** Runs {@code action} once, just before the first row call matching {@code when} goes on the wire. */
    private record Hook(Predicate<Outgoing> when, Runnable action) {
    }

    CorrectionRig(Path dir, int batchSize) {
        this.batchSize = batchSize;
        world = new AdminWorld(dir);
        telegram = FakeBotApi.start(FakeBotApi.DEFAULT_TOKEN, world.time::nanoTime);
        telegram.enableRateLimits(FakeRateLimits.telegramDefaults());
        factory = new TelegramClientFactory(telegram.token(), BotApiUrl.parse(telegram.apiUrl()),
                new TelegramClientFactory.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2)));
        gateway = new TelegramGateway(factory.telegramClient());
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
                world.config.categories(), DigestOptions.from(world.config)), world.db))
                .router();
    }

    void beforeCall(Predicate<Outgoing> when, Runnable action) {
        hook = new Hook(when, action);
    }

    private static final long NAP_NANOS = 100_000;

    /** Runs {@code work}, which may wait for Telegram, on another thread while this one steps the sender. */
    void whileStepping(Runnable work) {
        CompletableFuture<Void> done = CompletableFuture.runAsync(work, ROUTING);
        while (!done.isDone()) {
            long wait = DispatcherDriver.step(dispatcher);
            // time moves only for a call waiting for its rate slot, or it would race ahead while work runs
            if (DispatcherDriver.callsPending(dispatcher)) {
                world.time.advance(Math.min(wait, STEP_LIMIT_NANOS));
            } else if (wait > 0) {
                // nothing to send until the work asks: a short nap, not a spin that keeps a core and the
                // database busy while the other test JVM needs them
                LockSupport.parkNanos(NAP_NANOS);
            }
        }
        done.join();
    }

    /** Handles every update the fake holds, in order, then lets the replies out. */
    void pump() {
        try {
            List<Update> updates = factory.telegramClient().execute(
                    GetUpdates.builder().offset(offset).timeout(0).build());
            for (Update u : updates) {
                whileStepping(() -> router.route(u));
                offset = u.getUpdateId() + 1;
            }
        } catch (TelegramApiException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < 1000 && (pendingReplies() > 0 || DispatcherDriver.callsPending(dispatcher)); i++) {
            world.time.advance(DispatcherDriver.step(dispatcher));
        }
    }

    private int pendingReplies() {
        return world.db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM deliveries WHERE state = 'PENDING' "
                + "AND kind = 'REPLY'").mapTo(Integer.class).one());
    }

    /** A user writes in their private chat (chat id = user id); returns the message id. */
    int says(long user, String text) {
        return says(FakeUserMessage.of(user, user, text));
    }

    int says(FakeUserMessage message) {
        int id = telegram.userSends(message);
        pump();
        return id;
    }

    String presses(long user, long chat, int messageId, String data) {
        String query = telegram.userPresses(chat, user, messageId, data);
        pump();
        return query;
    }

    /** Both monitors and the sender working for {@code rounds} × 3 s of virtual time. */
    void run(int rounds) {
        for (int i = 0; i < rounds; i++) {
            tick();
            world.drain(dispatcher, 20_000);
            world.time.advance(Duration.ofSeconds(3));
        }
        tick();
    }

    /** Both monitors once; a correction's batches and the progress edits wait for the sender. */
    void tick() {
        whileStepping(() -> {
            admin.monitor().tick();
            admin.corrections().monitor().tick();
        });
    }

    /** The sender alone for {@code steps} decisions, the monitors not ticking. */
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

    @Override
    public void close() {
        factory.close();
        telegram.close();
    }
}
