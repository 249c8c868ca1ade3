package newsbot.store;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A reader (a private chat) or a group that uses the bot, with its preferences.
 *
 * @param quietFrom start of quiet hours, or {@code null} when the reader has none
 * @param quietTo   end of quiet hours, or {@code null} when the reader has none
 */
public record Subscriber(
        long chatId,
        Long userId,
        String chatType,
        String language,
        ZoneId zone,
        List<LocalTime> digestTimes,
        boolean breakingOn,
        LocalTime quietFrom,
        LocalTime quietTo,
        SubscriberStatus status,
        long digestCursor,
        Instant lastDigestAt,
        Instant createdAt,
        Instant updatedAt) {

    public Subscriber {
        digestTimes = List.copyOf(digestTimes);
    }

    public boolean isGroup() {
        return !"private".equals(chatType);
    }

    /** A channel the bot posts to for the site: nobody there can send it a command. */
    public boolean isChannel() {
        return "channel".equals(chatType);
    }

    public boolean hasQuietHours() {
        return quietFrom != null && quietTo != null;
    }
}
