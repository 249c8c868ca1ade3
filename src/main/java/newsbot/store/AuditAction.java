package newsbot.store;

/** What an editor (or the site) did, one kind per row of the audit trail; stored by name. */
public enum AuditAction {
    BROADCAST_DRAFTED,
    BROADCAST_SENT,
    BROADCAST_SCHEDULED,
    PAUSED,
    RESUMED,
    CANCELLED,
    APPROVED,
    REJECTED,
    CORRECTION,
    RETRACTION,
    BREAKING_PUSH,
    PAID_SEND,
    CHANNEL_PAUSED,
    CHANNEL_RESUMED,
    PUSH_RECEIVED,
    WEBSUB_RECEIVED
}
