package newsbot.telegram;

import java.time.Instant;
import java.util.Optional;

/**
 * What the last getUpdates calls showed, for the health check.
 *
 * @param lastAnswer when Telegram last answered a poll at all (any HTTP status)
 * @param lastOk     when a poll last came back 200: the update loop works
 * @param state      {@code ok}, {@code conflict}, {@code unauthorized}, {@code unreachable}, {@code status-NNN}
 */
public record PollingStatus(Optional<Instant> lastAnswer, Optional<Instant> lastOk, String state) {
}
