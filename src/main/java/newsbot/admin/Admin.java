package newsbot.admin;

import newsbot.delivery.Replier;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import newsbot.config.BotConfig;
import newsbot.delivery.DeliveryCounters;
import newsbot.delivery.Outbox;
import newsbot.store.Articles;
import newsbot.store.BreakingAudience;
import newsbot.delivery.CampaignOutbox;
import newsbot.store.CorrectionsRepo;
import newsbot.config.Languages;
import java.util.List;
import newsbot.store.AuditTrail;
import newsbot.store.BroadcastsRepo;
import newsbot.store.Database;
import newsbot.store.Reports;
import newsbot.store.Subscribers;
import newsbot.store.Subscriptions;

/**
 * The editors' tools, built once by the app: campaigns (broadcasts, corrections, retractions) and their one
 * monitor, statistics, feed health and breaking pushes. The chat side reaches them through the handlers in {@link AdminHandlers}; the app schedules {@link #monitor()}.
 */
public final class Admin {

    private final Broadcasts broadcasts;
    private final CampaignMonitor monitor;
    private final Stats stats;
    private final FeedReport feeds;
    private final ChannelsCommand channels;
    private final BreakingPush breaking;
    private final Corrections corrections;
    private final DraftView drafts;
    private final CampaignButtons controls;
    private final CampaignHistory history;
    private final LogCommand log;
    private final Database db;
    private final Clock clock;
    private final java.time.Duration auditRetention;

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
        BroadcastsRepo broadcastsRepo = new BroadcastsRepo();
        this.db = db;
        this.clock = clock;
        this.auditRetention = config.newsroom().auditRetention();
        this.log = new LogCommand(db, config.digest().defaultZone());
        CorrectionsRepo correctionsRepo = new CorrectionsRepo();
        CampaignOutbox rows = new CampaignOutbox();
        CampaignButtons buttons = new CampaignButtons(texts);
        TimeTexts time = new TimeTexts(texts);
        ProgressView view = new ProgressView(texts, buttons, time, config.delivery().globalPerSecond(),
                config.delivery().paid());
        ProgressBoard board = new ProgressBoard(db, out, clock);
        BatchEnqueuer enqueuer = new BatchEnqueuer(db, batchSize);
        CampaignControls campaignControls = new CampaignControls(db, rows, outbox, out, clock, enqueuer, board);
        DraftView drafts = new DraftView(config, db, texts, buttons, time, clock);
        DraftPreview previews = new DraftPreview(db, out, clock);
        this.drafts = drafts;
        this.controls = buttons;
        BroadcastCampaign broadcastType = new BroadcastCampaign(db, broadcastsRepo, rows, outbox, view, out, texts,
                clock);
        CorrectionCampaign correctionType = new CorrectionCampaign(correctionsRepo, rows, outbox, view, texts, clock,
                Languages.DEFAULT);
        Approvals approvals = new Approvals(config, db, out, texts, clock, buttons);
        BroadcastActions actions = new BroadcastActions(db, broadcastsRepo, out, clock, campaignControls,
                broadcastType, drafts, approvals, texts);
        CampaignHistory history = new CampaignHistory(db, broadcastsRepo, correctionsRepo, rows, texts, buttons,
                drafts, view, config.digest().defaultZone());
        this.breaking = new BreakingPush(db, new Articles(), new BreakingAudience(), outbox, clock, texts);
        CorrectionDrafts correctionDrafts = new CorrectionDrafts(db, correctionsRepo, rows, out, texts, clock,
                buttons, view, previews);
        this.corrections = new Corrections(db, correctionsRepo, broadcastsRepo, rows, outbox, texts, clock,
                correctionType, campaignControls, correctionDrafts,
                new Target.Finder(db, broadcastsRepo, breaking), approvals, view, buttons, out);
        this.history = history;
        this.broadcasts = new Broadcasts(config, db, broadcastsRepo, out, texts, clock, campaignControls,
                broadcastType, actions, history, drafts, previews, corrections, approvals);
        this.monitor = new CampaignMonitor(db, List.of(broadcastType, correctionType), enqueuer, board,
                actions::startDue, clock);
        this.stats = new Stats(config, db, new Subscribers(), new Subscriptions(), outbox, new Reports(),
                counters, texts, clock, activeInstance);
        this.feeds = new FeedReport(config, db, new Reports(), texts, clock);
        this.channels = new ChannelsCommand(db, outbox, clock);
    }

    public Broadcasts broadcasts() {
        return broadcasts;
    }

    /** Call {@link CampaignMonitor#tick()} about once a second from one scheduler thread: every campaign's. */
    public CampaignMonitor monitor() {
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

    /** /correct and /retract. */
    Corrections corrections() {
        return corrections;
    }

    /** /broadcasts and the corrections' line of /stats. */
    CampaignHistory history() {
        return history;
    }

    DraftView drafts() {
        return drafts;
    }

    CampaignButtons controls() {
        return controls;
    }

    /** /log: the audit trail. */
    LogCommand log() {
        return log;
    }

    /**
     * Forgets audit rows older than {@code editorial.audit-retention}, a batch at a time; call it hourly. Returns how
     * many; never throws.
     */
    public int pruneAudit() {
        int total = 0;
        try {
            int n;
            do {
                n = db.inTransaction(h -> new AuditTrail().prune(h, clock.instant(), auditRetention));
                total += n;
            } while (n > 0);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Admin.class).warn("audit trail not pruned: {}", e.toString());
        }
        return total;
    }

    /** /channels: the configured channels' state, pause and resume. */
    ChannelsCommand channels() {
        return channels;
    }
}
