package newsbot.admin;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import newsbot.chat.UpdateRouter;
import newsbot.delivery.Dispatcher;
import newsbot.delivery.DispatcherDriver;
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
 * The stepping every rig of the editors' tools shares: the bot against {@link FakeBotApi} with the real client,
 * gateway, dispatcher and SQLite, one virtual clock for all. Updates are fetched by the test, one getUpdates at a
 * time, and routed on another thread while this one steps the sender (an editor's tool waits for Telegram's answer,
 * which only a step of the sender brings); virtual time moves at most a little per step, so the test's schedule is
 * kept. A subclass builds the dispatcher, the admin and the router.
 */
public abstract class EditorRig implements AutoCloseable {

    private static final long STEP_LIMIT_NANOS = 1_000_000L;
    private static final long NAP_NANOS = 100_000;
    private static final Executor ROUTING = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "editor-rig-routing");
        t.setDaemon(true);
        return t;
    });

    public final AdminWorld world;
    public final FakeBotApi telegram;
    public final TelegramClientFactory factory;
    public final TelegramGateway gateway;
    public Admin admin;
    public Dispatcher dispatcher;
    protected UpdateRouter router;
    private int offset;

    protected EditorRig(AdminWorld world) {
        this.world = world;
        telegram = FakeBotApi.start(FakeBotApi.DEFAULT_TOKEN, world.time::nanoTime);
        telegram.enableRateLimits(FakeRateLimits.telegramDefaults());
        factory = new TelegramClientFactory(telegram.token(), BotApiUrl.parse(telegram.apiUrl()),
                new TelegramClientFactory.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2)));
        gateway = new TelegramGateway(factory.telegramClient());
    }

    /** Runs {@code work}, which may wait for Telegram, on another thread while this one steps the sender. */
    protected void whileStepping(Runnable work) {
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

    /** Handles every update the fake holds, in order, then lets the replies and callback answers out. */
    public void pump() {
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
        DispatcherDriver.run(dispatcher, world.time,
                () -> pendingReplies() == 0 && !DispatcherDriver.callsPending(dispatcher), 1000);
    }

    private int pendingReplies() {
        return world.db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM deliveries WHERE state = 'PENDING' "
                + "AND kind = 'REPLY'").mapTo(Integer.class).one());
    }

    /** A user writes in their private chat (chat id = user id); returns the message id. */
    public int says(long user, String text) {
        return says(FakeUserMessage.of(user, user, text));
    }

    public int says(FakeUserMessage message) {
        int id = telegram.userSends(message);
        pump();
        return id;
    }

    public String presses(long user, long chat, int messageId, String data) {
        String query = telegram.userPresses(chat, user, messageId, data);
        pump();
        return query;
    }

    /** The monitor and the sender working for {@code rounds} × 3 s of virtual time. */
    public void run(int rounds) {
        for (int i = 0; i < rounds; i++) {
            tick();
            world.drain(dispatcher, drainSteps());
            world.time.advance(Duration.ofSeconds(3));
        }
        tick();
    }

    /** The campaign monitor once; a campaign's batches and the progress edits wait for the sender. */
    public void tick() {
        whileStepping(admin.monitor()::tick);
    }

    /** How many sender steps one round of {@link #run} drains. */
    protected abstract int drainSteps();

    @Override
    public void close() {
        factory.close();
        telegram.close();
    }
}
