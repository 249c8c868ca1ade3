package newsbot.bench;

import newsbot.testing.TestClock;

import static newsbot.bench.BenchSupport.NOW;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import newsbot.config.BotConfig;
import newsbot.delivery.DeliveryTime;
import newsbot.delivery.Outbox;
import newsbot.ingest.BreakingAlerts;
import newsbot.ingest.StoredArticle;
import newsbot.store.Articles;
import newsbot.store.Database;

import newsbot.store.FollowedTopics;
import newsbot.store.FtsQuery;
import newsbot.store.Morphology;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Issue 12's two figures. Topic fan-out: 100,000 readers with 10 followed topics each, a new article matching
 * the topics of half of them, through the real {@code BreakingAlerts.onNew} (find readers, compose, enqueue, commit).
 * Search: {@code /search}'s query (FtsQuery + Articles.search) over 100,000 stemmed articles, p50 and p99.
 */
public final class TopicsAndSearchBenchmark {

    /** Word families in several forms: articles use one form, queries another. */
    private static final String[][] WORDS = {
            {"выборы", "выборов", "выборах"}, {"Бишкек", "Бишкеке", "Бишкека"}, {"доллар", "доллара", "долларом"},
            {"курс", "курса", "курсом"}, {"закон", "закона", "законы"}, {"парламент", "парламента", "парламенте"},
            {"депутат", "депутаты", "депутатов"}, {"цена", "цены", "ценах"}, {"бензин", "бензина", "бензином"},
            {"школа", "школы", "школе"}, {"больница", "больницы", "больнице"}, {"дорога", "дороги", "дорогах"},
            {"Ош", "Оше", "Оша"}, {"Нарын", "Нарыне", "Нарына"}, {"Талас", "Таласе", "Таласа"},
            {"новый", "новая", "новых"}, {"заявил", "заявила", "заявили"}, {"выиграл", "выиграли", "выиграть"},
            {"сборная", "сборной", "сборную"}, {"матч", "матча", "матче"}, {"налог", "налога", "налогов"},
            {"бюджет", "бюджета", "бюджете"}, {"экспорт", "экспорта", "экспорте"}, {"золото", "золота", "золоте"},
            {"инфляция", "инфляции", "инфляцией"}, {"тариф", "тарифа", "тарифы"}, {"электроэнергия",
            "электроэнергии", "электроэнергией"}, {"мэрия", "мэрии", "мэрией"}, {"суд", "суда", "суде"},
            {"президент", "президента", "президентом"}, {"министр", "министра", "министры"},
            {"авария", "аварии", "аварий"}, {"погода", "погоды", "погоде"}, {"снег", "снега", "снегом"},
            {"ЕАЭС", "ЕАЭС", "ЕАЭС"}, {"Казахстан", "Казахстана", "Казахстане"}, {"рынок", "рынка", "рынке"},
            {"банк", "банка", "банке"}, {"кредит", "кредита", "кредитов"}, {"зарплата", "зарплаты", "зарплат"}};

    private TopicsAndSearchBenchmark() {
    }

    /** @param args nothing for both, or {@code topics} or {@code search} for one */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("newsbot-topics-bench");
        String only = args.length > 0 ? args[0] : "";
        if (!only.equals("search")) {
            topicFanOut(dir);
        }
        if (!only.equals("topics")) {
            search(dir);
        }
    }

    private static final String LETTERS = "абвгдежзиклмнопрстуфхцчшыэюя";

    /**
     * Text words: mostly from a 30,000-word synthetic vocabulary with a skewed (Zipf-like) frequency, as in real
     * news, and one word in twenty from the real families above, so a family word occurs in about 1% of articles.
     */
    private static String textWord(SplittableRandom random, String[] vocabulary) {
        if (random.nextInt(20) == 0) {
            return word(random);
        }
        double u = random.nextDouble();
        return vocabulary[(int) Math.min(vocabulary.length - 1, Math.floor(Math.pow(vocabulary.length + 1.0, u)) - 1)];
    }

    private static String[] vocabulary(SplittableRandom random, int size) {
        String[] words = new String[size];
        for (int i = 0; i < size; i++) {
            StringBuilder w = new StringBuilder();
            int length = 4 + random.nextInt(7);
            for (int c = 0; c < length; c++) {
                w.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
            }
            words[i] = w.toString();
        }
        return words;
    }

    private static String word(SplittableRandom random) {
        String[] family = WORDS[random.nextInt(WORDS.length)];
        return family[random.nextInt(family.length)];
    }

    static void topicFanOut(Path dir) {
        int readers = 100_000;
        int topicsEach = 10;
        Database db = Database.open(dir.resolve("topics.db"));
        Morphology morphology = new Morphology();
        SplittableRandom random = new SplittableRandom(12);
        long s0 = System.nanoTime();
        db.useTransaction(h -> {
            PreparedBatch subscriber = h.prepareBatch("INSERT INTO subscribers (chat_id, language, time_zone, "
                    + "digest_times, status, created_at, updated_at, quiet_from, quiet_to) VALUES (:id, :lang, "
                    + "'Asia/Bishkek', '', 'ACTIVE', 0, 0, :from, :to)");
            for (long id = 1; id <= readers; id++) {
                boolean quiet = id % 3 == 0;
                subscriber.bind("id", id).bind("lang", id % 4 == 0 ? "en" : id % 7 == 0 ? "ky" : "ru")
                        .bind("from", quiet ? "11:00" : null).bind("to", quiet ? "13:00" : null).add();
            }
            subscriber.execute();
            PreparedBatch topic = h.prepareBatch("INSERT INTO followed_topics (id, chat_id, phrase, terms, words, "
                    + "created_at) VALUES (:id, :chat, :phrase, :key, :words, 0)");
            PreparedBatch forms = h.prepareBatch("INSERT OR IGNORE INTO topic_forms (form, topic_id, word) "
                    + "VALUES (:form, :topic, :word)");
            long topicId = 0;
            for (long chat = 1; chat <= readers; chat++) {
                for (int t = 0; t < topicsEach; t++) {
                    // Half the readers follow «курс доллара»; the rest of the topics are one or two random words
                    // (made unique per reader by a number, so no two of a reader's topics are the same).
                    String phrase = t == 0 && chat % 2 == 0 ? "курс доллара"
                            : random.nextBoolean() ? word(random) + " " + (chat * 10 + t)
                            : word(random) + " " + word(random) + " " + (chat * 10 + t);
                    List<List<String>> terms = morphology.queryTerms(phrase);
                    topicId++;
                    StringBuilder key = new StringBuilder();
                    for (int w = 0; w < terms.size(); w++) {
                        key.append(terms.get(w).get(0)).append(' ');
                        for (String form : terms.get(w)) {
                            forms.bind("form", form).bind("topic", topicId).bind("word", w).add();
                        }
                    }
                    topic.bind("id", topicId).bind("chat", chat).bind("phrase", phrase)
                            .bind("key", key.toString().strip()).bind("words", terms.size()).add();
                }
                if (chat % 5000 == 0) {
                    topic.execute();
                    forms.execute();
                }
            }
            topic.execute();
            forms.execute();
        });
        System.out.printf("set-up: %,d readers × %d topics in %.1f s%n", readers, topicsEach,
                (System.nanoTime() - s0) / 1e9);
        BotConfig config = BenchSupport.config(dir, List.of());
        TestClock clock = new TestClock(NOW);
        BreakingAlerts alerts = new BreakingAlerts(config, new Outbox(DeliveryTime.system(clock)),
                clock, new newsbot.messages.Texts());
        double[] ms = new double[5];
        long alerted = 0;
        for (int rep = 0; rep < ms.length; rep++) {
            StoredArticle article = new StoredArticle(rep + 1, "x", "Курс доллара в обменках Бишкека снизился",
                    "Нацбанк сообщил, что доллар подешевел на 0,3 сома за неделю.",
                    "https://news.example.kg/a/" + rep + "/", "economy", List.of("economy"), NOW);
            long t0 = System.nanoTime();
            db.useTransaction(h -> alerts.onNew(h, article));
            ms[rep] = (System.nanoTime() - t0) / 1e6;
            long ref = rep + 1;
            alerted = db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM deliveries WHERE ref_id = :ref")
                    .bind("ref", ref).mapTo(Long.class).one());
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf("topic fan-out: %,d readers alerted per article: %s ms per article (find, compose, "
                + "enqueue, commit); median %.0f ms%n", alerted, Arrays.toString(Arrays.stream(ms).map(Math::rint)
                .toArray()), sorted[sorted.length / 2]);
        // Where the time goes: finding the readers alone.
        List<String> articleForms = morphology.indexTokens("Курс доллара в обменках Бишкека снизился Нацбанк "
                + "сообщил, что доллар подешевел на 0,3 сома за неделю.");
        int[] matches = {0};
        long q0 = System.nanoTime();
        db.useTransaction(h -> new FollowedTopics().forEachMatch(h, 999, new java.util.LinkedHashSet<>(articleForms),
                m -> matches[0]++));
        System.out.printf("  of which: the matching query alone %.0f ms for %,d topic rows%n",
                (System.nanoTime() - q0) / 1e6, matches[0]);
    }

    static void search(Path dir) {
        int count = 100_000;
        Database db = Database.open(dir.resolve("search.db"));
        SplittableRandom random = new SplittableRandom(7);
        String[] vocabulary = vocabulary(random, 30_000);
        long s0 = System.nanoTime();
        db.useTransaction(h -> {
            PreparedBatch insert = h.prepareBatch("INSERT INTO articles (feed_id, dedup_key, url, title, summary, "
                    + "published_at, fetched_at) VALUES ('f', :key, 'https://news.example.kg/a', :title, :summary, "
                    + ":at, :at)");
            for (int i = 0; i < count; i++) {
                StringBuilder title = new StringBuilder();
                for (int w = 0; w < 8; w++) {
                    title.append(textWord(random, vocabulary)).append(' ');
                }
                StringBuilder summary = new StringBuilder();
                for (int w = 0; w < 25; w++) {
                    summary.append(textWord(random, vocabulary)).append(w % 6 == 5 ? ". " : " ");
                }
                insert.bind("key", "k" + i).bind("title", title.toString().strip())
                        .bind("summary", summary.toString().strip())
                        .bind("at", NOW.minusSeconds(30L * (count - i)).toEpochMilli()).add();
                if (i % 5000 == 4999) {
                    insert.execute();
                }
            }
            insert.execute();
        });
        System.out.printf("set-up: %,d articles stored and stemmed in %.1f s%n", count, (System.nanoTime() - s0) / 1e9);
        Articles articles = new Articles();
        int queries = 1000;
        double[] ms = new double[queries];
        int found = 0;
        try (var h = db.openHandle()) {
            for (int q = -100; q < queries; q++) {          // the first 100 warm up
                // what readers search for: one or two of the real words, in some form
                String query = random.nextInt(3) == 0 ? word(random) : word(random) + " " + word(random);
                long t0 = System.nanoTime();
                String match = FtsQuery.of(query).orElseThrow();
                int n = articles.search(h, match, NOW, 11, 0).size();
                double took = (System.nanoTime() - t0) / 1e6;
                if (q >= 0) {
                    ms[q] = took;
                    found += n;
                }
            }
        }
        Arrays.sort(ms);
        System.out.printf("search over %,d articles: %d queries (one or two words), %.1f results each: p50 %.1f ms, "
                + "p99 %.1f ms, max %.1f ms%n", count, queries, found / (double) queries, ms[queries / 2],
                ms[queries * 99 / 100], ms[queries - 1]);
    }
}
