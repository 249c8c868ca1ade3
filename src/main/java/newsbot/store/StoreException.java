package newsbot.store;

/** The database could not be opened, migrated or used; the message is one line for operators. */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
