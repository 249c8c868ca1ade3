package newsbot.admin;

import java.time.Instant;
import newsbot.delivery.DeliveryKind;
import newsbot.store.Campaign;
import newsbot.store.CampaignTable;
import org.jdbi.v3.core.Handle;

/**
 * What one kind of campaign adds to the engine (state machine, monitor, board, enqueuer, controls, history): its
 * audience and rows, and its texts. Broadcasts are one type; corrections and retractions the other, as they share
 * their table and their rows' shape.
 */
sealed interface CampaignType permits BroadcastCampaign, CorrectionCampaign {

    /** The answers to a press, each a key of the type's own wording. */
    enum Toast {
        STARTED, ALREADY, NOT_NOW, PAUSED, RESUMED, CANCELLED, STALE;

        /** The end of the key: {@code not.now} for NOT_NOW. */
        String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '.');
        }
    }

    CampaignTable table();

    /** The outbox kind of the campaign's own rows. */
    DeliveryKind rowKind();

    /** Enqueues the rows of the next batch after the cursor, on the caller's transaction; returns the new cursor. */
    Campaign.Cursor enqueueBatch(Handle h, Campaign c, int batchSize);

    /** Once every batch is in: rows for what turned up since (a copy recorded late). */
    void sweep(Handle h, Campaign c, int batchSize);

    /** Nothing is left to enqueue or to be answered: the campaign may finish. */
    boolean settled(Handle h, Campaign c);

    /** It finished, in the same transaction: record what the report needs and say so in the log. */
    void finished(Handle h, Campaign c, Instant now);

    /** Stops it before the end when it cannot go on (a broadcast whose source was deleted); true when it did. */
    boolean stopsEarly(Campaign c);

    /** Its progress message or report now. */
    ProgressView.Shown progress(Handle h, Campaign c, Instant now);

    /** When resumed rows are due: now, or a time in the past that keeps their place ahead of others. */
    Instant resumeAt(Instant now);

    /** The outbox's reason for its rows an editor cancelled. */
    String cancelReason();

    /** The key answering a press. */
    String toast(Toast toast);

    /** The text of a progress message that starts as a message of its own. */
    String starting(Campaign c);

    /** What a cancelled draft's control message becomes. */
    String draftCancelled(Campaign c);
}
