package newsbot.chat;

import newsbot.admin.AdminHandlers;
import newsbot.app.ReaderDigests;
import newsbot.digest.DigestOptions;
import newsbot.digest.Digests;

import newsbot.delivery.Replier;
import newsbot.delivery.SenderReplier;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import newsbot.delivery.DispatcherDriver;
import newsbot.admin.Admin;
import newsbot.admin.AdminWorld;
import newsbot.delivery.Dispatcher;
import newsbot.telegram.BotApiUrl;
import newsbot.telegram.FakeBotApi;
import newsbot.telegram.FakeRateLimits;
import newsbot.telegram.FakeUserMessage;
import newsbot.telegram.TelegramClientFactory;
import newsbot.telegram.TelegramGateway;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The bot with the editors' tools against {@link FakeBotApi}: real client and gateway, real dispatcher and
 * SQLite, one virtual clock shared by the bot, the delivery engine and the fake's rate limits (Telegram's).
 * Updates are fetched and routed by the test, one getUpdates at a time, so nothing races.
 */
final class AdminRig implements AutoCloseable {

    final AdminWorld world;
    final FakeBotApi telegram;
    final TelegramClientFactory factory;
    final TelegramGateway gateway;
    final Admin admin;
    final UpdateRouter router;
    final Dispatcher dispatcher;
    private static final long STEP_LIMIT_NANOS = 1_000_000L;
    private static final java.util.concurrent.Executor ROUTING = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "admin-rig-routing");
        t.setDaemon(true);
        return t;
    });
    private int offset;

    AdminRig(Path dir) {
        this(dir, newsbot.testing.TestConfig.limits(30, 1, 20, 4, 1));
    }

    /** A rig with its own sending limits: paid broadcasts on, say. */
    AdminRig(Path dir, newsbot.config.BotConfig.Delivery delivery) {
        world = new AdminWorld(dir, delivery);
        telegram = FakeBotApi.start(FakeBotApi.DEFAULT_TOKEN, world.time::nanoTime);
        telegram.enableRateLimits(FakeRateLimits.telegramDefaults());
        factory = new TelegramClientFactory(telegram.token(), BotApiUrl.parse(telegram.apiUrl()),
                new TelegramClientFactory.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2)));
        gateway = new TelegramGateway(factory.telegramClient());
        dispatcher = world.dispatcher(gateway, world.limiter);
        Replier replier = new SenderReplier(gateway, dispatcher);
        admin = new Admin(world.config, world.db, world.outbox, world.counters, replier, world.texts::get, world.time);
        router = new Bot(world.config, world.db, world.texts, replier, world.outbox, world.time, telegram::botUsername,
                new AdminHandlers(admin, world.config, world.texts, replier, world.time).tools(),
                gateway::chatMemberStatus, new ReaderDigests(new Digests(world.db, world.outbox, world.texts,
                world.config.categories(), DigestOptions.from(world.config)), world.db))
                .router();
    }

    /**
     * Routes on a thread of its own while this one steps the sender: an editor's tool waits for Telegram's answer
     * (a preview's message id), which only a step of the sender brings. Virtual time moves at most a little per
     * step, so the test's schedule is kept.
     */
    private void route(Update update) {
        whileStepping(() -> router.route(update));
    }

    private static final long NAP_NANOS = 100_000;

    /** Runs {@code work}, which may wait for Telegram, on another thread while this one steps the sender. */
    private void whileStepping(Runnable work) {
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

    /** Handles every update the fake holds, in order, as the long-polling consumer would. */
    void pump() {
        try {
            List<Update> updates = factory.telegramClient().execute(
                    GetUpdates.builder().offset(offset).timeout(0).build());
            for (Update u : updates) {
                route(u);
                offset = u.getUpdateId() + 1;
            }
            sendReplies();
        } catch (TelegramApiException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Steps the sender until the replies and callback answers the updates queued are out, as it would do within
     * a round trip.
     */
    private void sendReplies() {
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
        int id = telegram.userSends(user, user, text);
        pump();
        return id;
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

    /** The monitor and the dispatcher working for {@code rounds} × 3 s of virtual time. */
    void run(int rounds) {
        for (int i = 0; i < rounds; i++) {
            whileStepping(admin.monitor()::tick);
            world.drain(dispatcher, 5000);
            world.time.advance(Duration.ofSeconds(3));
        }
        whileStepping(admin.monitor()::tick);
    }

    @Override
    public void close() {
        factory.close();
        telegram.close();
    }
}
