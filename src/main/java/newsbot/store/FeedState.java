package newsbot.store;

import java.time.Instant;

/**
 * One row of the {@code feeds} table: where a feed is, what to send for a conditional GET, and its health.
 *
 * @param etag          the last good response's ETag, or null
 * @param lastModified  the last good response's Last-Modified, or null
 * @param lastAttemptAt null until the first attempt
 * @param lastSuccessAt null until the first success
 * @param lastStatus    the HTTP status of the last attempt, null when there was none (timeout, refused...)
 * @param itemsSeen     items in the last parsed document
 * @param failures      consecutive failed attempts; 0 when the feed is healthy
 * @param lastError     one line describing the last failure, null after a success
 * @param initialized   whether a first successful fetch has been stored (its items pushed to no one)
 */
public record FeedState(String feedId, String url, String etag, String lastModified, Instant nextFetchAt,
                        Instant lastAttemptAt, Instant lastSuccessAt, Integer lastStatus, int itemsSeen, int failures,
                        String lastError, boolean initialized) {

    public boolean isFailing() {
        return failures > 0;
    }
}
