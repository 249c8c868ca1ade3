package newsbot.delivery;

/** What a delivery is, which fixes its priority: a lower number is sent first. */
public enum DeliveryKind {
    REPLY(0), BREAKING(1), DIGEST(2), BROADCAST(3),
    /** Pinning a delivered broadcast copy. */
    PIN(3),
    /** Editing or deleting delivered copies of a broadcast or an alert. */
    CORRECTION(3);

    private final int priority;

    DeliveryKind(int priority) {
        this.priority = priority;
    }

    public int priority() {
        return priority;
    }
}
