package newsbot.store;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for the {@code bot_state} key/value table (e.g. the last handled update id). */
public final class BotState {

    public static final String LAST_UPDATE_ID = "last_update_id";

    public Optional<String> get(Handle h, String key) {
        return h.createQuery("SELECT value FROM bot_state WHERE key = :key").bind("key", key).mapTo(String.class).findOne();
    }

    public void put(Handle h, String key, String value) {
        h.createUpdate("INSERT INTO bot_state (key, value) VALUES (:key, :value) "
                        + "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
                .bind("key", key)
                .bind("value", value)
                .execute();
    }
}
