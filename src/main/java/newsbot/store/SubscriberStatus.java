package newsbot.store;

/** Whether a reader receives pushes. */
public enum SubscriberStatus {
    ACTIVE, PAUSED, STOPPED, BLOCKED
}
