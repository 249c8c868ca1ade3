package newsbot.store;

/**
 * What a campaign sends: an announcement to readers, or a fix or a withdrawal of what was sent. Broadcasts live in
 * {@code broadcasts}; corrections and retractions in {@code corrections}, whose {@code action} column names them.
 */
public enum CampaignKind {
    BROADCAST(CampaignTable.BROADCASTS, "broadcast"),
    CORRECTION(CampaignTable.CORRECTIONS, "correct"),
    RETRACTION(CampaignTable.CORRECTIONS, "retract");

    private final CampaignTable table;
    private final String stored;

    CampaignKind(CampaignTable table, String stored) {
        this.table = table;
        this.stored = stored;
    }

    public CampaignTable table() {
        return table;
    }

    /** The value of {@code corrections.action} for this kind (and a name for logs). */
    public String stored() {
        return stored;
    }

    static CampaignKind ofAction(String action) {
        for (CampaignKind k : values()) {
            if (k.stored.equals(action) && k.table == CampaignTable.CORRECTIONS) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown correction action " + action);
    }
}
