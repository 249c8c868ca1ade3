package newsbot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.SplittableRandom;
import newsbot.ingest.ArticlePages;
import newsbot.messages.DigestComposer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import newsbot.admin.ActiveInstance;
import newsbot.admin.Admin;
import newsbot.chat.Bot;
import newsbot.messages.BotCommandsMenu;
import newsbot.admin.AdminHandlers;
import newsbot.admin.ChannelCheck;
import newsbot.digest.DigestOptions;
import newsbot.digest.DigestScheduler;
import newsbot.digest.Digests;
import newsbot.delivery.SenderReplier;
import newsbot.messages.Texts;
import newsbot.chat.UpdateConsumer;
import newsbot.config.BotConfig;
import newsbot.delivery.DeliveryCounters;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.InFlightLimit;
import newsbot.delivery.PaidLane;
import newsbot.delivery.DeliveryRetention;
import newsbot.delivery.DeliveryTime;
import newsbot.delivery.Dispatcher;
import newsbot.delivery.Outbox;
import newsbot.delivery.RateLimiter;
import newsbot.delivery.RetryPolicy;
import newsbot.delivery.SendFence;
import newsbot.pair.LeaseKeeper;
import newsbot.store.pg.PostgresPool;
import newsbot.telegram.PollingStatus;
import newsbot.feed.FeedFetcher;
import newsbot.ingest.BreakingAlerts;
import newsbot.ingest.FeedPoller;
import newsbot.ingest.FeedPushes;
import newsbot.ingest.WebSub;
import newsbot.ops.BotMetrics;
import newsbot.ops.HealthCheck;
import newsbot.ops.MetricSources;
import newsbot.ops.OpsServer;
import newsbot.ops.PushHook;
import newsbot.ops.WebSubHook;
import newsbot.store.BotState;
import newsbot.store.Database;
import newsbot.store.HandledUpdates;
import newsbot.store.Subscribers;
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
    private static final Duration FEED_CHECK_EVERY = Duration.ofSeconds(5);
    private static final Duration CHANNEL_CHECK_EVERY = Duration.ofMinutes(5);

    private final List<AutoCloseable> stopOrder = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The active instance's parts; null while standby. */
    private volatile Duties duties;
    /** The lease of a pair; null on SQLite. */
    private LeaseKeeper lease;
    private final ScheduledExecutorService keeperThread = Executors.newSingleThreadScheduledExecutor(daemon("lease"));
    private OpsServer ops;
    /** One set for the process: /metrics reads it whichever term of activity is running, and counts carry over. */
    private final DeliveryCounters counters = new DeliveryCounters();

    private Application() {
    }

    /** How the application runs its periodic jobs: production schedules them; tests call them directly. */
    public enum Schedules { ON, OFF }

    /** Runs the bot until the JVM is asked to stop; returns an exit code only if start-up fails. */
    static int runUntilStopped(BotConfig config) {
        Application app = start(config, Clock.systemUTC(), Duration.ofSeconds(50), Schedules.ON);
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
    public static Application start(BotConfig config, Clock clock, Duration longPoll, Schedules schedules) {
        Application app = new Application();
        try {
            app.startParts(config, clock, longPoll, schedules);
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    private void startParts(BotConfig config, Clock clock, Duration longPoll, Schedules schedules) {
        Optional<BotConfig.Postgres> pg = config.postgres();
        LOG.info("newsbot starting: {} categories, {} feeds, database {}", config.categories().size(),
                config.feeds().sources().size(), pg.map(p -> PostgresPool.describe(p.url()) + " as instance "
                        + p.instance()).orElse(String.valueOf(config.dbPath())));
        Database base = pg.map(p -> Database.openPostgres(p.url(), p.user(), p.password()))
                .orElseGet(() -> Database.open(config.dbPath()));
        stopOrder.add(base);
        if (pg.isEmpty()) {
            // One instance on SQLite: active from the start, as always; nothing to fence.
            duties = new Duties(config, base, clock, longPoll, schedules, SendFence.NONE, counters, Optional::empty);
            stopOrder.add(0, () -> duties.close());
            startOperatorsEndpoint(config, clock, base);
            LOG.info("newsbot started; long polling begins as soon as Telegram answers");
            return;
        }
        // One of a pair (issue 15): active only while it holds the lease; every transaction is fenced with it.
        Database fenced = base.guarded(h -> lease.fence(h));
        SendFence fence = new SendFence() {
            @Override
            public boolean maySend() {
                return lease.holds();
            }

            @Override
            public boolean mayClaim(org.jdbi.v3.core.Handle h) {
                return lease.confirms(h);
            }
        };
        lease = new LeaseKeeper(base, clock, pg.get().instance(), new LeaseKeeper.Listener() {
            @Override
            public void becameActive(long epoch) {
                closeDuties();
                duties = new Duties(config, fenced, clock, longPoll, schedules, fence, counters,
                        () -> lease.heldLease().map(l -> new ActiveInstance(l.instance(), l.epoch())));
            }

            @Override
            public void becameStandby(String reason) {
                closeDuties();
            }
        });
        stopOrder.add(0, () -> {
            keeperThread.shutdownNow();
            keeperThread.awaitTermination(3, TimeUnit.SECONDS);
            synchronized (lease) {
                closeDuties();
                lease.release();
            }
        });
        startOperatorsEndpoint(config, clock, fenced);
        lease.tick();
        if (schedules == Schedules.ON) {
            keeperThread.scheduleWithFixedDelay(this::leaseTick, 500, 500, TimeUnit.MILLISECONDS);
        }
        LOG.info("newsbot started as instance {}, {}", lease.instance(), lease.role());
    }

    private void leaseTick() {
        try {
            lease.tick();
        } catch (RuntimeException e) {
            LOG.error("lease step failed: {}", e.toString());
        }
    }

    private void closeDuties() {
        Duties d = duties;
        duties = null;
        if (d != null) {
            d.close();
        }
    }

    /**
     * What only the active instance does: long polling, the feed poller, the digest and broadcast jobs, channel
     * checks and the sender. Built anew each time the instance becomes active, closed when it stops being so.
     */
    private static final class Duties implements AutoCloseable {
        private final List<AutoCloseable> stopOrder = new ArrayList<>();
        private FeedPoller poller;
        private FeedPushes pushes;
        private WebSub webSub;
        private DigestScheduler digests;
        private Admin admin;
        private ChannelCheck channelCheck;
        private TelegramConnector connector;
        private TelegramClientFactory telegram;
        private Dispatcher dispatcher;
        private UpdateConsumer consumer;
        /** When the update loop last sent a getUpdates: an open long poll is a working loop. */
        private volatile Instant pollAsked;

        Duties(BotConfig config, Database db, Clock clock, Duration longPoll, Schedules schedules, SendFence fence,
               DeliveryCounters counters, Supplier<Optional<ActiveInstance>> activeInstance) {
            try {
                start(config, db, clock, longPoll, schedules, fence, counters, activeInstance);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        private void start(BotConfig config, Database db, Clock clock, Duration longPoll, Schedules schedules,
                           SendFence fence, DeliveryCounters counters,
                           Supplier<Optional<ActiveInstance>> activeInstance) {
            TelegramUrl url = BotApiUrl.parse(config.telegram().apiUrl().toString());
            telegram = new TelegramClientFactory(config.telegram().token(), url,
                    new TelegramClientFactory.Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), longPoll),
                    ProxyRoutes.of(config.telegram().proxy()), clock);
            stopOrder.add(telegram);
            TelegramGateway gateway = new TelegramGateway(telegram.telegramClient());
            BotIdentity identity = new BotIdentity(gateway);

            // Delivery: one outbox, one limiter and one sender for every Bot API call but getUpdates.
            DeliveryTime time = DeliveryTime.system(clock);
            Outbox outbox = new Outbox(time);
            RateLimiter limiter = new RateLimiter(config.delivery(), time, counters);
            dispatcher = new Dispatcher(db, new Subscribers(), outbox, limiter.stamping(gateway), limiter,
                    new RetryPolicy(config.delivery().maxAttempts(), new SplittableRandom()), counters, time,
                    InFlightLimit.fromConfig(config.delivery().maxInFlight(), config.delivery().globalPerSecond()),
                    Map.of(DeliveryKind.REPLY, Dispatcher.DEFAULT_MAX_AGES.get(DeliveryKind.REPLY),
                            DeliveryKind.BREAKING, config.delivery().maxAgeBreaking(),
                            DeliveryKind.TOPIC, config.delivery().maxAgeBreaking()),
                    new PaidLane(config.delivery().paid(), time), fence);
            dispatcher.start();
            // The gateway waits out a call already on the wire (up to its 30 s read timeout) before answering.
            stopOrder.add(0, () -> dispatcher.stop(Duration.ofSeconds(3)));

            // The site's own channels (issue 13): registered now, checked by getChat/getChatMember on the jobs thread.
            channelCheck = new ChannelCheck(config.channels(), db, gateway, botId(config.telegram().token()), outbox,
                    clock);
            channelCheck.register();

            Texts texts = new Texts();
            SenderReplier replier = new SenderReplier(gateway, dispatcher);
            admin = new Admin(config, db, outbox, counters, replier, texts::get, clock, activeInstance);
            // each digest item links to the article to read in Telegram once the bot's name is known
            DigestComposer digestItems = new DigestComposer(identity::knownUsername);
            Digests onDemand = new Digests(db, outbox, texts, config.categories(), DigestOptions.from(config),
                    digestItems);
            // an article's page comes through the feeds' fetcher, from the feeds' hosts only
            ArticlePages pages = new ArticlePages(db, FeedFetcher.create(FeedPoller.fetchLimits(config)),
                    config.feeds().sources(), clock, new SplittableRandom());
            Bot bot = new Bot(config, db, texts, replier, outbox, clock, identity::username,
                    new AdminHandlers(admin, config, texts, replier, clock).tools(), gateway::chatMemberStatus,
                    new ReaderDigests(onDemand, db), new PageArticles(db, pages));

            ExecutorService digestWrites = Executors.newSingleThreadExecutor(daemon("digest-writes"));
            digests = new DigestScheduler(config.categories(), DigestOptions.from(config), db, outbox, texts, clock,
                    digestWrites, digestItems);
            poller = new FeedPoller(config, db, FeedFetcher.create(FeedPoller.fetchLimits(config)),
                    new BreakingAlerts(config, outbox, clock, texts), clock, new SplittableRandom());
            pushes = new FeedPushes(poller, db, clock);
            if (config.newsroom().publicBase().isPresent()) {
                HttpClient hubs = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                webSub = new WebSub(poller, db, config.newsroom().publicBase().get(), hubs, clock);
            }
            ScheduledExecutorService jobs = Executors.newScheduledThreadPool(3, daemon("jobs"));
            stopOrder.add(0, () -> {
                pushes.close();
                jobs.shutdownNow();
                digestWrites.shutdown();
                jobs.awaitTermination(3, TimeUnit.SECONDS);
                digestWrites.awaitTermination(3, TimeUnit.SECONDS);
                poller.close();
            });
            if (schedules == Schedules.ON) {
                jobs.scheduleWithFixedDelay(poller::pollDue, 0, FEED_CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                jobs.scheduleAtFixedRate(digests.task(), digests.delayToNextMinute().toMillis(), 60_000,
                        TimeUnit.MILLISECONDS);
                jobs.scheduleWithFixedDelay(admin.monitor()::tick, 1, 1, TimeUnit.SECONDS);
                jobs.scheduleWithFixedDelay(channelCheck::checkAll, 0, CHANNEL_CHECK_EVERY.toSeconds(), TimeUnit.SECONDS);
                jobs.scheduleWithFixedDelay(new DeliveryRetention(db, outbox, clock)::prune, 10, 3600, TimeUnit.SECONDS);
                jobs.scheduleWithFixedDelay(admin::pruneAudit, 20, 3600, TimeUnit.SECONDS);
                jobs.scheduleWithFixedDelay(bot.tips()::prune, 25, 3600, TimeUnit.SECONDS);
                if (webSub != null) {
                    // after the first poll has read the feeds' own hubs
                    jobs.scheduleWithFixedDelay(webSub::tick, 30, 60, TimeUnit.SECONDS);
                }
            }

            ExecutorService lanes = Executors.newFixedThreadPool(config.chat().handlerThreads(), daemon("updates"));
            consumer = new UpdateConsumer(bot.router(), db, new BotState(), new HandledUpdates(), lanes,
                    telegram.longPollSeconds());
            TelegramBotsLongPollingApplication polling = new TelegramBotsLongPollingApplication(
                    ObjectMapper::new, telegram::pollingHttpClient, telegram::pollingExecutor);
            String token = config.telegram().token();
            connector = new TelegramConnector(gateway, () -> {
                identity.refresh();
                registerCommandMenu(gateway, texts);
                try {
                    polling.registerBot(token, () -> url, lastReceived -> {
                        pollAsked = clock.instant();
                        return consumer.nextRequest(lastReceived);
                    }, consumer);
                } catch (TelegramApiException e) {
                    // registerBot keeps a session that failed to start; forget it, or the next try says "registered"
                    try {
                        polling.unregisterBot(token);
                    } catch (TelegramApiException ignored) {
                        // it was not kept after all
                    }
                    throw e;
                }
                LOG.info("newsbot started as @{}, resuming after update {}", identity.username(), consumer.lastHandled());
            });
            connector.start();
            stopOrder.add(0, () -> {
                connector.stop();
                polling.close();
                consumer.stop();
                telegram.stopPolling(Duration.ofSeconds(3));
                lanes.shutdown();
                lanes.awaitTermination(3, TimeUnit.SECONDS);
            });
            }

            @Override
            public void close() {
                for (AutoCloseable part : stopOrder) {
                    try {
                        part.close();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Exception e) {
                        LOG.warn("while stopping {}: {}", part.getClass().getSimpleName(), e.getMessage());
                    }
                }
                stopOrder.clear();
            }
        }


    // Operators (issue 14): /health and /metrics on http.bind:http.port, unless http.port is 0. The numbers come
    // from the active instance's parts, whichever are running now.
    private void startOperatorsEndpoint(BotConfig config, Clock clock, Database db) {
        if (config.http().isEmpty()) {
            return;
        }
        BotMetrics metrics = new BotMetrics(new MetricSources(db, new Outbox(DeliveryTime.system(clock)), clock, counters,
                () -> duties != null ? duties.dispatcher.status() : STANDBY_SENDER,
                () -> duties != null ? duties.consumer.updatesHandled() : 0, () -> {
                    Duties d = duties;
                    if (d == null) {
                        return Map.of("fetched", 0L, "not_modified", 0L, "failed", 0L);
                    }
                    FeedPoller.FetchCounts c = d.poller.fetchCounts();
                    return Map.of("fetched", c.fetched(), "not_modified", c.notModified(), "failed", c.failed());
                }, () -> duties != null ? duties.digests.ticksRun() : 0,
                () -> duties != null ? duties.digests.tickNanos() : 0, () -> duties != null));
        HealthCheck health = new HealthCheck(db, () -> duties != null && duties.connector.connected(),
                () -> duties != null ? duties.telegram.pollingStatus() : new PollingStatus(Optional.empty(), Optional.empty(), "standby"),
                () -> duties != null ? Optional.ofNullable(duties.pollAsked) : Optional.empty(), clock,
                HealthCheck.DEFAULT_STALE_AFTER,
                lease == null ? HealthCheck.Role.SINGLE : () -> Optional.of(lease.role() + " " + lease.instance()));
        OpsServer server = OpsServer.start(config.http().get().bind(), config.http().get().port(), health, metrics,
                config.newsroom().push(), this::ping,
                config.newsroom().publicBase().map(base -> webSubHook()), (int) config.feeds().maxBytes());
        ops = server;
        stopOrder.add(0, () -> {
            server.close();
            metrics.close();
        });
    }

    /** A push ping, answered by the active instance's poller; a standby sends the site to the active one. */
    private PushHook.Ping ping(String feedId) {
        Duties d = duties;
        if (d == null) {
            return PushHook.Ping.STANDBY;
        }
        return switch (d.pushes.ping(feedId)) {
            case ACCEPTED -> PushHook.Ping.ACCEPTED;
            case UNKNOWN_FEED -> PushHook.Ping.UNKNOWN_FEED;
            case TOO_MANY -> PushHook.Ping.TOO_MANY;
        };
    }

    /** WebSub's requests, answered by the active instance; a standby asks the hub to come back. */
    private WebSubHook webSubHook() {
        return new WebSubHook() {
            @Override
            public Optional<String> verify(String feedId, Map<String, String> params) {
                Duties d = duties;
                return d == null || d.webSub == null ? Optional.empty() : d.webSub.verify(feedId, params);
            }

            @Override
            public Delivery deliver(String feedId, String signature, String contentType, byte[] body) {
                Duties d = duties;
                if (d == null || d.webSub == null) {
                    return Delivery.STANDBY;
                }
                return switch (d.webSub.deliver(feedId, signature, contentType, body)) {
                    case ACCEPTED -> Delivery.ACCEPTED;
                    case UNKNOWN_FEED -> Delivery.UNKNOWN_FEED;
                    case REFUSED -> Delivery.REFUSED;
                };
            }
        };
    }

    /** One WebSub step now: subscribe, renew or retry what is due (tests). */
    void webSubTickNow() {
        duties().webSub.tick();
    }

    private static final Dispatcher.Status STANDBY_SENDER = Dispatcher.Status.idle();

    /** The operators' endpoint's port (tests bind port 0); empty when http.port is 0. */
    java.util.OptionalInt httpPort() {
        return ops == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(ops.port());
    }

    /** Waits until long polling runs (tests); false if Telegram did not answer within {@code timeout}. */
    boolean awaitPolling(Duration timeout) throws InterruptedException {
        Duties d = duties;
        return d != null && d.connector.awaitConnected(timeout);
    }

    /** The sender's numbers now (tests); a standby's are zero. */
    Dispatcher.Status senderStatus() {
        Duties d = duties;
        return d == null ? STANDBY_SENDER : d.dispatcher.status();
    }

    /** Whether this instance runs the active parts now (always on SQLite). */
    boolean active() {
        return duties != null;
    }

    /** One lease step now (tests of a pair move the clocks themselves). */
    void leaseTickNow() {
        lease.tick();
    }

    /** The lease of a pair (tests); null on SQLite. */
    LeaseKeeper lease() {
        return lease;
    }

    private Duties duties() {
        Duties d = duties;
        if (d == null) {
            throw new IllegalStateException("this instance is standby");
        }
        return d;
    }

    /** One feed-polling cycle now (tests drive time themselves). */
    int pollFeedsNow() {
        return duties().poller.pollDue();
    }

    /** Waits until the push polls asked for so far have run (tests). */
    void awaitPushesIdle() throws InterruptedException {
        duties().pushes.awaitIdle(Duration.ofSeconds(10));
    }

    /** One digest tick now. */
    DigestScheduler.TickResult digestTickNow() {
        return duties().digests.tick();
    }

    /** One check of the configured channels now. */
    void checkChannelsNow() {
        duties().channelCheck.checkAll();
    }

    /** The bot's user id: a token is {@code <bot id>:<secret>} (the id alone is not secret). */
    private static long botId(String token) {
        try {
            return Long.parseLong(token.substring(0, Math.max(0, token.indexOf(':'))));
        } catch (NumberFormatException e) {
            return -1; // only without a token (never for run): a channel check then reports the bot missing
        }
    }

    /** One campaign-monitor tick now. */
    void broadcastTickNow() {
        duties().admin.monitor().tick();
    }

    private static void registerCommandMenu(TelegramGateway gateway, Texts texts) {
        BotCommandsMenu menu = new BotCommandsMenu(texts);
        for (String language : texts.languages()) {
            List<BotCommand> commands = new ArrayList<>();
            for (BotCommandsMenu.MenuEntry e : menu.entries(language)) {
                commands.add(new BotCommand(e.command(), e.description()));
            }
            gateway.setCommands(commands, language); // outcome logged by the gateway; the menu is a nicety
            if (texts.defaultLanguage().equals(language)) {
                gateway.setCommands(commands, null);
            }
        }
    }

    static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (AutoCloseable part : stopOrder) {
            try {
                part.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warn("while stopping {}: {}", part.getClass().getSimpleName(), e.getMessage());
            }
        }
        LOG.info("newsbot stopped cleanly");
    }
}
