package newsbot.app;

import java.time.Instant;
import newsbot.chat.OnDemandDigests;
import newsbot.digest.Digests;
import newsbot.store.Database;

/** The digest job's {@code /digest} use case, offered to the chat side through its own port. */
public final class ReaderDigests implements OnDemandDigests {

    private final Digests digests;
    private final Database db;

    public ReaderDigests(Digests digests, Database db) {
        this.digests = digests;
        this.db = db;
    }

    @Override
    public Result sendNow(long chatId, Instant now) {
        return switch (digests.now(chatId, now)) {
            case SENT -> Result.SENT;
            case NOTHING_NEW -> Result.NOTHING_NEW;
            case NO_CATEGORIES -> Result.NO_CATEGORIES;
        };
    }

    @Override
    public boolean noDigestYet(long chatId) {
        return db.withHandle(h -> digests.firstPending(h, chatId));
    }
}
