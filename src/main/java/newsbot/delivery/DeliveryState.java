package newsbot.delivery;

/** Where an outbox row stands. Only PENDING rows are ever sent; the others are final. */
public enum DeliveryState {
    PENDING, SENT, FAILED, CANCELLED
}
