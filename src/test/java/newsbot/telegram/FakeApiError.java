package newsbot.telegram;

/** An {@code ok:false} answer of the fake, thrown from a method handler and turned into JSON by the handler. */
final class FakeApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int code;
    final String description;
    final Integer retryAfter;
    final Long migrateToChatId;

    FakeApiError(int code, String description, Integer retryAfter, Long migrateToChatId) {
        // Expected answers, not bugs: no stack trace.
        super(description, null, false, false);
        this.code = code;
        this.description = description;
        this.retryAfter = retryAfter;
        this.migrateToChatId = migrateToChatId;
    }

    static FakeApiError badRequest(String description) {
        String text = description.startsWith("Bad Request: ") ? description : "Bad Request: " + description;
        return new FakeApiError(400, text, null, null);
    }

    static FakeApiError forbidden(String description) {
        return new FakeApiError(403, "Forbidden: " + description, null, null);
    }

    static FakeApiError tooManyRequests(int retryAfterSeconds) {
        return new FakeApiError(429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds, null);
    }

    static FakeApiError migrated(long newChatId) {
        return new FakeApiError(400, "Bad Request: group chat was upgraded to a supergroup chat", null, newChatId);
    }
}
