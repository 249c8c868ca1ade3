package newsbot.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL for {@code followed_topics} and its word index {@code topic_forms}: readers' topics and who an article matches. */
public final class FollowedTopics {

    /** A reader's topic as they wrote it. */
    public record Topic(long id, String phrase) {
    }

    /**
     * A reader one of whose topics an article matches, with what the alert depends on; zone and quiet hours as
     * stored text, parsed by the caller, as for breaking alerts.
     */
    public record Match(long chatId, String phrase, String language, String timeZone, String quietFrom,
                        String quietTo) {
    }

    /** The reader's topics, oldest first: their numbers in {@code /following}. */
    public List<Topic> list(Handle h, long chatId) {
        return h.createQuery("SELECT id, phrase FROM followed_topics WHERE chat_id = :chat ORDER BY id")
                .bind("chat", chatId)
                .map((rs, ctx) -> new Topic(rs.getLong(1), rs.getString(2)))
                .list();
    }

    public int count(Handle h, long chatId) {
        return h.createQuery("SELECT COUNT(*) FROM followed_topics WHERE chat_id = :chat")
                .bind("chat", chatId)
                .mapTo(Integer.class)
                .one();
    }

    /** The reader's topic with this key (its words' stems), whatever forms it was written in. */
    public Optional<Topic> findByKey(Handle h, long chatId, String key) {
        return h.createQuery("SELECT id, phrase FROM followed_topics WHERE chat_id = :chat AND terms = :key")
                .bind("chat", chatId)
                .bind("key", key)
                .map((rs, ctx) -> new Topic(rs.getLong(1), rs.getString(2)))
                .findOne();
    }

    /**
     * Adds a topic: {@code terms} holds, per word, the forms of which one must occur. Empty when the reader
     * already follows the same words ({@code key}).
     */
    public Optional<Long> add(Handle h, long chatId, String phrase, String key, List<List<String>> terms, Instant now) {
        Optional<Long> id = h.createQuery("INSERT INTO followed_topics (chat_id, phrase, terms, words, created_at) "
                        + "VALUES (:chat, :phrase, :key, :words, :now) ON CONFLICT (chat_id, terms) DO NOTHING "
                        + "RETURNING id")
                .bind("chat", chatId)
                .bind("phrase", phrase)
                .bind("key", key)
                .bind("words", terms.size())
                .bind("now", now.toEpochMilli())
                .mapTo(Long.class)
                .findOne();
        id.ifPresent(topic -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO topic_forms (form, topic_id, word) "
                    + "VALUES (:form, :topic, :word) ON CONFLICT DO NOTHING");
            for (int word = 0; word < terms.size(); word++) {
                for (String form : terms.get(word)) {
                    batch.bind("form", form).bind("topic", topic).bind("word", word).add();
                }
            }
            batch.execute();
        });
        return id;
    }

    /** Removes one of the reader's topics (its forms go by cascade); true when it was there. */
    public boolean remove(Handle h, long chatId, long topicId) {
        return h.createUpdate("DELETE FROM followed_topics WHERE id = :id AND chat_id = :chat")
                .bind("id", topicId)
                .bind("chat", chatId)
                .execute() == 1;
    }

    /**
     * Calls {@code each} for every topic of an ACTIVE reader whose words all occur among {@code forms} (an
     * article's index forms), unless the reader already has a BREAKING delivery of {@code articleId}: topic alerts
     * share that key, so a reader gets an article once, as breaking or as a topic. Rows come grouped by chat,
     * oldest topic first, streamed.
     */
    public void forEachMatch(Handle h, long articleId, Collection<String> forms, Consumer<Match> each) {
        if (forms.isEmpty()) {
            return;
        }
        // topic_forms' key (form, topic_id, word) drives the lookup; a topic matches when every word was found.
        h.createQuery("SELECT t.chat_id, t.phrase, r.language, r.time_zone, r.quiet_from, r.quiet_to FROM "
                        + "(SELECT f.topic_id, COUNT(DISTINCT f.word) AS found FROM topic_forms f "
                        + "WHERE f.form IN (<forms>) GROUP BY f.topic_id) m "
                        + "JOIN followed_topics t ON t.id = m.topic_id AND t.words = m.found "
                        + "JOIN subscribers r ON r.chat_id = t.chat_id "
                        + "WHERE r.status = 'ACTIVE' "
                        + "ORDER BY t.chat_id, t.id")
                .bindList("forms", List.copyOf(forms))
                .bind("article", articleId)
                .setFetchSize(5000)
                .map((rs, ctx) -> new Match(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .useStream(stream -> stream.forEach(each));
    }
}
