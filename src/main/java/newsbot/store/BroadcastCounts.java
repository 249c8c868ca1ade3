package newsbot.store;

/**
 * A broadcast's deliveries by outcome.
 *
 * @param enqueued  rows in the outbox for it, whatever their state
 * @param blocked   cancelled because the reader blocked the bot or the chat is gone
 * @param cancelled cancelled for any other reason (the admin cancelled the broadcast)
 */
public record BroadcastCounts(int enqueued, int sent, int failed, int pending, int blocked, int cancelled) {

    /** Rows that reached an end: sent, failed, blocked or cancelled. */
    public int finished() {
        return enqueued - pending;
    }
}
