package newsbot.store;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/** SQL for {@code followed_topics} and its word index {@code topic_forms}: readers' topics and who an article matches. */
public final class FollowedTopics extends ReaderPhrases {

    /**
     * A reader one of whose topics an article matches, with what the alert depends on; zone and quiet hours as
     * stored text, parsed by the caller, as for breaking alerts.
     */
    public record Match(long chatId, String phrase, String language, String timeZone, String quietFrom,
                        String quietTo) {
    }

    public FollowedTopics() {
        super("followed_topics", "topic_forms", "topic_id");
    }

    /**
     * Calls {@code each} for every topic of an ACTIVE reader whose words all occur among {@code forms} (an
     * article's index forms), unless the reader muted the article ({@link MutedPhrases}): mute beats follow. Rows
     * come grouped by chat, oldest topic first, streamed.
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
                        + "WHERE r.status = 'ACTIVE' AND NOT EXISTS (" + MutedPhrases.MUTED_ARTICLE + ") "
                        + "ORDER BY t.chat_id, t.id")
                .bindList("forms", List.copyOf(forms))
                .bind("article", articleId)
                .setFetchSize(5000)
                .map((rs, ctx) -> new Match(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .useStream(stream -> stream.forEach(each));
    }
}
