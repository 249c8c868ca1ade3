package newsbot.store;

/** The few columns the dispatcher needs to choose what to send next; the text is loaded only for the chosen row. */
public record DueDelivery(long id, long chatId, int priority, long notBeforeMillis) {
}
