package newsbot.delivery;

import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import newsbot.config.BotConfig;
import newsbot.store.Database;
import newsbot.store.Deliveries;
import newsbot.store.Subscribers;
import newsbot.telegram.BotApiUrl;
import newsbot.telegram.TelegramClientFactory;
import newsbot.telegram.TelegramGateway;

/**
 * The delivery engine alone in a process, wired as the application will wire it, for {@link CrashRecoveryTest}
 * to kill. Arguments: database file, Bot API URL, token, global messages per second.
 */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dbFile = Path.of(args[0]);
        String apiUrl = args[1];
        String token = args[2];
        int perSecond = Integer.parseInt(args[3]);
        DeliveryTime time = DeliveryTime.system();
        BotConfig.Delivery limits = new BotConfig.Delivery(perSecond, 1, 20, 5, 1);
        Database db = Database.open(dbFile);
        Deliveries deliveries = new Deliveries();
        TelegramClientFactory factory = new TelegramClientFactory(token, BotApiUrl.parse(apiUrl));
        Dispatcher dispatcher = new Dispatcher(db, deliveries, new Subscribers(), new Outbox(deliveries, time),
                new TelegramGateway(factory.telegramClient()), new RateLimiter(limits, time),
                new RetryPolicy(limits.maxAttempts(), new SplittableRandom()), new DeliveryCounters(), time);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                dispatcher.stop(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            factory.close();
        }));
        dispatcher.start();
        System.out.println("started");
    }
}
