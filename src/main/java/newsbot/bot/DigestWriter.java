package newsbot.bot;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.Outbox;
import newsbot.digest.DigestComposer;
import newsbot.store.Subscriber;
import org.jdbi.v3.core.Handle;

/**
 * Composes one reader's digest from a pool and enqueues it on the caller's transaction, where the caller also
 * moves the reader's cursor: both or neither. Shared by the scheduler and {@code /digest}.
 */
final class DigestWriter {

    private final DigestComposer composer;
    private final DigestLayouts layouts;
    private final Outbox outbox;
    private final int maxPerCategory;

    DigestWriter(DigestComposer composer, DigestLayouts layouts, Outbox outbox, int maxPerCategory) {
        this.composer = composer;
        this.layouts = layouts;
        this.outbox = outbox;
        this.maxPerCategory = maxPerCategory;
    }

    /**
     * Enqueues the reader's digest when anything is new and returns the cursor it covers (the pool's end); empty
     * when there is nothing new for the reader.
     */
    OptionalLong write(Handle h, Subscriber reader, List<String> categories, DigestPool pool, long[] pushed,
                       Instant now) {
        DigestPool.Pick pick = pool.pick(reader.digestCursor(), categories, pushed, maxPerCategory);
        if (pick.items().isEmpty()) {
            return OptionalLong.empty();
        }
        List<String> parts = composer.composeCounted(pick.items(), pick::unseen,
                layouts.of(reader.language(), reader.zone()));
        long cursor = Math.max(reader.digestCursor(), pool.upTo());
        // The cursor is the digest's ref: unique per reader and digest, so enqueueing it again adds nothing.
        // Parts are joined at blank lines, where the outbox splits them again: the composer's parts each fill a
        // message up to the next section's first line, so the outbox cuts exactly at the joins.
        outbox.enqueue(h, reader.chatId(), DeliveryKind.DIGEST, cursor, String.join("\n\n", parts), false, false, now);
        return OptionalLong.of(cursor);
    }
}
