package newsbot.delivery;

/** The few columns the sender needs to choose what to send next; the rest is loaded only for the chosen row. */
record DueRow(long id, long chatId, Priority priority, long notBeforeMillis) {
}
