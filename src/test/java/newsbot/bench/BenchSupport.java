package newsbot.bench;

import newsbot.testing.PostgresServer;
import newsbot.testing.TestConfig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import newsbot.config.BotConfig;
import newsbot.config.Category;
import newsbot.config.FeedSource;
import newsbot.store.Database;

/** Configuration, documents, a clock and statistics shared by the benchmarks. */
final class BenchSupport {

    static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");

    private BenchSupport() {
    }

    /**
     * The database a benchmark measures, chosen once for all of them with {@code -Dbench.db=sqlite} (the default)
     * or {@code -Dbench.db=postgresql}: the same benchmark code then runs against a file in the benchmark's temp
     * directory or against a database of its own on the tests' throw-away PostgreSQL server
     * ({@link PostgresServer}: the machine's PostgreSQL binaries, another process on loopback, fsync off).
     */
    enum Backend {
        SQLITE("SQLite"),
        POSTGRESQL("PostgreSQL");

        private final String label;

        Backend(String label) {
            this.label = label;
        }

        static Backend chosen() {
            String value = System.getProperty("bench.db", "sqlite");
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "sqlite" -> SQLITE;
                case "postgresql", "postgres" -> POSTGRESQL;
                default -> throw new IllegalArgumentException("bench.db must be sqlite or postgresql, not " + value);
            };
        }

        /** A new, migrated database for {@code name}: {@code dir/name.db}, or a new database on the server. */
        Database open(Path dir, String name) {
            if (this == SQLITE) {
                return Database.open(dir.resolve(name + ".db"));
            }
            PostgresServer server = PostgresServer.shared();
            return server.open(server.newEmptyDatabaseUrl());
        }

        /**
         * After a benchmark's bulk load: a database that has run a while has planner statistics (autovacuum's
         * analyze), one loaded a second ago has none, and PostgreSQL then plans a lookup by chat id as a scan of
         * every breaking alert (72 ms for a page of 500 digest readers instead of 5 ms). SQLite needs nothing: it
         * plans from the schema alone unless ANALYZE was ever run, and the app never runs it.
         */
        void analyze(Database db) {
            if (this == POSTGRESQL) {
                db.withHandle(h -> h.execute("ANALYZE"));
            }
        }

        /** CPU the database used outside this process so far: none for SQLite, which runs inside it. */
        Duration serverCpu() {
            return this == SQLITE ? Duration.ZERO : PostgresServer.shared().cpu();
        }

        String label() {
            return label;
        }

        /** One line for a benchmark's output: which database, and where it runs. */
        String describe() {
            return this == SQLITE ? "SQLite (a file, in this process, WAL, synchronous=NORMAL)"
                    : "PostgreSQL " + PostgresServer.shared().version() + " on 127.0.0.1:" + PostgresServer.shared().port()
                    + " (another process on the same CPUs, fsync off, as the tests start it)";
        }
    }

    static BotConfig config(Path dir, List<FeedSource> feeds) {
        List<Category> categories = List.of(new Category("society", "Общество", "Society", List.of()),
                new Category("politics", "Политика", "Politics", List.of()),
                new Category("incidents", "Происшествия", "Incidents", List.of()));
        return TestConfig.keys().dbPath(dir.resolve("unused.db")).categories(categories).feeds(feeds)
                .set("breaking.markers", "СРОЧНО,⚡").set("digest.times", "08:00").limits(30, 1, 20, 8, 1).load();
    }

    /** A realistic item: Cyrillic title, HTML description of about 400 characters, two categories. */
    static byte[] rss(int items, String prefix) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>Архив</title><link>https://news.example.kg/</link><description>d</description>");
        for (int i = 0; i < items; i++) {
            Instant published = NOW.minusSeconds(60L * i);
            xml.append("<item><title>Новость номер ").append(i).append(": в Бишкеке обсудили бюджет на 2027 год</title>")
                    .append("<link>https://news.example.kg/").append(prefix).append('/').append(i).append("/</link>")
                    .append("<guid isPermaLink=\"false\">").append(prefix).append('-').append(i).append("</guid>")
                    .append("<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME
                            .format(published.atOffset(ZoneOffset.UTC))).append("</pubDate>")
                    .append("<category>Общество</category><category>Экономика</category>")
                    .append("<description><![CDATA[<p>Депутаты Жогорку Кенеша <b>обсудили</b> проект бюджета. ")
                    .append("Дефицит запланирован на уровне 2,8% ВВП, расходы на образование вырастут на 12%.</p>")
                    .append("<p>Министр финансов ответил на вопросы &laquo;о долге&raquo; и о тарифах.</p>")
                    .append("<img src=\"/i/").append(i).append(".jpg\"><script>track()</script>]]></description></item>");
        }
        return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The median of the values after the first three, which warm up the JIT. */
    static double median(double[] values) {
        double[] measured = Arrays.copyOfRange(values, Math.min(3, values.length - 1), values.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }
}
