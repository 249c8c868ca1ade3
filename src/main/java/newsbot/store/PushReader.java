package newsbot.store;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A reader a breaking alert goes to, with what decides its language and whether it arrives silently.
 *
 * @param quietFrom start of quiet hours, or {@code null}
 * @param quietTo   end of quiet hours, or {@code null}
 */
public record PushReader(long chatId, String language, ZoneId zone, LocalTime quietFrom, LocalTime quietTo) {
}
