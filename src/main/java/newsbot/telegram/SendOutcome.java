package newsbot.telegram;

import java.time.Duration;
import java.util.List;

/** What Telegram made of one send or edit: the caller decides what to do with each kind. */
public sealed interface SendOutcome {

    /** Telegram accepted the message; an album copy's further messages are in {@code moreMessageIds}. */
    record Delivered(long messageId, List<Long> moreMessageIds) implements SendOutcome {
        public Delivered {
            moreMessageIds = List.copyOf(moreMessageIds);
        }

        public Delivered(long messageId) {
            this(messageId, List.of());
        }
    }

    /** 429: nothing may be sent for {@code delay}. */
    record RetryAfter(Duration delay) implements SendOutcome {}

    /** 403: the user blocked the bot, was deactivated, or the bot was kicked. */
    record Blocked(String reason) implements SendOutcome {}

    /** 400 chat not found: the chat no longer exists for the bot. */
    record ChatGone(String reason) implements SendOutcome {}

    /** 400 with migrate_to_chat_id: the group became a supergroup with a new id. */
    record Migrated(long newChatId) implements SendOutcome {}

    /** Any other 4xx: the request itself is wrong (a bug); retrying cannot help. */
    record Rejected(int errorCode, String reason) implements SendOutcome {}

    /** 5xx, I/O error or timeout: worth retrying later. */
    record Transient(String reason) implements SendOutcome {}
}
