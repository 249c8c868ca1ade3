package newsbot.admin.corrections;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import newsbot.store.CorrectionRow;
import newsbot.store.CorrectionsRepo;
import newsbot.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives running corrections: their next batches, the sweep for copies that were on the wire when they started,
 * the end, and the progress messages. Everything it needs is in the database, so after a restart the first tick
 * goes on where the last one stopped. The app calls {@link #tick} about once a second from one thread.
 */
public final class CorrectionMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(CorrectionMonitor.class);
    static final int BATCHES_PER_TICK = 10;
    /**
     * How long after the start a copy sent with the old text may still be recorded: a call already on the wire
     * when the queue was corrected ends within the client's timeouts (10 s to connect, 30 s to answer).
     */
    static final Duration IN_FLIGHT_GRACE = Duration.ofMinutes(1);

    private final Database db;
    private final CorrectionsRepo repo;
    private final CorrectionEnqueuer enqueuer;
    private final CorrectionBoard board;
    private final Clock clock;

    CorrectionMonitor(Database db, CorrectionsRepo repo, CorrectionEnqueuer enqueuer, CorrectionBoard board,
                      Clock clock) {
        this.db = db;
        this.repo = repo;
        this.enqueuer = enqueuer;
        this.board = board;
        this.clock = clock;
    }

    /** One round over the unfinished corrections; never throws, so a scheduler keeps calling it. */
    public void tick() {
        List<CorrectionRow> active;
        try {
            active = db.withHandle(repo::unfinishedOrUnreported);
        } catch (RuntimeException e) {
            LOG.error("could not read the unfinished corrections", e);
            return;
        }
        for (CorrectionRow c : active) {
            try {
                advance(c);
            } catch (RuntimeException e) {
                LOG.error("correction {} could not be advanced; trying again next tick", c.id(), e);
            }
        }
    }

    private void advance(CorrectionRow c) {
        if ("RUNNING".equals(c.state())) {
            if (!c.enqueuedAll()) {
                int batches = 0;
                while (batches < BATCHES_PER_TICK && enqueuer.nextBatch(c.id())) {
                    batches++;
                }
            } else if (mayStillArrive(c) || db.withHandle(h -> repo.counts(h, c.id())).pending() == 0) {
                // while late copies may arrive, and once more before the end
                enqueuer.sweep(c.id());
            }
            finishIfDone(c.id());
        }
        board.update(c.id());
    }

    /** Copies with the old text may still be recorded: some were queued at the start and the grace is not over. */
    private boolean mayStillArrive(CorrectionRow c) {
        return c.queued() > 0 && c.startedAt() != null
                && clock.instant().isBefore(c.startedAt().plus(IN_FLIGHT_GRACE));
    }

    private void finishIfDone(long id) {
        record Done(CorrectionRow row, CorrectionsRepo.Counts counts) {
        }
        Done done = db.inTransaction(h -> {
            CorrectionRow c = repo.find(h, id).orElse(null);
            if (c == null || !"RUNNING".equals(c.state()) || !c.enqueuedAll() || mayStillArrive(c)) {
                return null;
            }
            CorrectionsRepo.Counts n = repo.counts(h, id);
            // the language only fills in the copies' notes, of no matter for "is any copy left"
            return n.pending() == 0 && repo.copiesWithoutRows(h, c, 0, c.language(), 1).isEmpty()
                    && repo.finish(h, id, clock.instant()) ? new Done(c, n) : null;
        });
        if (done != null) {
            CorrectionRow c = done.row();
            CorrectionsRepo.Counts n = done.counts();
            LOG.info("{} {} of {} {} by editor {} done: {} edited, {} deleted, {} refused, {} not sent, of {}; "
                    + "{} queued copies {}", c.action(), id, c.targetKind(), c.targetRef(), c.editorUserId(),
                    n.edited(), n.deleted(), n.refused(), n.cancelled(), n.total(), c.queued(),
                    c.isRetraction() ? "cancelled" : "corrected before sending");
        }
    }
}
