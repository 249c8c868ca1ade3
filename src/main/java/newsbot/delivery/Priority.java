package newsbot.delivery;

/** The order rows are sent in, as stored in the {@code priority} column (its ordinal): a lower one goes first. */
enum Priority {
    REPLY, ALERT, DIGEST, BULK;

    int level() {
        return ordinal();
    }

    static Priority ofLevel(int level) {
        return values()[level];
    }
}
