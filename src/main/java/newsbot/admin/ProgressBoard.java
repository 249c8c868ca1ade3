package newsbot.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import newsbot.delivery.Replier;
import newsbot.store.Campaign;
import newsbot.store.CampaignTable;
import newsbot.store.Database;
import newsbot.telegram.SendOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each campaign's progress message up to date: at most one edit per message every 3 s, none when nothing
 * changed, and the final report exactly once (remembered in the database, so a restart neither repeats
 * nor skips it). Called from the polling thread (button presses) and the monitor's thread.
 */
final class ProgressBoard {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressBoard.class);
    static final Duration MIN_INTERVAL = Duration.ofSeconds(3);

    private record Key(CampaignTable table, long id) {
    }

    private record Snapshot(Campaign campaign, ProgressView.Shown shown) {
    }

    private final Database db;
    private final Replier out;
    private final Clock clock;
    private final Map<Key, ProgressView.Shown> shown = new HashMap<>();
    private final Map<Key, Instant> lastEdit = new HashMap<>();

    ProgressBoard(Database db, Replier out, Clock clock) {
        this.db = db;
        this.out = out;
        this.clock = clock;
    }

    /** Shows the campaign's state if it changed and the last edit is 3 s old; reports it once finished. */
    void update(CampaignType type, long id) {
        Instant now = clock.instant();
        Key key = new Key(type.table(), id);
        Snapshot s = db.withHandle(h -> type.table().find(h, id)
                .filter(c -> c.messages().progress() != null && !c.reported())
                .map(c -> new Snapshot(c, type.progress(h, c, now)))
                .orElse(null));
        if (s == null) {
            return;
        }
        Campaign c = s.campaign();
        ProgressView.Shown next = s.shown();
        if (c.isFinished() && next.equals(current(key))) {
            db.useTransaction(h -> type.table().markReported(h, id)); // shown earlier, but recording that failed
            forget(key);
            return;
        }
        if (!reserve(key, next, now)) {
            return;
        }
        Campaign.ChatMessage at = c.messages().progress();
        SendOutcome outcome = out.edit(at.chatId(), at.messageId(), next.html(), next.keyboard());
        boolean gone = outcome instanceof SendOutcome.Rejected || outcome instanceof SendOutcome.ChatGone
                || outcome instanceof SendOutcome.Blocked;
        if (gone) {
            // the editor deleted the message or left: retrying cannot help, and the campaign runs on regardless
            LOG.warn("progress message of {} {} cannot be edited: {}", c.kind().stored(), id, outcome);
        }
        if (outcome instanceof SendOutcome.Delivered || gone) {
            synchronized (this) {
                shown.put(key, next);
            }
            if (c.isFinished()) {
                db.useTransaction(h -> type.table().markReported(h, id));
                forget(key);
            }
        }
    }

    /** True when the caller may edit now: the content changed and the last edit is old enough. */
    private synchronized boolean reserve(Key key, ProgressView.Shown next, Instant now) {
        if (next.equals(shown.get(key))) {
            return false;
        }
        Instant last = lastEdit.get(key);
        if (last != null && now.isBefore(last.plus(MIN_INTERVAL))) {
            return false;
        }
        lastEdit.put(key, now);
        return true;
    }

    private synchronized ProgressView.Shown current(Key key) {
        return shown.get(key);
    }

    private synchronized void forget(Key key) {
        shown.remove(key);
        lastEdit.remove(key);
    }
}
