package newsbot.bench;

import newsbot.testing.TestClock;

import static newsbot.bench.BenchSupport.NOW;
import static newsbot.bench.BenchSupport.config;
import static newsbot.bench.BenchSupport.median;
import static newsbot.bench.BenchSupport.rss;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import newsbot.config.BotConfig;
import newsbot.config.FeedSource;
import newsbot.feed.ArticleCleaner;
import newsbot.feed.CleanItem;
import newsbot.feed.DedupKeys;
import newsbot.feed.FeedFetcher;
import newsbot.feed.FeedParser;
import newsbot.feed.FeedServer;
import newsbot.feed.ParseResult;
import newsbot.feed.RawItem;
import newsbot.ingest.BreakingFanOut;
import newsbot.ingest.FeedPoller;
import newsbot.store.Articles;
import newsbot.store.Database;
import newsbot.store.NewArticle;

/**
 * Not a test: how fast ingest is. Prints items/second for a 2,000-item feed (parse, clean, store), the cost of a
 * cycle of 50 unchanged feeds answered with 304, and the breaking fan-out to 100,000 readers. Run with
 * {@code mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt && java -cp
 * target/classes:target/test-classes:$(cat target/cp.txt) newsbot.bench.IngestBenchmark}; the argument
 * {@code fanout} runs the fan-out alone, which {@code -Dbench.db=postgresql} runs on PostgreSQL instead of SQLite
 * ({@link BenchSupport.Backend}).
 */
public final class IngestBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSupport.Backend backend = BenchSupport.Backend.chosen();
        Path dir = Files.createTempDirectory("newsbot-bench");
        boolean fanOutOnly = List.of(args).contains("fanout");
        if (!fanOutOnly && backend != BenchSupport.Backend.SQLITE) {
            // The store figure counts opening (and migrating) a fresh SQLite file; on a server that is a CREATE
            // DATABASE and would swamp 2,000 inserts, so the feed parts are not compared.
            throw new IllegalArgumentException("on " + backend.label() + " only the breaking fan-out is measured: "
                    + "run IngestBenchmark fanout");
        }
        System.out.printf("database: %s%n", backend.describe());
        if (fanOutOnly) {
            FanOutBench.run(dir, backend);
            return;
        }
        try (FeedServer server = FeedServer.start()) {
            bigFeed(server, dir);
            notModifiedCycle(server, dir);
            FanOutBench.run(dir, backend);
        }
    }

    private static void bigFeed(FeedServer server, Path dir) throws Exception {
        byte[] body = rss(2000, "big");
        System.out.printf("2,000-item feed: %,d bytes%n", body.length);
        FeedParser parser = new FeedParser();
        ArticleCleaner cleaner = new ArticleCleaner(300, List.of("СРОЧНО", "⚡"));
        double[] parse = new double[8];
        double[] clean = new double[8];
        double[] store = new double[8];
        double[] poll = new double[8];
        double[] refetch = new double[8];
        server.serve("/big.xml", body, "application/rss+xml; charset=utf-8");
        for (int rep = 0; rep < parse.length; rep++) {
            long t0 = System.nanoTime();
            ParseResult.Parsed parsed = (ParseResult.Parsed) parser.parse(body, "application/rss+xml", NOW);
            long t1 = System.nanoTime();
            List<NewArticle> articles = new ArrayList<>();
            for (RawItem item : parsed.items()) {
                CleanItem c = cleaner.clean(item, "https://news.example.kg/").orElseThrow();
                articles.add(new NewArticle("big", DedupKeys.of(c), c.url(), c.title(), c.summary(), "society",
                        c.publishedAt(), NOW, false));
            }
            long t2 = System.nanoTime();
            // What the poller's writer does per new item: look the key up, insert (FTS trigger), index the category.
            Database storeOnly = Database.open(dir.resolve("store-" + rep + ".db"));
            Articles table = new Articles();
            storeOnly.useTransaction(h -> {
                for (NewArticle a : articles) {
                    if (table.findByKey(h, a.dedupKey()).isEmpty()) {
                        table.insertIfNew(h, a).ifPresent(id -> table.addCategory(h, id, a.category()));
                    }
                }
            });
            long t3 = System.nanoTime();
            parse[rep] = (t1 - t0) / 1e6;
            clean[rep] = (t2 - t1) / 1e6;
            store[rep] = (t3 - t2) / 1e6;

            // The whole pipeline into a fresh database: fetch over loopback, parse, clean, store in one transaction.
            TestClock clock = new TestClock(NOW);
            Database db = Database.open(dir.resolve("big-" + rep + ".db"));
            BotConfig config = config(dir, List.of(new FeedSource("big", server.url("/big.xml"), "society", false)));
            try (FeedPoller poller = poller(config, db, clock, BreakingFanOut.none())) {
                long t4 = System.nanoTime();
                int added = poller.pollDue();
                long t5 = System.nanoTime();
                check(added == 2000, "stored " + added);
                // A new version of the same document: every item is looked up and found.
                server.serve("/big.xml", body, "application/rss+xml; charset=utf-8");
                clock.advance(Duration.ofMinutes(2));
                long t6 = System.nanoTime();
                check(poller.pollDue() == 0, "re-fetch stored something");
                long t7 = System.nanoTime();
                poll[rep] = (t5 - t4) / 1e6;
                refetch[rep] = (t7 - t6) / 1e6;
            }
        }
        // The first three rounds warm up the JIT; the median of the rest is printed.
        print("parse (Rome)", median(parse), "");
        print("clean (jsoup) + key", median(clean), "");
        print("store (SQLite, 1 tx)", median(store), "lookup, insert + FTS trigger, category index");
        print("whole first poll", median(poll), "fetch over loopback, parse, clean, store");
        print("changed, all known", median(refetch), "fetch, parse, clean, 2,000 lookups, no insert");
    }

    private static void print(String what, double ms, String note) {
        System.out.printf("  %-22s %7.1f ms  %,7.0f items/s  %s%n", what, ms, 2000 / ms * 1000, note);
    }

    private static void notModifiedCycle(FeedServer server, Path dir) {
        List<FeedSource> feeds = new ArrayList<>();
        byte[] small = FeedServer.fixture("rss-politika.xml");
        for (int i = 0; i < 50; i++) {
            server.serve("/f" + i + ".xml", small, "application/rss+xml; charset=utf-8");
            feeds.add(new FeedSource("f" + i, server.url("/f" + i + ".xml"), "politics", false));
        }
        TestClock clock = new TestClock(NOW);
        Database db = Database.open(dir.resolve("304.db"));
        int cycles = 30;
        double[] wall = new double[cycles];
        double[] cpu = new double[cycles];
        try (FeedPoller poller = poller(config(dir, feeds), db, clock, BreakingFanOut.none())) {
            poller.pollDue(); // 200s: validators stored
            for (int i = 0; i < cycles; i++) {
                clock.advance(Duration.ofMinutes(2));
                long cpu0 = clientCpuNanos();
                long t0 = System.nanoTime();
                poller.pollDue();
                wall[i] = (System.nanoTime() - t0) / 1e6;
                cpu[i] = (clientCpuNanos() - cpu0) / 1e6;
            }
        }
        int requests = server.requests().size();
        System.out.printf("50 unchanged feeds (one server, so one request at a time), %d cycles, %d requests in all:%n",
                cycles, requests);
        System.out.printf("  per cycle  wall %6.1f ms  client CPU %6.1f ms%n", median(wall), median(cpu));
        System.out.printf("  per feed   wall %6.2f ms  client CPU %6.2f ms%n", median(wall) / 50, median(cpu) / 50);
    }

    private static FeedPoller poller(BotConfig config, Database db, Clock clock, BreakingFanOut fanOut) {
        return new FeedPoller(config, db, FeedFetcher.create(FeedPoller.fetchLimits(config)), fanOut, clock, () -> 0L);
    }

    // CPU of the threads doing the client's work: this one, the poll pool and the HttpClient's selector.
    private static long clientCpuNanos() {
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String name = t.getName();
            if (t == Thread.currentThread() || name.startsWith("feed-poll-") || name.startsWith("HttpClient")) {
                long cpu = THREADS.getThreadCpuTime(t.getId());
                total += Math.max(cpu, 0);
            }
        }
        return total;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }
}
