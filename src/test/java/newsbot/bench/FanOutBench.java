package newsbot.bench;

import newsbot.testing.TestClock;
import newsbot.delivery.Manner;

import static newsbot.bench.BenchSupport.NOW;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import newsbot.config.BotConfig;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.DeliveryTime;
import newsbot.delivery.Outbox;
import newsbot.ingest.BreakingAlerts;
import newsbot.ingest.StoredArticle;
import newsbot.store.BreakingAudience;
import newsbot.store.Database;


/** The breaking fan-out to 100,000 readers: one alert row per matching reader, in one transaction. */
final class FanOutBench {

    private FanOutBench() {
    }

    static void run(Path dir, BenchSupport.Backend backend) {
        try (Database db = backend.open(dir, "fanout")) {
            run(dir, db, backend);
        }
    }

    private static void run(Path dir, Database db, BenchSupport.Backend backend) {
        int readers = 100_000;
        db.useTransaction(h -> {
            var subscriber = h.prepareBatch("INSERT INTO subscribers (chat_id, language, time_zone, digest_times, "
                    + "status, created_at, updated_at, quiet_from, quiet_to) VALUES (:id, :lang, 'Asia/Bishkek', '', "
                    + "'ACTIVE', 0, 0, :from, :to)");
            var subscription = h.prepareBatch("INSERT INTO subscriptions (chat_id, category) VALUES (:id, :cat)");
            for (long id = 1; id <= readers; id++) {
                boolean quiet = id % 3 == 0;
                subscriber.bind("id", id).bind("lang", id % 4 == 0 ? "en" : "ru")
                        .bind("from", quiet ? "11:00" : null).bind("to", quiet ? "13:00" : null).add();
                subscription.bind("id", id).bind("cat", id % 2 == 0 ? "incidents" : "society").add();
                if (id % 5 == 0) {
                    subscription.bind("id", id).bind("cat", "politics").add();
                }
            }
            subscriber.execute();
            subscription.execute();
        });
        backend.analyze(db);
        BotConfig config = BenchSupport.config(dir, List.of());
        TestClock clock = new TestClock(NOW);
        BreakingAlerts alerts = new BreakingAlerts(config, new Outbox(DeliveryTime.system(clock)), clock, new newsbot.messages.Texts());
        double[] ms = new double[3];
        for (int rep = 0; rep < ms.length; rep++) {
            StoredArticle article = new StoredArticle(rep + 1, "x", "Землетрясение магнитудой 5,1", "Толчки ощутили в Бишкеке.",
                    "https://news.example.kg/a/" + rep + "/", "incidents", List.of("incidents", "politics"), NOW);
            long t0 = System.nanoTime();
            db.useTransaction(h -> alerts.onBreaking(h, article));
            ms[rep] = (System.nanoTime() - t0) / 1e6;
        }
        long rows = db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM deliveries WHERE ref_id = 1")
                .mapTo(Long.class).one());
        System.out.printf("breaking fan-out (%s): %,d readers, %,d alerts per article: %s ms per article (incl. "
                        + "commit); load average %.2f%n", backend.label(), readers, rows,
                Arrays.toString(Arrays.stream(ms).map(Math::rint).toArray()),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        // Where the time goes: the audience query alone, and the outbox's batch insert alone.
        BreakingAudience audience = new BreakingAudience();
        List<Long> chats = new ArrayList<>();
        long q0 = System.nanoTime();
        db.useTransaction(h -> audience.forEachReader(h, 1000, List.of("incidents", "politics"), NOW.minus(java.time.Duration.ofDays(14)), r -> chats.add(r.chatId())));
        long q1 = System.nanoTime();
        Outbox outbox = new Outbox(DeliveryTime.system(clock));
        double[] insert = new double[5];
        double[] cpu = new double[5];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int rep = 0; rep < insert.length; rep++) {
            long ref = 1000 + rep;
            long i0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            db.useTransaction(h -> outbox.enqueueAll(h, chats, DeliveryKind.BREAKING, ref, "<b>x</b>",
                    Manner.of(Manner.Sound.RING, Manner.Preview.SHOW), NOW));
            insert[rep] = (System.nanoTime() - i0) / 1e6;
            cpu[rep] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        Arrays.sort(insert);
        Arrays.sort(cpu);
        // on a loaded machine the wall time measures the load; SQLite works on this thread, so its CPU time does not
        System.out.printf("  of which: audience query %.0f ms for %,d readers; Outbox.enqueueAll of them, 5 runs: "
                + "wall best %.0f ms, median %.0f ms; CPU best %.0f ms, median %.0f ms%n", (q1 - q0) / 1e6,
                chats.size(), insert[0], insert[2], cpu[0], cpu[2]);
    }
}
