package newsbot.admin;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import newsbot.store.Campaign;
import newsbot.store.CampaignState;
import newsbot.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives every campaign: starts scheduled ones whose time has come, enqueues the next batches of running ones,
 * sweeps for late copies while they run, finishes a campaign once nothing of it waits to be enqueued or answered,
 * and keeps progress messages current. Everything it needs is in the database, so after a restart the first tick
 * picks campaigns up where they stopped. The app calls {@link #tick} about once a second from one thread.
 */
public final class CampaignMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignMonitor.class);
    /** Batches per campaign per tick: 10,000 rows a second stays far ahead of 30 sends a second. */
    static final int BATCHES_PER_TICK = 10;

    private final Database db;
    private final List<CampaignType> types;
    private final BatchEnqueuer enqueuer;
    private final ProgressBoard board;
    private final Runnable startDue;
    private final Clock clock;

    /** @param startDue starts the scheduled drafts whose time has come */
    CampaignMonitor(Database db, List<CampaignType> types, BatchEnqueuer enqueuer, ProgressBoard board,
                    Runnable startDue, Clock clock) {
        this.db = db;
        this.types = types;
        this.enqueuer = enqueuer;
        this.board = board;
        this.startDue = startDue;
        this.clock = clock;
    }

    /** One round; never throws, so a scheduler keeps calling it. */
    public void tick() {
        try {
            startDue.run();
        } catch (RuntimeException e) {
            LOG.error("could not start the scheduled campaigns: {}", e.toString());
        }
        for (CampaignType type : types) {
            List<Campaign> active;
            try {
                active = db.withHandle(type.table()::unfinishedOrUnreported);
            } catch (RuntimeException e) {
                LOG.error("could not read the unfinished campaigns of {}", type.table(), e);
                continue;
            }
            for (Campaign c : active) {
                try {
                    advance(type, c);
                } catch (RuntimeException e) {
                    LOG.error("{} {} could not be advanced; trying again next tick", c.kind().stored(), c.id(), e);
                }
            }
        }
    }

    private void advance(CampaignType type, Campaign c) {
        if (type.stopsEarly(c)) {
            board.update(type, c.id());
            return;
        }
        if (c.state() == CampaignState.RUNNING) {
            if (!c.cursor().complete()) {
                int batches = 0;
                while (batches < BATCHES_PER_TICK && enqueuer.nextBatch(type, c.id())) {
                    batches++; // each batch is its own short transaction
                }
            } else {
                enqueuer.sweep(type, c.id()); // every tick while it runs, however long that is
            }
            finishIfDone(type, c.id());
        }
        board.update(type, c.id());
    }

    private void finishIfDone(CampaignType type, long id) {
        db.useTransaction(h -> {
            Campaign c = type.table().find(h, id).orElse(null);
            if (c == null || c.state() != CampaignState.RUNNING || !c.cursor().complete() || !type.settled(h, c)) {
                return;
            }
            if (type.table().move(h, id, EnumSet.of(CampaignState.RUNNING), CampaignState.DONE, clock.instant())) {
                type.finished(h, c, clock.instant());
            }
        });
    }
}
