package newsbot.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import newsbot.config.Category;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.DeliveryRetention;
import newsbot.delivery.DeliveryState;
import newsbot.delivery.Outbox;
import newsbot.store.Database;
import newsbot.store.Tips;
import newsbot.store.FollowedTopics;
import newsbot.store.MutedPhrases;
import newsbot.store.Phrase;
import newsbot.store.ReaderPhrases;
import newsbot.store.Searches;
import newsbot.store.Subscribers;
import newsbot.store.Subscriptions;
import org.jdbi.v3.core.Handle;

/**
 * Everything the bot stores about one chat, in one place: {@code /mydata} exports it as JSON, {@code /forget}
 * erases it. A table that gains a chat's data must be added to both here.
 */
final class ReaderData {

    /** Columns of the reader's row holding epoch milliseconds, shown as ISO instants. */
    private static final Set<String> TIMES = Set.of("created_at", "updated_at", "last_digest_at", "first_digest_at");

    private final Database db;
    private final Subscribers subscribers = new Subscribers();
    private final Subscriptions subscriptions = new Subscriptions();
    private final FollowedTopics topics = new FollowedTopics();
    private final MutedPhrases mutes = new MutedPhrases();
    private final Searches searches = new Searches();
    private final Outbox outbox;
    private final List<Category> categories;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Tips tips = new Tips();

    ReaderData(Database db, Outbox outbox, List<Category> categories, Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.categories = List.copyOf(categories);
        this.clock = clock;
    }

    /** The chat's data as UTF-8 JSON; empty when the bot stores nothing about it. */
    Optional<byte[]> export(long chatId, String language) {
        return db.withHandle(h -> subscribers.storedRow(h, chatId).map(row -> {
            ObjectNode root = mapper.createObjectNode();
            root.put("chat_id", chatId);
            root.put("exported_at", clock.instant().toString());
            Object joined = row.get("created_at");
            if (joined instanceof Number millis) {
                root.put("joined_at", Instant.ofEpochMilli(millis.longValue()).toString());
            }
            root.put("language", String.valueOf(row.get("language")));
            root.put("time_zone", String.valueOf(row.get("time_zone")));
            root.set("settings", settings(row));
            root.set("categories", categories(h, chatId, language));
            root.set("followed_topics", phrases(h, topics, chatId));
            root.set("muted_phrases", phrases(h, mutes, chatId));
            ArrayNode queries = root.putArray("recent_searches");
            for (Searches.Kept kept : searches.ofChat(h, chatId)) {
                queries.addObject().put("query", kept.query()).put("at", kept.at().toString());
            }
            root.set("messages", deliveries(h, chatId));
            try {
                return mapper.writeValueAsBytes(root);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("cannot write the data of chat " + chatId, e);
            }
        }));
    }

    /**
     * Erases the chat inside the caller's transaction: its row (its categories, topics, muted phrases and muted
     * articles go with it), its searches, its tips to the editors, and everything queued for it, replies included. What stays: finished
     * deliveries until they expire, and counts that name no one.
     */
    void erase(Handle h, long chatId) {
        outbox.cancelEverythingForChat(h, chatId, "the chat asked to be forgotten");
        searches.deleteChat(h, chatId);
        tips.eraseChat(h, chatId);
        subscribers.delete(h, chatId);
    }

    private ObjectNode settings(Map<String, Object> row) {
        ObjectNode settings = mapper.createObjectNode();
        row.forEach((column, value) -> {
            if (value == null) {
                settings.putNull(column);
            } else if (TIMES.contains(column) && value instanceof Number millis) {
                settings.put(column, Instant.ofEpochMilli(millis.longValue()).toString());
            } else if (value instanceof Number number) {
                settings.put(column, number.longValue());
            } else {
                settings.put(column, value.toString());
            }
        });
        return settings;
    }

    private ArrayNode categories(Handle h, long chatId, String language) {
        List<String> breaking = subscriptions.breakingCategoriesOf(h, chatId);
        ArrayNode list = mapper.createArrayNode();
        for (String slug : subscriptions.categoriesOf(h, chatId)) {
            ObjectNode category = list.addObject().put("slug", slug);
            categories.stream().filter(c -> c.slug().equals(slug)).findFirst()
                    .ifPresent(c -> category.put("name", c.displayName(language)));
            category.put("breaking_alerts", breaking.contains(slug));
        }
        return list;
    }

    private ArrayNode phrases(Handle h, ReaderPhrases store, long chatId) {
        ArrayNode list = mapper.createArrayNode();
        for (Phrase phrase : store.list(h, chatId)) {
            list.add(phrase.phrase());
        }
        return list;
    }

    private ObjectNode deliveries(Handle h, long chatId) {
        ObjectNode messages = mapper.createObjectNode();
        messages.put("kept_days", DeliveryRetention.KEEP.toDays());
        ObjectNode counts = messages.putObject("by_kind_and_state");
        for (Map.Entry<DeliveryKind, Map<DeliveryState, Integer>> kind : outbox.countsForChat(h, chatId).entrySet()) {
            ObjectNode states = counts.putObject(kind.getKey().name().toLowerCase(java.util.Locale.ROOT));
            kind.getValue().forEach((state, n) -> states.put(state.name().toLowerCase(java.util.Locale.ROOT), n));
        }
        return messages;
    }
}
