package newsbot.chat;

/**
 * Neither an update's effects nor an apology for it could be committed: the database refuses writes. The update
 * is not confirmed to Telegram; the consumer asks for it again after a pause and handles it once writes go through.
 */
final class UpdateNotStored extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UpdateNotStored(long updateId, Throwable cause) {
        super("update " + updateId + " could not be stored: " + cause, cause, false, false);
    }
}
