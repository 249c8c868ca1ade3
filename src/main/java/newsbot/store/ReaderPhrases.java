package newsbot.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A reader's list of phrases matched by morphology: followed topics ({@link FollowedTopics}, V5's
 * {@code followed_topics} + {@code topic_forms}) and muted phrases ({@link MutedPhrases}, V11's
 * {@code muted_phrases} + {@code mute_forms}) keep the same columns under two names, so one set of rules (limits,
 * numbers, "the same words") and this SQL serve both. Table and column names are the subclasses' constants, never
 * input; every value is bound.
 */
public abstract sealed class ReaderPhrases permits FollowedTopics, MutedPhrases {

    private final String table;
    private final String forms;
    private final String idColumn;

    ReaderPhrases(String table, String forms, String idColumn) {
        this.table = table;
        this.forms = forms;
        this.idColumn = idColumn;
    }

    /** The reader's phrases, oldest first: their numbers in the list a reader sees. */
    public List<Phrase> list(Handle h, long chatId) {
        return h.createQuery("SELECT id, phrase FROM " + table + " WHERE chat_id = :chat ORDER BY id")
                .bind("chat", chatId)
                .map((rs, ctx) -> new Phrase(rs.getLong(1), rs.getString(2)))
                .list();
    }

    public int count(Handle h, long chatId) {
        return h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE chat_id = :chat")
                .bind("chat", chatId)
                .mapTo(Integer.class)
                .one();
    }

    /** The reader's phrase with this key (its words' stems), whatever forms it was written in. */
    public Optional<Phrase> findByKey(Handle h, long chatId, String key) {
        return h.createQuery("SELECT id, phrase FROM " + table + " WHERE chat_id = :chat AND terms = :key")
                .bind("chat", chatId)
                .bind("key", key)
                .map((rs, ctx) -> new Phrase(rs.getLong(1), rs.getString(2)))
                .findOne();
    }

    /**
     * Adds a phrase: {@code terms} holds, per word, the forms of which one must occur. Empty when the reader
     * already has the same words ({@code key}).
     */
    public Optional<Long> add(Handle h, long chatId, String phrase, String key, List<List<String>> terms,
                              Instant now) {
        Optional<Long> id = h.createQuery("INSERT INTO " + table + " (chat_id, phrase, terms, words, created_at) "
                        + "VALUES (:chat, :phrase, :key, :words, :now) ON CONFLICT (chat_id, terms) DO NOTHING "
                        + "RETURNING id")
                .bind("chat", chatId)
                .bind("phrase", phrase)
                .bind("key", key)
                .bind("words", terms.size())
                .bind("now", now.toEpochMilli())
                .mapTo(Long.class)
                .findOne();
        id.ifPresent(phraseId -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO " + forms + " (form, " + idColumn + ", word) "
                    + "VALUES (:form, :phrase, :word) ON CONFLICT DO NOTHING");
            for (int word = 0; word < terms.size(); word++) {
                for (String form : terms.get(word)) {
                    batch.bind("form", form).bind("phrase", phraseId).bind("word", word).add();
                }
            }
            batch.execute();
        });
        return id;
    }

    /** Removes one of the reader's phrases (its forms, and what it muted, go by cascade); true when it was there. */
    public boolean remove(Handle h, long chatId, long id) {
        return h.createUpdate("DELETE FROM " + table + " WHERE id = :id AND chat_id = :chat")
                .bind("id", id)
                .bind("chat", chatId)
                .execute() == 1;
    }

    /**
     * The subquery of the ids of phrases whose words all occur among the forms bound as {@code <forms>}: the form
     * key drives the lookup, so its cost follows the article's words, not how many phrases readers have.
     */
    String matching() {
        return "SELECT t.id, t.chat_id FROM (SELECT f." + idColumn + " AS pid, COUNT(DISTINCT f.word) AS found "
                + "FROM " + forms + " f WHERE f.form IN (<forms>) GROUP BY f." + idColumn + ") m "
                + "JOIN " + table + " t ON t.id = m.pid AND t.words = m.found";
    }
}
