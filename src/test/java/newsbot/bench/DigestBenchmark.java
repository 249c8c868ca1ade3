package newsbot.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import newsbot.digest.DigestOptions;
import newsbot.digest.DigestScheduler;
import newsbot.messages.Texts;
import newsbot.config.Category;
import newsbot.delivery.DeliveryTime;
import newsbot.delivery.Outbox;
import newsbot.store.Database;

import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Not a test: composes and enqueues the digests of 100,000 readers in one scheduler tick and prints wall time, CPU
 * time and peak heap. Synthetic data: 6 categories, 2,000 recent articles, readers with random categories,
 * languages, time zones and quiet hours, all due now. A smaller tick on another database warms the JIT first,
 * as a running bot would be ({@code --cold} skips it). Run with {@code -Xmx256m}, and with
 * {@code -Dbench.db=postgresql} to measure PostgreSQL instead of SQLite ({@link BenchSupport.Backend}):
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx256m -cp target/classes:target/test-classes:$(cat target/cp.txt) newsbot.bench.DigestBenchmark
 * </pre>
 */
public final class DigestBenchmark {

    private static final int READERS = 100_000;
    private static final int WARMUP_READERS = 50_000;
    private static final int ARTICLES = 2_000;
    private static final int BREAKING = 10;
    private static final List<Category> CATEGORIES = List.of(
            new Category("politics", "Политика", "Politics", List.of()),
            new Category("economy", "Экономика", "Economy", List.of()),
            new Category("society", "Общество", "Society", List.of()),
            new Category("incidents", "Происшествия", "Incidents", List.of()),
            new Category("sport", "Спорт", "Sport", List.of()),
            new Category("world", "В мире", "World", List.of()));
    private static final List<ZoneId> ZONES = Stream.of("Asia/Bishkek", "Europe/Moscow", "Asia/Almaty",
            "Asia/Tashkent", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC").map(ZoneId::of).toList();
    private static final String[] WORDS = ("правительство парламент бюджет экономика курс доллар сом рост инфляция "
            + "Бишкек Ош выборы закон реформа школа больница дорога авария матч сборная турнир саммит соглашение "
            + "президент министр налог экспорт урожай погода фестиваль").split(" ");

    /** As the app runs it: the write transactions on a thread of their own, overlapping composition. */
    private static final AtomicReference<Thread> WRITER = new AtomicReference<>();
    private static final ExecutorService WRITES = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "digest-writes");
        t.setDaemon(true);
        WRITER.set(t);
        return t;
    });

    private DigestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean cold = List.of(args).contains("--cold");
        BenchSupport.Backend backend = BenchSupport.Backend.chosen();
        Path dir = Files.createTempDirectory("digest-bench");
        try {
            System.out.printf("database: %s%n", backend.describe());
            if (!cold) {
                // A running bot has long been warm when a digest time comes: let the JIT see the path first.
                try (Database warm = backend.open(dir, "warmup")) {
                    populate(warm, Instant.now().truncatedTo(ChronoUnit.MINUTES), new Random(7), WARMUP_READERS);
                    backend.analyze(warm);
                    long start = System.nanoTime();
                    scheduler(warm, Instant.now().truncatedTo(ChronoUnit.MINUTES)).tick();
                    System.out.printf("warm-up: a tick for %d readers in %.1f s (run with --cold to skip)%n",
                            WARMUP_READERS, (System.nanoTime() - start) / 1e9);
                }
            }
            try (Database db = backend.open(dir, "bench")) {
                run(db, backend);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Database db, BenchSupport.Backend backend) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        long setupStart = System.nanoTime();
        populate(db, now, new Random(42), READERS);
        backend.analyze(db);
        System.out.printf("setup: %d readers, %d articles in %.1f s%n", READERS, ARTICLES,
                (System.nanoTime() - setupStart) / 1e9);

        DigestScheduler scheduler = scheduler(db, now);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<MemoryPoolMXBean> heapPools = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool);
            }
        }
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long gcMillis0 = gcMillis();
        long cpuThread0 = threads.getCurrentThreadCpuTime();
        long cpuWriter0 = writerCpu(threads);
        long cpuProcess0 = os.getProcessCpuTime();
        Duration cpuServer0 = backend.serverCpu();
        long wall0 = System.nanoTime();

        DigestScheduler.TickResult result = scheduler.tick();

        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpuThread = (threads.getCurrentThreadCpuTime() - cpuThread0) / 1e9;
        double cpuWriter = (writerCpu(threads) - cpuWriter0) / 1e9;
        double cpuProcess = (os.getProcessCpuTime() - cpuProcess0) / 1e9;
        double cpuServer = backend.serverCpu().minus(cpuServer0).toNanos() / 1e9;
        long gcMillis = gcMillis() - gcMillis0;
        long peak = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            peak += pool.getPeakUsage().getUsed();
        }
        long[] rows = db.withHandle(h -> h.createQuery("SELECT COUNT(*), COALESCE(SUM(LENGTH(text)), 0) "
                        + "FROM deliveries WHERE kind = 'DIGEST'")
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one());
        System.out.printf("tick: %d readers due, %d digests enqueued as %d rows (%.1f MB of text)%n",
                result.due(), result.sent(), rows[0], rows[1] / 1e6);
        System.out.printf("wall %.2f s; CPU %.2f s (process: all threads, GC and JIT included), of which %.2f s "
                + "composing (tick thread) and %.2f s writing (writer thread); peak heap %.1f MB (sum of the heap "
                + "pools' peaks, max heap %.0f MB); GC pauses %d ms%n", wall, cpuProcess, cpuThread, cpuWriter,
                peak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0, gcMillis);
        if (backend != BenchSupport.Backend.SQLITE) {
            System.out.printf("database CPU %.2f s in the %s server's processes (not in the process CPU above)%n",
                    cpuServer, backend.label());
        }
        System.out.printf("load average %.2f on %d CPUs%n", os.getSystemLoadAverage(), os.getAvailableProcessors());
    }

    private static long writerCpu(ThreadMXBean threads) {
        Thread writer = WRITER.get();
        return writer == null ? 0 : Math.max(0, threads.getThreadCpuTime(writer.getId()));
    }

    private static DigestScheduler scheduler(Database db, Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        Outbox outbox = new Outbox(DeliveryTime.system(clock));
        DigestOptions options = new DigestOptions(5, false, 160, Duration.ofDays(7), 500);
        return new DigestScheduler(CATEGORIES, options, db, outbox, new Texts(), clock, WRITES);
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /** Readers due now in their own zone, articles fetched in the last day, some pushed as breaking. */
    private static void populate(Database db, Instant now, Random random, int readerCount) {
        long nowMs = now.toEpochMilli();
        db.useTransaction(h -> {
            PreparedBatch articles = h.prepareBatch("INSERT INTO articles (id, feed_id, dedup_key, url, title, summary, "
                    + "category, published_at, fetched_at, breaking) VALUES (?, 'feed', ?, ?, ?, ?, ?, ?, ?, ?)");
            PreparedBatch indexed = h.prepareBatch("INSERT INTO article_categories (article_id, category) VALUES (?, ?)");
            for (int id = 1; id <= ARTICLES; id++) {
                String category = CATEGORIES.get(random.nextInt(CATEGORIES.size())).slug();
                long published = nowMs - (long) (ARTICLES - id) * 40_000L;
                articles.add(id, "key-" + id, "https://news.example.kg/" + category + "/" + id + "-article",
                        title(random), title(random) + " " + title(random), category, published, published,
                        id % (ARTICLES / BREAKING) == 0 ? 1 : 0);
                indexed.add(id, category);
                if (random.nextInt(10) == 0) {
                    String second = CATEGORIES.get(random.nextInt(CATEGORIES.size())).slug();
                    if (!second.equals(category)) {
                        indexed.add(id, second);
                    }
                }
            }
            articles.execute();
            indexed.execute();

            // Readers of a month's standing: first_digest_at set, or each would get a first digest of its own
            // (one pool query per reader), which is what a new reader gets, not what a digest time costs.
            PreparedBatch readers = h.prepareBatch("INSERT INTO subscribers (chat_id, user_id, language, time_zone, "
                    + "digest_times, quiet_from, quiet_to, digest_cursor, last_digest_at, first_digest_at, created_at, "
                    + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)");
            PreparedBatch subscriptions = h.prepareBatch("INSERT INTO subscriptions (chat_id, category) VALUES (?, ?)");
            PreparedBatch alerts = h.prepareBatch("INSERT INTO deliveries (chat_id, kind, ref_id, part, text, "
                    + "link_preview, priority, state, not_before, created_at, sent_at) "
                    + "VALUES (?, 'BREAKING', ?, 0, 'alert', 1, 1, 'SENT', ?, ?, ?)");
            for (long chat = 1; chat <= readerCount; chat++) {
                ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
                LocalTime local = now.atZone(zone).toLocalTime();
                // A slot up to an hour ago, so that everyone is due now; quiet hours (for some) elsewhere in the day.
                String times = local.minusMinutes(random.nextInt(60)) + "," + local.plusHours(9).withMinute(0);
                boolean quiet = random.nextInt(3) == 0;
                readers.add(chat, chat, random.nextInt(5) == 0 ? "en" : "ru", zone.getId(), times,
                        quiet ? local.plusHours(3).withMinute(0).toString() : null,
                        quiet ? local.plusHours(8).withMinute(0).toString() : null,
                        nowMs - 86_400_000L, nowMs - 30 * 86_400_000L, nowMs - 30 * 86_400_000L, nowMs - 86_400_000L);
                int count = 1 + random.nextInt(4);
                List<Category> shuffled = new ArrayList<>(CATEGORIES);
                java.util.Collections.shuffle(shuffled, random);
                for (int i = 0; i < count; i++) {
                    subscriptions.add(chat, shuffled.get(i).slug());
                }
                if (random.nextInt(2) == 0) {
                    long article = (long) (1 + random.nextInt(BREAKING)) * (ARTICLES / BREAKING);
                    alerts.add(chat, article, nowMs, nowMs, nowMs);
                }
                if (chat % 20_000 == 0 || chat == readerCount) {
                    readers.execute();
                    subscriptions.execute();
                    alerts.execute();
                }
            }
        });
    }

    private static String title(Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            out.append(out.length() == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word);
        }
        return out.toString();
    }
}
