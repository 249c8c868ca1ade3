package newsbot.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import newsbot.store.Database;


/**
 * Not a test: fills {@code deliveries} with 5,000,000 rows spread over 28 days (92% sent, 4% failed, 2% cancelled,
 * 2% pending) and prunes the finished ones older than {@link DeliveryRetention#KEEP} the way the hourly job does:
 * {@link Deliveries#deleteFinishedBefore} in transactions of 5,000 rows. Prints how long each transaction held the
 * write lock (median, p99, max) and the total; for contrast, one batch and one idle run (nothing due, the common
 * hourly case) with the pruning index dropped.
 * {@code PruneBenchmark [rows]}.
 */
public final class PruneBenchmark {

    private static final int BATCH = 5_000; // DeliveryRetention's batch
    private static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");

    private PruneBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        Path dir = Files.createTempDirectory("prune-bench");
        Database db = Database.open(dir.resolve("bench.db"));
        long f0 = System.nanoTime();
        fill(db, rows);
        System.out.printf("filled %,d rows in %.1f s%n", rows, (System.nanoTime() - f0) / 1e9);
        Instant cutoff = NOW.minus(DeliveryRetention.KEEP);
        int due = db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM deliveries WHERE state <> 'PENDING' "
                + "AND created_at < :c").bind("c", cutoff.toEpochMilli()).mapTo(Integer.class).one());
        System.out.printf("finished rows older than %d days: %,d%n", DeliveryRetention.KEEP.toDays(), due);

        OutboxTable deliveries = new OutboxTable();
        // Contrast: one batch without the index, then the index is built again.
        db.useTransaction(h -> h.execute("DROP INDEX deliveries_finished"));
        long u0 = System.nanoTime();
        int first = db.inTransaction(h -> deliveries.deleteFinishedBefore(h, cutoff, BATCH));
        double unindexed = (System.nanoTime() - u0) / 1e6;
        System.out.printf("one batch of %,d without the index: %.1f ms holding the write lock%n", first, unindexed);
        db.useTransaction(h -> h.execute("CREATE INDEX deliveries_finished ON deliveries (created_at) "
                + "WHERE state <> 'PENDING'"));

        List<Double> held = new ArrayList<>();
        long t0 = System.nanoTime();
        int total = 0;
        int deleted;
        do {
            long b0 = System.nanoTime();
            deleted = db.inTransaction(h -> deliveries.deleteFinishedBefore(h, cutoff, BATCH));
            held.add((System.nanoTime() - b0) / 1e6);
            total += deleted;
        } while (deleted == BATCH);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Collections.sort(held);
        System.out.printf("pruned %,d rows in %d transactions, %.1f s in total%n", total, held.size(), seconds);
        System.out.printf("write lock held per batch: median %.1f ms, p99 %.1f ms, max %.1f ms%n",
                held.get(held.size() / 2), held.get((int) Math.min(held.size() - 1, Math.round(held.size() * 0.99))),
                held.get(held.size() - 1));
        int left = db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM deliveries").mapTo(Integer.class).one());
        System.out.printf("rows left: %,d%n", left);

        // The common case: the next hourly run, with nothing (or little) due. Without the index it reads every row.
        long n0 = System.nanoTime();
        db.inTransaction(h -> deliveries.deleteFinishedBefore(h, cutoff, BATCH));
        double idle = (System.nanoTime() - n0) / 1e6;
        db.useTransaction(h -> h.execute("DROP INDEX deliveries_finished"));
        long n1 = System.nanoTime();
        db.inTransaction(h -> deliveries.deleteFinishedBefore(h, cutoff, BATCH));
        double idleUnindexed = (System.nanoTime() - n1) / 1e6;
        System.out.printf("next hourly run, nothing due: %.1f ms with the index, %.1f ms without (write lock held)%n",
                idle, idleUnindexed);
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file); // about a gigabyte
            }
        }
        Files.delete(dir);
    }

    // One INSERT ... SELECT over a counter: chat ids 1..100,000, one row per chat and kind and day.
    private static void fill(Database db, int rows) {
        long span = Duration.ofDays(28).toMillis();
        long start = NOW.toEpochMilli() - span;
        int chunk = 250_000;
        for (int from = 0; from < rows; from += chunk) {
            int to = Math.min(rows, from + chunk);
            int lo = from;
            db.useTransaction(h -> h.createUpdate("WITH RECURSIVE n(i) AS (SELECT :lo UNION ALL SELECT i + 1 FROM n "
                            + "WHERE i + 1 < :hi) "
                            + "INSERT INTO deliveries (chat_id, kind, ref_id, part, text, priority, state, attempts, "
                            + "not_before, created_at, sent_at) "
                            + "SELECT i % 100000 + 1, CASE i % 3 WHEN 0 THEN 'DIGEST' WHEN 1 THEN 'BREAKING' "
                            + "ELSE 'BROADCAST' END, i / 100000, 0, 'Новость дня: ' || i, 2, "
                            + "CASE WHEN i % 50 = 7 THEN 'PENDING' WHEN i % 25 = 3 THEN 'FAILED' "
                            + "WHEN i % 50 = 11 THEN 'CANCELLED' ELSE 'SENT' END, 1, "
                            + ":start + i * :step, :start + i * :step, :start + i * :step + 500 FROM n")
                    .bind("lo", lo).bind("hi", to).bind("start", start).bind("step", span / rows)
                    .execute());
        }
    }
}
