package newsbot.chat;

import java.time.Instant;

/**
 * The digest a reader asks for ({@code /digest}, the first-digest button), as the digest job provides it; chat
 * asks through this so that it never depends on the job itself.
 */
public interface OnDemandDigests {

    /** What asking for a digest now came to. */
    enum Result {
        /** Enqueued: the digest is its own answer. */
        SENT,
        /** Nothing arrived since the reader's last digest. */
        NOTHING_NEW,
        /** The reader chose no category. */
        NO_CATEGORIES
    }

    /** Composes and enqueues the reader's digest now; it counts as delivered. */
    Result sendNow(long chatId, Instant now);

    /** Whether the reader has had no digest yet: theirs is then "what's new today". */
    boolean noDigestYet(long chatId);
}
