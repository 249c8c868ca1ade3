package newsbot.delivery;

/** What a delivery is, which fixes its priority: replies first, then alerts, digests, and bulk sends last. */
public enum DeliveryKind {
    REPLY(Priority.REPLY), BREAKING(Priority.ALERT),
    /**
     * A followed topic's alert. It shares BREAKING's once-per-reader key (chat, article, part): an article reaches
     * a reader as one alert, whichever came first.
     */
    TOPIC(Priority.ALERT),
    DIGEST(Priority.DIGEST), BROADCAST(Priority.BULK),
    /** Pinning a delivered broadcast copy. */
    PIN(Priority.BULK),
    /** Editing or deleting delivered copies of a broadcast or an alert. */
    CORRECTION(Priority.BULK);

    private final Priority priority;

    DeliveryKind(Priority priority) {
        this.priority = priority;
    }

    Priority priority() {
        return priority;
    }
}
