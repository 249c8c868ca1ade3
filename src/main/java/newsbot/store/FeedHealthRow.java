package newsbot.store;

import java.time.Instant;

/**
 * A feed's health as stored by the poller, plus how many of its articles arrived recently.
 *
 * @param lastSuccessAt when it last fetched fine, or {@code null} if never
 * @param lastAttemptAt when it was last tried, or {@code null} if never
 * @param failures      consecutive failed fetches
 * @param lastError     the last failure's one-line reason, or {@code null}
 * @param recentItems   articles fetched from it since the time the caller asked about
 */
public record FeedHealthRow(String feedId, String url, Instant lastSuccessAt, Instant lastAttemptAt, int failures,
                            String lastError, int recentItems) {
}
