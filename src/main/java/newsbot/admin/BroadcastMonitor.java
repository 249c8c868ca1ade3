package newsbot.admin;

import java.time.Clock;
import java.util.List;
import newsbot.store.BroadcastCounts;
import newsbot.store.BroadcastRow;
import newsbot.store.BroadcastOutbox;
import newsbot.store.BroadcastsRepo;
import newsbot.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives running broadcasts: enqueues their next batches, notices when one is complete, and keeps progress
 * messages current. Everything it needs is in the database, so after a restart the first tick picks running
 * broadcasts up where they stopped. The app calls {@link #tick} about once a second from one thread.
 */
public final class BroadcastMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(BroadcastMonitor.class);
    /** Batches per broadcast per tick: 10,000 rows a second stays far ahead of 30 sends a second. */
    static final int BATCHES_PER_TICK = 10;

    private final Database db;
    private final BroadcastsRepo repo;
    private final BroadcastOutbox rows;
    private final BatchEnqueuer enqueuer;
    private final ProgressBoard board;
    private final Clock clock;
    private final BroadcastActions actions;

    BroadcastMonitor(Database db, BroadcastsRepo repo, BroadcastOutbox rows, BatchEnqueuer enqueuer,
                     ProgressBoard board, BroadcastActions actions, Clock clock) {
        this.actions = actions;
        this.db = db;
        this.repo = repo;
        this.rows = rows;
        this.enqueuer = enqueuer;
        this.board = board;
        this.clock = clock;
    }

    /**
     * One round: scheduled drafts whose time has come start (late after downtime, once), then the unfinished
     * broadcasts advance; never throws, so a scheduler keeps calling it.
     */
    public void tick() {
        startDue();
        List<BroadcastRow> active;
        try {
            active = db.withHandle(repo::unfinishedOrUnreported);
        } catch (RuntimeException e) {
            LOG.error("could not read the unfinished broadcasts", e);
            return;
        }
        for (BroadcastRow b : active) {
            try {
                advance(b);
            } catch (RuntimeException e) {
                LOG.error("broadcast {} could not be advanced; trying again next tick", b.id(), e);
            }
        }
    }

    private void startDue() {
        List<BroadcastRow> due;
        try {
            due = db.withHandle(h -> repo.dueScheduled(h, clock.instant()));
        } catch (RuntimeException e) {
            LOG.error("could not read the scheduled broadcasts: {}", e.toString());
            return;
        }
        for (BroadcastRow b : due) {
            try {
                actions.startScheduled(b);
            } catch (RuntimeException e) {
                LOG.error("scheduled broadcast {} could not be started; trying again next tick: {}", b.id(),
                        e.toString());
            }
        }
    }

    private void advance(BroadcastRow b) {
        if (b.isCopy() && !b.isFinished() && db.withHandle(h -> rows.sourceGone(h, b.id()))) {
            actions.abandonSourceGone(b);
            board.update(b.id());
            return;
        }
        if ("RUNNING".equals(b.state()) && !b.enqueuedAll()) {
            int batches = 0;
            while (batches < BATCHES_PER_TICK && enqueuer.nextBatch(b.id())) {
                batches++; // each batch is its own short transaction
            }
        }
        if ("RUNNING".equals(b.state())) {
            finishIfDone(b.id());
        }
        board.update(b.id());
    }

    private void finishIfDone(long id) {
        BroadcastCounts done = db.inTransaction(h -> {
            BroadcastRow b = repo.find(h, id).orElse(null);
            if (b == null || !"RUNNING".equals(b.state()) || !b.enqueuedAll()) {
                return null;
            }
            BroadcastCounts c = rows.counts(h, id);
            // a pinned broadcast is done once its pins are: the report counts them
            return c.pending() == 0 && rows.pins(h, id).pending() == 0
                    && repo.finish(h, id, c.enqueued(), clock.instant()) ? c : null;
        });
        if (done != null) {
            LOG.info("broadcast {} done: {} delivered, {} blocked, {} failed of {}", id, done.sent(), done.blocked(),
                    done.failed(), done.enqueued());
        }
    }
}
