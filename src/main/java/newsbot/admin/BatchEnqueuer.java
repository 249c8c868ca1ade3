package newsbot.admin;

import newsbot.store.Campaign;
import newsbot.store.CampaignState;
import newsbot.store.Database;

/**
 * Puts a running campaign's rows into the outbox one batch per transaction, recording how far it got in the same
 * transaction: a 100,000-reader broadcast never holds the write lock for long, and after a restart the next batch
 * starts right after the last committed one (the outbox's unique key makes a repeated batch harmless).
 */
final class BatchEnqueuer {

    static final int DEFAULT_BATCH = 1000;

    private final Database db;
    private final int batchSize;

    BatchEnqueuer(Database db, int batchSize) {
        this.db = db;
        this.batchSize = batchSize;
    }

    /** Enqueues the next batch if the campaign is still running; true when more remain. */
    boolean nextBatch(CampaignType type, long id) {
        return db.inTransaction(h -> {
            Campaign c = type.table().find(h, id).orElse(null);
            // re-read inside the write transaction: a pause or cancel that committed first wins
            if (c == null || c.state() != CampaignState.RUNNING || c.cursor().complete()) {
                return false;
            }
            Campaign.Cursor next = type.enqueueBatch(h, c, batchSize);
            type.table().advance(h, id, next);
            return !next.complete();
        });
    }

    /** Once every batch is in, rows for what turned up since, while the campaign runs. */
    void sweep(CampaignType type, long id) {
        db.useTransaction(h -> {
            Campaign c = type.table().find(h, id).orElse(null);
            if (c != null && c.state() == CampaignState.RUNNING && c.cursor().complete()) {
                type.sweep(h, c, batchSize);
            }
        });
    }
}
