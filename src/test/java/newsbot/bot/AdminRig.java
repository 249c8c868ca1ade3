package newsbot.bot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
    private int offset;

    AdminRig(Path dir) {
        world = new AdminWorld(dir);
        telegram = FakeBotApi.start(FakeBotApi.DEFAULT_TOKEN, world.time::nanoTime);
        telegram.enableRateLimits(FakeRateLimits.telegramDefaults());
        factory = new TelegramClientFactory(telegram.token(), BotApiUrl.parse(telegram.apiUrl()),
                new TelegramClientFactory.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2)));
        gateway = new TelegramGateway(factory.telegramClient());
        Replier replier = new GatewayReplier(gateway, world.limiter, world.db, world.outbox, world.time);
        admin = new Admin(world.config, world.db, world.outbox, world.counters, replier, world.texts::get, world.time);
        router = new Bot(world.config, world.db, world.texts, replier, world.outbox, world.time, telegram::botUsername,
                admin, gateway::chatMemberStatus)
                .router();
        dispatcher = world.dispatcher(gateway, world.limiter);
    }

    /** Handles every update the fake holds, in order, as the long-polling consumer would. */
    void pump() {
        try {
            List<Update> updates = factory.telegramClient().execute(
                    GetUpdates.builder().offset(offset).timeout(0).build());
            for (Update u : updates) {
                router.route(u);
                offset = u.getUpdateId() + 1;
            }
        } catch (TelegramApiException e) {
            throw new IllegalStateException(e);
        }
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
            admin.monitor().tick();
            world.drain(dispatcher, 5000);
            world.time.advance(Duration.ofSeconds(3));
        }
        admin.monitor().tick();
    }

    @Override
    public void close() {
        factory.close();
        telegram.close();
    }
}
