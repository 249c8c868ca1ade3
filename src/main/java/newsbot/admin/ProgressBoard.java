package newsbot.admin;

import newsbot.delivery.Replier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import newsbot.store.BroadcastCounts;
import newsbot.store.BroadcastRow;
import newsbot.store.BroadcastOutbox;
import newsbot.store.BroadcastsRepo;
import newsbot.store.Database;
import newsbot.telegram.SendOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each broadcast's progress message up to date: at most one edit per message every 3 s, none when nothing
 * changed, and the final report exactly once (remembered in the database, so a restart neither repeats nor skips
 * it). Called from the polling thread (button presses) and the monitor's thread.
 */
final class ProgressBoard {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressBoard.class);
    static final Duration MIN_INTERVAL = Duration.ofSeconds(3);

    private final Database db;
    private final BroadcastsRepo repo;
    private final BroadcastOutbox rows;
    private final ProgressView view;
    private final Replier out;
    private final Clock clock;
    private final Map<Long, ProgressView.Shown> shown = new HashMap<>();
    private final Map<Long, Instant> lastEdit = new HashMap<>();

    ProgressBoard(Database db, BroadcastsRepo repo, BroadcastOutbox rows, ProgressView view, Replier out, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.rows = rows;
        this.view = view;
        this.out = out;
        this.clock = clock;
    }

    /** Shows the broadcast's current state if it changed and the last edit is 3 s old; reports it once finished. */
    void update(long id) {
        Instant now = clock.instant();
        Snapshot s = db.withHandle(h -> repo.find(h, id).map(b -> new Snapshot(b, rows.counts(h, id),
                new ProgressView.Extras(b.pin() ? rows.pins(h, id) : null, b.paid() ? rows.paidSent(h, id) : 0)))
                .orElse(null));
        if (s == null || s.row().progressMessageId() == null || s.row().reported()) {
            return;
        }
        ProgressView.Shown next = view.render(s.row(), s.counts(), s.extras(), now);
        if (s.row().isFinished() && next.equals(current(id))) {
            db.useTransaction(h -> repo.markReported(h, id)); // shown earlier, but recording that failed
            forget(id);
            return;
        }
        if (!reserve(id, next, now)) {
            return;
        }
        BroadcastRow b = s.row();
        SendOutcome outcome = out.edit(b.progressChatId(), b.progressMessageId(), next.html(), next.keyboard());
        boolean gone = outcome instanceof SendOutcome.Rejected || outcome instanceof SendOutcome.ChatGone
                || outcome instanceof SendOutcome.Blocked;
        if (gone) {
            // the admin deleted the message or left: retrying cannot help, and the broadcast runs on regardless
            LOG.warn("progress message of broadcast {} cannot be edited: {}", id, outcome);
        }
        if (outcome instanceof SendOutcome.Delivered || gone) {
            synchronized (this) {
                shown.put(id, next);
            }
            if (b.isFinished()) {
                db.useTransaction(h -> repo.markReported(h, id));
                forget(id);
            }
        }
    }

    /** True when the caller may edit now: the content changed and the last edit is old enough. */
    private synchronized boolean reserve(long id, ProgressView.Shown next, Instant now) {
        if (next.equals(shown.get(id))) {
            return false;
        }
        Instant last = lastEdit.get(id);
        if (last != null && now.isBefore(last.plus(MIN_INTERVAL))) {
            return false;
        }
        lastEdit.put(id, now);
        return true;
    }

    private synchronized ProgressView.Shown current(long id) {
        return shown.get(id);
    }

    private synchronized void forget(long id) {
        shown.remove(id);
        lastEdit.remove(id);
    }

    private record Snapshot(BroadcastRow row, BroadcastCounts counts, ProgressView.Extras extras) {
    }
}
