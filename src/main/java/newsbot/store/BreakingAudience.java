package newsbot.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/** SQL that finds who gets a breaking alert: one query over subscriptions, subscribers and deliveries. */
public final class BreakingAudience {

    /**
     * A reader to alert, with what the message depends on. Zone and quiet hours are the stored text, parsed by the
     * caller, so one odd row cannot fail the transaction that stores the article.
     *
     * @param quietFrom "HH:MM" or null
     * @param quietTo   "HH:MM" or null
     */
    public record Reader(long chatId, String language, String timeZone, String quietFrom, String quietTo) {
    }

    /**
     * Calls {@code each} once per ACTIVE reader with breaking alerts on who follows any of {@code categories};
     * streamed, so 100,000 readers never sit in memory as rows. Readers who already have the alert are not left
     * out here: the outbox's unique key (chat, BREAKING, article, part) makes enqueueing it again a no-op.
     * Nobody, if the article first went out as breaking before {@code deliveriesKeptSince}: the deliveries that
     * said who got it may be forgotten, and "at most once per reader" must not depend on them.
     */
    public void forEachReader(Handle h, long articleId, Collection<String> categories, Instant deliveriesKeptSince,
                              Consumer<Reader> each) {
        if (categories.isEmpty()) {
            return;
        }
        // subscriptions_category (category, chat_id) drives the join; DISTINCT folds readers of several categories.
        h.createQuery("SELECT DISTINCT r.chat_id, r.language, r.time_zone, r.quiet_from, r.quiet_to "
                        + "FROM subscriptions s JOIN subscribers r ON r.chat_id = s.chat_id "
                        + "WHERE s.category IN (<categories>) AND r.status = 'ACTIVE' AND r.breaking_on = 1 "
                        + "AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = :article "
                        + "AND a.breaking_pushed_at < :kept)")
                .bindList("categories", List.copyOf(categories))
                .bind("article", articleId)
                .bind("kept", deliveriesKeptSince.toEpochMilli())
                .setFetchSize(5000)
                .map((rs, ctx) -> new Reader(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .useStream(stream -> stream.forEach(each));
    }
}
