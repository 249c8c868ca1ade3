package newsbot.admin;

import newsbot.admin.corrections.Corrections;
import newsbot.delivery.Replier;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import newsbot.config.BotConfig;
import newsbot.delivery.DeliveryCounters;
import newsbot.delivery.Outbox;
import newsbot.store.Articles;
import newsbot.store.BreakingAudience;
import newsbot.store.BroadcastOutbox;
import newsbot.store.BroadcastsRepo;
import newsbot.store.Database;
import newsbot.store.Reports;
import newsbot.store.Subscribers;
import newsbot.store.Subscriptions;

/**
 * The editors' tools, built once by the app: broadcasts and their monitor, statistics, feed health and breaking
 * pushes. The chat side reaches them through the handlers in {@link AdminHandlers}; the app schedules {@link #monitor()}.
 */
public final class Admin {

    private final Broadcasts broadcasts;
    private final BroadcastMonitor monitor;
    private final Stats stats;
    private final FeedReport feeds;
    private final ChannelsCommand channels;
    private final BreakingPush breaking;
    private final Corrections corrections;
    private final DraftView drafts;
    private final BroadcastControls controls;

    /**
     * @param outbox   the same instance the dispatcher was built with, so pausing can wake it
     * @param counters the dispatcher's counters, for the 429s in {@code /stats}
     * @param out      how admins are answered directly (the chat side's replier)
     * @param texts    the bot's bundles, e.g. {@code texts::get}
     */
    public Admin(BotConfig config, Database db, Outbox outbox, DeliveryCounters counters, Replier out,
                 AdminTexts texts, Clock clock) {
        this(config, db, outbox, counters, out, texts, clock, Optional::empty, BatchEnqueuer.DEFAULT_BATCH);
    }

    /** @param activeInstance the lease's holder now, when the bot runs as one of a pair; always empty alone */
    public Admin(BotConfig config, Database db, Outbox outbox, DeliveryCounters counters, Replier out,
                 AdminTexts texts, Clock clock, Supplier<Optional<ActiveInstance>> activeInstance) {
        this(config, db, outbox, counters, out, texts, clock, activeInstance, BatchEnqueuer.DEFAULT_BATCH);
    }

    Admin(BotConfig config, Database db, Outbox outbox, DeliveryCounters counters, Replier out,
          AdminTexts texts, Clock clock, int batchSize) {
        this(config, db, outbox, counters, out, texts, clock, Optional::empty, batchSize);
    }

    private Admin(BotConfig config, Database db, Outbox outbox, DeliveryCounters counters, Replier out,
                  AdminTexts texts, Clock clock, Supplier<Optional<ActiveInstance>> activeInstance, int batchSize) {
        BroadcastsRepo repo = new BroadcastsRepo();
        BroadcastOutbox rows = new BroadcastOutbox();
        BroadcastControls controls = new BroadcastControls(texts);
        ProgressView view = new ProgressView(texts, controls, new TimeTexts(texts),
                config.delivery().globalPerSecond(), config.delivery().paid());
        ProgressBoard board = new ProgressBoard(db, repo, rows, view, out, clock);
        BatchEnqueuer enqueuer = new BatchEnqueuer(db, repo, rows, outbox, clock, batchSize);
        DraftView drafts = new DraftView(config, db, texts, controls, new TimeTexts(texts), clock);
        this.drafts = drafts;
        this.controls = controls;
        BroadcastActions actions = new BroadcastActions(db, repo, rows, outbox, out, clock, enqueuer, board,
                texts, drafts);
        Reports reports = new Reports();
        BroadcastList list = new BroadcastList(db, repo, rows, texts, controls, drafts,
                config.digest().defaultZone());
        this.broadcasts = new Broadcasts(config, db, repo, out, texts, clock, controls, actions, list, drafts);
        this.monitor = new BroadcastMonitor(db, repo, rows, enqueuer, board, actions, clock);
        this.stats = new Stats(config, db, new Subscribers(), new Subscriptions(), outbox, reports, counters,
                texts, clock, activeInstance);
        this.feeds = new FeedReport(config, db, reports, texts, clock);
        this.channels = new ChannelsCommand(db, outbox);
        this.breaking = new BreakingPush(db, new Articles(), new BreakingAudience(), outbox, clock);
        this.corrections = new Corrections(config, db, outbox, out, texts, clock, breaking, batchSize);
    }

    public Broadcasts broadcasts() {
        return broadcasts;
    }

    /** Call {@link BroadcastMonitor#tick()} about once a second from one scheduler thread. */
    public BroadcastMonitor monitor() {
        return monitor;
    }

    public Stats stats() {
        return stats;
    }

    public FeedReport feeds() {
        return feeds;
    }

    public BreakingPush breaking() {
        return breaking;
    }

    /** /correct and /retract; the app schedules {@code corrections().monitor()} like {@link #monitor()}. */
    public Corrections corrections() {
        return corrections;
    }

    DraftView drafts() {
        return drafts;
    }

    BroadcastControls controls() {
        return controls;
    }

    /** /channels: the configured channels' state, pause and resume. */
    ChannelsCommand channels() {
        return channels;
    }
}
