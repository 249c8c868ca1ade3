package newsbot.config;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * One of the site's own channels (or a forum topic of a supergroup) the operator configured as a target.
 *
 * @param id         the {@code <id>} of its {@code channel.<id>.*} keys
 * @param chat       {@code @username} or the numeric chat id as text
 * @param categories slugs whose articles it gets (all configured ones when the key is absent)
 * @param threadId   the forum topic to post into, or {@code null}
 */
public record ChannelConfig(String id, String chat, List<String> categories, boolean breaking,
                            List<LocalTime> digestTimes, ZoneId zone, String language, boolean silent,
                            Integer threadId) {

    public ChannelConfig {
        categories = List.copyOf(categories);
        digestTimes = List.copyOf(digestTimes);
    }

    /** The numeric chat id when {@link #chat} is one; a {@code @username} must be resolved with getChat. */
    public java.util.OptionalLong numericChatId() {
        return chat.startsWith("@") ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(Long.parseLong(chat));
    }
}
