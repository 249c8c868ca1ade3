package newsbot.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import newsbot.messages.DigestItem;
import newsbot.store.ArticleRow;
import newsbot.store.Articles;
import newsbot.store.Database;

/** Article reads for {@code /latest} and {@code /search}, as the composer's items. */
final class News {

    private final Database db;
    private final Articles articles;

    public News(Database db, Articles articles) {
        this.db = db;
        this.articles = articles;
    }

    /** One stored article, by id (a link to the bot naming it). */
    public java.util.Optional<DigestItem> article(long id) {
        return db.withHandle(h -> articles.findForPush(h, id)).map(a -> new DigestItem(a.id(), a.title(), a.url(),
                a.summary(), a.category() == null ? "" : a.category(), a.publishedAt()));
    }

    /** The newest {@code limit} articles of {@code category}, or of all when it is null. */
    List<DigestItem> latest(String category, int limit) {
        return items(db.withHandle(h -> articles.latest(h, category, limit)));
    }

    /** The best {@code limit} matches of an FTS5 expression from {@code FtsQuery}. */
    List<DigestItem> search(String match, Instant now, int limit) {
        return search(match, now, limit, 0);
    }

    /** Matches from the {@code offset}-th on: a later page. */
    List<DigestItem> search(String match, Instant now, int limit, int offset) {
        return items(db.withHandle(h -> articles.search(h, match, now, limit, offset)));
    }

    private static List<DigestItem> items(List<ArticleRow> rows) {
        List<DigestItem> items = new ArrayList<>(rows.size());
        for (ArticleRow r : rows) {
            items.add(new DigestItem(r.id(), r.title(), r.url(), r.summary(), r.category(), r.publishedAt()));
        }
        return items;
    }
}
