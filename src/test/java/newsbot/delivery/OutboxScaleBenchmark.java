package newsbot.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import newsbot.store.Database;
import newsbot.telegram.SendOutcome;

/**
 * Not a test: the outbox's hot statements at a month of a large site's rows (issue 23). For each size (default 1 and
 * 10 million rows, as {@link PruneBenchmark#fill} spreads them over 28 days, 2% pending): claiming the next due rows
 * (what the sender's window asks, {@link OutboxTable#due}), marking sent rows one by one ({@link OutboxTable#markSent},
 * as outcomes arrive), enqueueing a 10,000-row batch, and one pruning batch of 5,000 ({@link
 * OutboxTable#deleteFinishedBefore}). Medians of repeated runs; flat means the same at both sizes.
 * {@code OutboxScaleBenchmark [rows ...]}.
 */
public final class OutboxScaleBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");

    private OutboxScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {1_000_000, 10_000_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.println("| rows | claim 256 due rows | mark one row sent | enqueue 10,000 rows | prune 5,000 | fill |");
        System.out.println("|---|---|---|---|---|---|");
        for (int rows : sizes) {
            Path dir = Files.createTempDirectory("outbox-scale");
            try (Database db = Database.open(dir.resolve("bench.db"))) {
                long f0 = System.nanoTime();
                PruneBenchmark.fill(db, rows);
                db.useTransaction(h -> h.execute("ANALYZE"));
                double fill = (System.nanoTime() - f0) / 1e9;
                OutboxTable table = new OutboxTable();
                double claim = median(20, () -> db.withHandle(h -> table.due(h, NOW, 256)));
                List<DueRow> due = db.withHandle(h -> table.due(h, NOW, 2_000));
                int[] next = {0};
                double mark = median(1_000, () -> db.useTransaction(h -> table.markSent(h, due.get(next[0]++).id(),
                        new SendOutcome.Sent.Message(7), false, new Request.SendText("sent"), NOW)));
                long[] ref = {10_000_000};
                double enqueue = median(5, () -> {
                    long r = ref[0]++;
                    List<NewRow> batch = new ArrayList<>();
                    LongStream.rangeClosed(1, 10_000).forEach(chat -> batch.add(new NewRow(chat, DeliveryKind.BROADCAST,
                            r, 0, new Request.SendText("<b>Объявление</b>"), Manner.PLAIN, NOW)));
                    db.useTransaction(h -> table.insertAllIfAbsent(h, batch, NOW));
                });
                Instant cutoff = NOW.minus(DeliveryRetention.KEEP);
                double prune = median(5, () -> db.inTransaction(h -> table.deleteFinishedBefore(h, cutoff, 5_000)));
                System.out.printf("| %,d | %.2f ms | %.3f ms | %.0f ms | %.0f ms | %.0f s |%n", rows, claim, mark, enqueue,
                        prune, fill);
            }
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
        System.out.printf("load average %.2f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double median(int runs, Runnable run) {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            run.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }
}
