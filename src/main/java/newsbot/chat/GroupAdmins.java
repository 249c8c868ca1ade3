package newsbot.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a user administers a group, as Telegram's getChatMember says, remembered for {@link #TTL}: a group's
 * admins change rarely, and a busy group would otherwise cost a Bot API call per command. An unanswered question
 * is not remembered and counts as "no".
 */
final class GroupAdmins {

    static final Duration TTL = Duration.ofMinutes(1);
    private static final int MAX_ENTRIES = 10_000;

    private record Key(long chatId, long userId) {
    }

    private record Answer(boolean admin, Instant at) {
    }

    private final Bot.ChatMembers members;
    private final Clock clock;
    // Updates of one chat arrive in order on one thread, but several chats' updates may run at once.
    private final Map<Key, Answer> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Answer> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    GroupAdmins(Bot.ChatMembers members, Clock clock) {
        this.members = members;
        this.clock = clock;
    }

    boolean isAdmin(long chatId, long userId) {
        Key key = new Key(chatId, userId);
        Instant now = clock.instant();
        synchronized (cache) {
            Answer known = cache.get(key);
            if (known != null && now.isBefore(known.at().plus(TTL))) {
                return known.admin();
            }
        }
        Optional<String> status = members.status(chatId, userId);
        if (status.isEmpty()) {
            return false;
        }
        boolean admin = status.get().equals("creator") || status.get().equals("administrator");
        synchronized (cache) {
            cache.put(key, new Answer(admin, now));
        }
        return admin;
    }
}
