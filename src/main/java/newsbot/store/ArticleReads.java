package newsbot.store;

import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The article_reads table: "Read in Telegram" counted per article and UTC day, nothing about the reader. */
public final class ArticleReads {

    /** An article among the day's most read. */
    public record TopRead(long articleId, String title, String url, int reads) {
    }

    public void count(Handle h, long articleId, LocalDate day) {
        h.createUpdate("INSERT INTO article_reads (article_id, day, reads) VALUES (:article, :day, 1) "
                        + "ON CONFLICT (article_id, day) DO UPDATE SET reads = article_reads.reads + 1")
                .bind("article", articleId)
                .bind("day", day.toString())
                .execute();
    }

    /** The day's most read articles, most read first (ties: the newer article first). */
    public List<TopRead> top(Handle h, LocalDate day, int limit) {
        return h.createQuery("SELECT r.article_id, a.title, a.url, r.reads FROM article_reads r "
                        + "JOIN articles a ON a.id = r.article_id WHERE r.day = :day "
                        + "ORDER BY r.reads DESC, r.article_id DESC LIMIT :limit")
                .bind("day", day.toString())
                .bind("limit", limit)
                .map((rs, ctx) -> new TopRead(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    /** Reads counted on {@code day}. */
    public int onDay(Handle h, LocalDate day) {
        return h.createQuery("SELECT COALESCE(SUM(reads), 0) FROM article_reads WHERE day = :day")
                .bind("day", day.toString())
                .mapTo(Integer.class)
                .one();
    }

    /** Every read counted and still kept (articles past retention take theirs along). */
    public long total(Handle h) {
        return h.createQuery("SELECT COALESCE(SUM(reads), 0) FROM article_reads").mapTo(Long.class).one();
    }
}
