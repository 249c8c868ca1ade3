package newsbot.feed;

/**
 * The cache validators of a previous response, sent back as {@code If-None-Match} / {@code If-Modified-Since}.
 *
 * @param etag         the {@code ETag} header verbatim, or null
 * @param lastModified the {@code Last-Modified} header verbatim, or null
 */
public record Validators(String etag, String lastModified) {

    /** No previous response: an unconditional GET. */
    public static final Validators NONE = new Validators(null, null);

    public Validators {
        etag = blankToNull(etag);
        lastModified = blankToNull(lastModified);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
