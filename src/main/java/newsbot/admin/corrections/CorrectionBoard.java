package newsbot.admin.corrections;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import newsbot.delivery.Replier;
import newsbot.store.CorrectionRow;
import newsbot.store.CorrectionsRepo;
import newsbot.store.Database;
import newsbot.telegram.SendOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each correction's progress message current, as the broadcasts' board does: at most one edit every 3 s,
 * none when nothing changed, and the report exactly once (remembered in the database across restarts).
 */
final class CorrectionBoard {

    private static final Logger LOG = LoggerFactory.getLogger(CorrectionBoard.class);
    static final Duration MIN_INTERVAL = Duration.ofSeconds(3);

    private final Database db;
    private final CorrectionsRepo repo;
    private final CorrectionView view;
    private final Replier out;
    private final Clock clock;
    private final Map<Long, CorrectionView.Shown> shown = new HashMap<>();
    private final Map<Long, Instant> lastEdit = new HashMap<>();

    CorrectionBoard(Database db, CorrectionsRepo repo, CorrectionView view, Replier out, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.view = view;
        this.out = out;
        this.clock = clock;
    }

    void update(long id) {
        Instant now = clock.instant();
        record Snapshot(CorrectionRow row, CorrectionsRepo.Counts counts) {
        }
        Snapshot s = db.withHandle(h -> repo.find(h, id).map(c -> new Snapshot(c, repo.counts(h, id))).orElse(null));
        if (s == null || s.row().progressMessageId() == null || s.row().reported()) {
            return;
        }
        CorrectionView.Shown next = view.render(s.row(), s.counts(), now);
        if (!reserve(id, next, now, s.row().isFinished())) {
            return;
        }
        CorrectionRow c = s.row();
        SendOutcome outcome = out.edit(c.progressChatId(), c.progressMessageId(), next.html(), next.keyboard());
        boolean gone = outcome instanceof SendOutcome.Rejected || outcome instanceof SendOutcome.ChatGone
                || outcome instanceof SendOutcome.Blocked;
        if (gone) {
            // the editor deleted the message or left: retrying cannot help, and the correction runs on regardless
            LOG.warn("progress message of correction {} cannot be edited: {}", id, outcome);
        }
        if (outcome instanceof SendOutcome.Delivered || gone) {
            synchronized (this) {
                shown.put(id, next);
            }
            if (c.isFinished()) {
                db.useTransaction(h -> repo.markReported(h, id));
                forget(id);
            }
        }
    }

    /** True when the caller may edit now: the content changed and the last edit is old enough (a report always). */
    private synchronized boolean reserve(long id, CorrectionView.Shown next, Instant now, boolean report) {
        if (next.equals(shown.get(id)) && !report) {
            return false;
        }
        Instant last = lastEdit.get(id);
        if (!report && last != null && now.isBefore(last.plus(MIN_INTERVAL))) {
            return false;
        }
        lastEdit.put(id, now);
        return true;
    }

    private synchronized void forget(long id) {
        shown.remove(id);
        lastEdit.remove(id);
    }
}
