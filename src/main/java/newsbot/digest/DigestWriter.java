package newsbot.digest;


import java.util.List;
import java.util.Optional;
import newsbot.delivery.Outbox;
import newsbot.messages.DigestComposer;
import newsbot.store.Subscriber;

/** Composes one reader's digest from a pool, as one outbox message; shared by the scheduler and {@code /digest}. */
final class DigestWriter {

    private final DigestComposer composer;
    private final DigestLayouts layouts;
    private final int maxPerCategory;

    DigestWriter(DigestComposer composer, DigestLayouts layouts, int maxPerCategory) {
        this.composer = composer;
        this.layouts = layouts;
        this.maxPerCategory = maxPerCategory;
    }

    /**
     * The reader's digest, or empty when nothing is new for them. Its ref is the cursor it covers (the pool's end),
     * unique per reader and digest, so enqueueing it again adds nothing; the caller moves the reader's cursor
     * there in the transaction that enqueues it.
     */
    Optional<Outbox.Message> compose(Subscriber reader, List<String> categories, DigestPool pool, long[] pushed) {
        DigestPool.Pick pick = pool.pick(reader.digestCursor(), categories, pushed, maxPerCategory);
        if (pick.items().isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = composer.composeCounted(pick.items(), pick::unseen,
                layouts.of(reader.language(), reader.zone(), reader.isChannel()));
        long cursor = Math.max(reader.digestCursor(), pool.upTo());
        // Parts are joined at blank lines, where the outbox splits them again: the composer's parts each fill a
        // message up to the next section's first line, so the outbox cuts exactly at the joins.
        String html = parts.size() == 1 ? parts.get(0) : String.join("\n\n", parts);
        return Optional.of(new Outbox.Message(reader.chatId(), cursor, html));
    }
}
