package newsbot.admin;

import java.time.Clock;
import java.util.List;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.Manner;
import newsbot.delivery.Request;
import newsbot.delivery.Outbox;
import newsbot.store.BroadcastRow;
import newsbot.store.BroadcastOutbox;
import newsbot.store.BroadcastsRepo;
import newsbot.store.Database;

/**
 * Puts a running broadcast into the outbox one batch of readers per transaction, in chat id order, recording the
 * last chat enqueued in the same transaction: a 100,000-reader broadcast never holds the write lock for long, and
 * after a restart the next batch starts right after the last committed one.
 */
final class BatchEnqueuer {

    static final int DEFAULT_BATCH = 1000;

    private final Database db;
    private final BroadcastsRepo repo;
    private final BroadcastOutbox rows;
    private final Outbox outbox;
    private final Clock clock;
    private final int batchSize;

    BatchEnqueuer(Database db, BroadcastsRepo repo, BroadcastOutbox rows, Outbox outbox, Clock clock, int batchSize) {
        this.db = db;
        this.repo = repo;
        this.rows = rows;
        this.outbox = outbox;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Enqueues the next batch if the broadcast is still running; true when more readers remain. */
    boolean nextBatch(long id) {
        return db.inTransaction(h -> {
            BroadcastRow b = repo.find(h, id).orElse(null);
            // re-read inside the write transaction: a pause or cancel that committed first wins
            if (b == null || !"RUNNING".equals(b.state()) || b.enqueuedAll()) {
                return false;
            }
            Audience audience = Audience.parse(b.audience()).orElse(Audience.ALL);
            long after = b.enqueuedUpto() == null ? Long.MIN_VALUE : b.enqueuedUpto();
            List<Long> chats = repo.audienceAfter(h, audience.filter(), after, batchSize);
            Manner manner = Manner.PLAIN.withKeyboard(Broadcasts.buttonJson(b))
                    .with(b.paid() ? Manner.Lane.PAID : Manner.Lane.FREE)
                    .with(b.pin() ? Manner.Then.PIN : Manner.Then.NOTHING);
            if (b.isCopy()) {
                List<Long> ids = BroadcastSource.ids(b.sourceMessageIds());
                Request copy = ids.size() > 1 ? new Request.CopyAlbum(b.sourceChatId(), ids)
                        : new Request.Copy(b.sourceChatId(), ids.get(0), "");
                outbox.enqueueAll(h, chats, DeliveryKind.BROADCAST, id, copy, manner, clock.instant());
            } else {
                outbox.enqueueAll(h, chats, DeliveryKind.BROADCAST, id, b.text(), manner, clock.instant());
            }
            boolean complete = chats.size() < batchSize;
            Long upto = chats.isEmpty() ? null : chats.get(chats.size() - 1);
            int total = complete ? rows.counts(h, id).enqueued() : b.total();
            repo.advance(h, id, upto, complete, total);
            return !complete;
        });
    }
}
