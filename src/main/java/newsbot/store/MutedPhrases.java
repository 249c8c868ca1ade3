package newsbot.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * SQL for {@code muted_phrases}, its word index {@code mute_forms} and {@code muted_articles}, the articles each
 * reader muted. Which reader muted which article is decided once, when the article is stored ({@link #markArticle})
 * or the phrase added ({@link #markArticles}); every audience then skips those pairs with one key lookup.
 */
public final class MutedPhrases extends ReaderPhrases {

    /**
     * The condition, for {@code NOT EXISTS}, that reader {@code r} muted article {@code :article}: the audience
     * queries of breaking and topic alerts share it, so a muted article goes out by neither.
     */
    static final String MUTED_ARTICLE = "SELECT 1 FROM muted_articles ma WHERE ma.chat_id = r.chat_id "
            + "AND ma.article_id = :article";

    public MutedPhrases() {
        super("muted_phrases", "mute_forms", "phrase_id");
    }


    /**
     * Records, for a newly stored article with these index forms, every reader one of whose phrases it matches
     * (all the phrase's words among the forms); returns how many pairs were recorded.
     */
    public int markArticle(Handle h, long articleId, Collection<String> forms) {
        if (forms.isEmpty()) {
            return 0;
        }
        return h.createUpdate("INSERT INTO muted_articles (chat_id, article_id, phrase_id) "
                        + "SELECT m.chat_id, :article, m.id FROM (" + matching() + ") m "
                        // WHERE: SQLite reads ON after a bare SELECT … FROM as a join's ON
                        + "WHERE true ON CONFLICT DO NOTHING")
                .bindList("forms", List.copyOf(forms))
                .bind("article", articleId)
                .execute();
    }

    /** Records that the reader muted these stored articles through this phrase. */
    public void markArticles(Handle h, long chatId, long phraseId, Collection<Long> articleIds) {
        PreparedBatch batch = h.prepareBatch("INSERT INTO muted_articles (chat_id, article_id, phrase_id) "
                + "VALUES (:chat, :article, :phrase) ON CONFLICT DO NOTHING");
        for (long id : articleIds) {
            batch.bind("chat", chatId).bind("article", id).bind("phrase", phraseId).add();
        }
        if (!articleIds.isEmpty()) {
            batch.execute();
        }
    }

    /**
     * For each of {@code chatIds}, the ids above {@code afterId} of the articles it muted, sorted ascending and
     * each once; chats without any are absent. Uses the (chat_id, article_id) prefix of the key.
     */
    public Map<Long, long[]> mutedAbove(Handle h, Collection<Long> chatIds, long afterId) {
        Map<Long, long[]> byChat = new HashMap<>();
        if (chatIds.isEmpty()) {
            return byChat;
        }
        List<long[]> pairs = h.createQuery("SELECT DISTINCT chat_id, article_id FROM muted_articles "
                        + "WHERE chat_id IN (<chats>) AND article_id > :after ORDER BY chat_id, article_id")
                .bindList("chats", List.copyOf(chatIds))
                .bind("after", afterId)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        return Rows.groupByChat(pairs);
    }
}
