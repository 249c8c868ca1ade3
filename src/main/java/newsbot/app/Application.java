package newsbot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import newsbot.bot.Bot;
import newsbot.bot.BotCommandsMenu;
import newsbot.bot.GatewayReplier;
import newsbot.bot.Texts;
import newsbot.bot.UpdateConsumer;
import newsbot.config.BotConfig;
import newsbot.store.BotState;
import newsbot.store.Database;
import newsbot.telegram.BotApiUrl;
import newsbot.telegram.TelegramClientFactory;
import newsbot.telegram.TelegramGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/** Builds every object with {@code new}, starts the threads, and stops them in reverse order. */
public final class Application implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final List<AutoCloseable> stopOrder = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private Application() {
    }

    /** Runs the bot until the JVM is asked to stop; returns an exit code only if start-up fails. */
    static int runUntilStopped(BotConfig config) {
        Application app = start(config, Clock.systemUTC(), Duration.ofSeconds(50));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Main.OK;
    }

    /**
     * Starts the bot. {@code longPoll} is the getUpdates timeout: tests use a short one.
     *
     * @throws newsbot.store.StoreException when the database cannot be opened
     */
    public static Application start(BotConfig config, Clock clock, Duration longPoll) {
        Application app = new Application();
        try {
            app.startParts(config, clock, longPoll);
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    private void startParts(BotConfig config, Clock clock, Duration longPoll) {
        LOG.info("newsbot starting: {} categories, {} feeds, database {}", config.categories().size(),
                config.feeds().sources().size(), config.dbPath());
        Database db = Database.open(config.dbPath());
        TelegramUrl url = BotApiUrl.parse(config.telegram().apiUrl().toString());
        TelegramClientFactory telegram = new TelegramClientFactory(config.telegram().token(), url,
                new TelegramClientFactory.Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), longPoll));
        stopOrder.add(telegram);
        TelegramGateway gateway = new TelegramGateway(telegram.telegramClient());
        BotIdentity identity = new BotIdentity(gateway);
        identity.refresh();

        Texts texts = new Texts();
        registerCommandMenu(gateway, texts);
        GatewayReplier replier = new GatewayReplier(gateway, new GatewayReplier.ReplyPacing() {
            @Override
            public void awaitSlot(long chatId) {
            }

            @Override
            public void pause(Duration delay) {
            }
        });
        Bot bot = new Bot(config, db, texts, replier, clock, identity::username);
        UpdateConsumer consumer = new UpdateConsumer(bot.router(), db, new BotState(), telegram.longPollSeconds());
        TelegramBotsLongPollingApplication polling = new TelegramBotsLongPollingApplication(
                ObjectMapper::new, telegram::pollingHttpClient, telegram::pollingExecutor);
        try {
            polling.registerBot(config.telegram().token(), () -> url, consumer::nextRequest, consumer);
        } catch (TelegramApiException e) {
            throw new IllegalStateException("cannot start long polling: " + e.getMessage(), e);
        }
        stopOrder.add(0, () -> {
            polling.close();
            consumer.stop();
            telegram.stopPolling(Duration.ofSeconds(3));
        });
        LOG.info("newsbot started as @{}, resuming after update {}", identity.username(), consumer.lastHandled());
    }

    private static void registerCommandMenu(TelegramGateway gateway, Texts texts) {
        BotCommandsMenu menu = new BotCommandsMenu(texts);
        for (String language : List.of(Texts.RU, Texts.EN)) {
            List<BotCommand> commands = new ArrayList<>();
            for (BotCommandsMenu.MenuEntry e : menu.entries(language)) {
                commands.add(new BotCommand(e.command(), e.description()));
            }
            gateway.setCommands(commands, language);
            if (Texts.RU.equals(language)) {
                gateway.setCommands(commands, null);
            }
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (AutoCloseable part : stopOrder) {
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("while stopping {}: {}", part.getClass().getSimpleName(), e.getMessage());
            }
        }
        LOG.info("newsbot stopped cleanly");
    }
}
