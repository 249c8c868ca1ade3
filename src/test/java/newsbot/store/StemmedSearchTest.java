package newsbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** {@code /search}'s SQL over the stemmed index, on a real SQLite file: inflected queries find their articles. */
class StemmedSearchTest {

    private static final Instant NOW = Instant.parse("2026-03-07T12:00:00Z");
    private final Articles articles = new Articles();

    @TempDir
    Path dir;

    private static void insert(Handle h, String title, String summary, Instant published) {
        // the production path: SQLite's triggers index it, on PostgreSQL Articles writes the stemmed text itself
        new Articles().insertIfNew(h, new NewArticle("f", title, "https://x.example/a", title, summary, null,
                published, published, false));
    }

    private List<String> search(Database db, String query) {
        return db.withHandle(h -> articles.search(h, FtsQuery.of(query).orElseThrow(), NOW, 10)).stream()
                .map(ArticleRow::title).toList();
    }

    private static void fixtures(Handle h) {
        insert(h, "Выборы в Жогорку Кенеш назначены на осень", "ЦИК утвердил календарь", NOW.minusSeconds(3600));
        insert(h, "В Бишкеке открыли новую школу", "Мэрия сообщила о сроках", NOW.minusSeconds(7200));
        insert(h, "Курс доллара вырос", "Нацбанк провёл интервенцию", NOW.minusSeconds(600));
        insert(h, "Central bank raises rates", "Inflation is running high", NOW.minusSeconds(900));
        insert(h, "Футболисты выиграли кубок", "Сборная Кыргызстана сыграла в Оше", NOW.minusSeconds(300));
    }

    @Test
    void inflectedQueriesFindTheirArticles() {
        Database db = newsbot.testing.TestDatabases.open(dir.resolve("s.db"));
        db.useTransaction(StemmedSearchTest::fixtures);

        assertThat(search(db, "выборах")).containsExactly("Выборы в Жогорку Кенеш назначены на осень");
        assertThat(search(db, "выборов в Жогорку Кенеше")).hasSize(1);
        assertThat(search(db, "Бишкек")).containsExactly("В Бишкеке открыли новую школу");
        assertThat(search(db, "новая школа")).containsExactly("В Бишкеке открыли новую школу");
        assertThat(search(db, "мэрии сообщили")).containsExactly("В Бишкеке открыли новую школу");
        assertThat(search(db, "доллар")).containsExactly("Курс доллара вырос");
        assertThat(search(db, "курсом долларов")).containsExactly("Курс доллара вырос");
        assertThat(search(db, "выиграл")).containsExactly("Футболисты выиграли кубок");
        assertThat(search(db, "Кыргызстан Ош")).containsExactly("Футболисты выиграли кубок");
        assertThat(search(db, "rate")).containsExactly("Central bank raises rates");
        assertThat(search(db, "banks run")).containsExactly("Central bank raises rates");
        assertThat(search(db, "ошибка")).isEmpty();
        assertThat(search(db, "курс евро")).isEmpty();
        // readers who type the start of a word still find it
        assertThat(search(db, "футбол")).containsExactly("Футболисты выиграли кубок");
    }

    @Test
    void aLoneCombiningMarkIsNoWordAndAWordWithOneStillFinds() {
        Database db = newsbot.testing.TestDatabases.open(dir.resolve("m.db"));
        db.useTransaction(StemmedSearchTest::fixtures);
        // PostgreSQL folds a mark away and was left with '' in the tsquery: a syntax error, not "nothing found"
        assertThat(FtsQuery.of("\u0301")).isEmpty();
        assertThat(FtsQuery.of("\u0301\u0308 \u20dd")).isEmpty();
        assertThat(search(db, "выборах \u0301")).containsExactly("Выборы в Жогорку Кенеш назначены на осень");
    }

    @Test
    void pagesFollowOneAnother() {
        Database db = newsbot.testing.TestDatabases.open(dir.resolve("p.db"));
        db.useTransaction(h -> {
            for (int i = 0; i < 25; i++) {
                insert(h, "Курс доллара, выпуск " + i, "", NOW.minusSeconds(60L * i));
            }
        });
        String match = FtsQuery.of("доллары").orElseThrow();
        List<Long> first = db.withHandle(h -> articles.search(h, match, NOW, 10, 0)).stream().map(ArticleRow::id).toList();
        List<Long> second = db.withHandle(h -> articles.search(h, match, NOW, 10, 10)).stream().map(ArticleRow::id).toList();
        List<Long> third = db.withHandle(h -> articles.search(h, match, NOW, 10, 20)).stream().map(ArticleRow::id).toList();
        assertThat(first).hasSize(10).doesNotContainAnyElementsOf(second);
        assertThat(second).hasSize(10).doesNotContainAnyElementsOf(third);
        assertThat(third).hasSize(5);
    }

    @Test
    void theMigrationReindexesADatabaseIndexedAsWritten() {
        Path file = dir.resolve("old.db");
        // A database as the previous version left it: migrated to V2, articles indexed unstemmed.
        SQLiteDataSource plain = new SQLiteDataSource();
        plain.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        Flyway.configure().dataSource(plain).locations("classpath:db/migration").target("2").load().migrate();
        Jdbi.create(plain).useTransaction(StemmedSearchTest::fixtures);
        int stemmedBefore = Jdbi.create(plain).withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH '\"выбор\"'").mapTo(Integer.class).one());
        assertThat(stemmedBefore).isZero();

        Database db = newsbot.testing.TestDatabases.open(file);

        assertThat(search(db, "выборах")).containsExactly("Выборы в Жогорку Кенеш назначены на осень");
        assertThat(search(db, "Бишкек")).containsExactly("В Бишкеке открыли новую школу");
        // the triggers stem what is written after the migration, and forget what is deleted
        db.useTransaction(h -> insert(h, "Доллар подешевел", "", NOW));
        assertThat(search(db, "долларом")).containsExactly("Доллар подешевел", "Курс доллара вырос");
        db.useTransaction(h -> h.execute("DELETE FROM articles WHERE title = 'Доллар подешевел'"));
        assertThat(search(db, "долларом")).containsExactly("Курс доллара вырос");
    }
}
