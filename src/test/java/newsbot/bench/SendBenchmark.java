package newsbot.bench;

import newsbot.testing.TestConfig;
import newsbot.delivery.Manner;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import newsbot.config.BotConfig;
import newsbot.delivery.DeliveryCounters;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.DeliveryTime;
import newsbot.delivery.Dispatcher;
import newsbot.delivery.InFlightLimit;
import newsbot.delivery.Outbox;
import newsbot.delivery.RateLimiter;
import newsbot.delivery.RetryPolicy;
import newsbot.store.Database;

import newsbot.store.Subscribers;
import newsbot.telegram.BotApiUrl;
import newsbot.telegram.FakeBotApi;
import newsbot.telegram.FakeMessage;
import newsbot.telegram.FakeRateLimits;
import newsbot.telegram.TelegramClientFactory;
import newsbot.telegram.TelegramGateway;

/**
 * Not a test: sends one message to each of N chats through the whole path (outbox in SQLite, or in PostgreSQL with
 * {@code -Dbench.db=postgresql}: {@link BenchSupport.Backend}; dispatcher, rate
 * limiter, the real telegrambots client, FakeBotApi on loopback enforcing the same global limit and 1/s per chat)
 * and prints how close it came to the limit. Every answer of the fake is delayed by a round trip, as Telegram is
 * 50-250 ms away. Arguments: [chats=600] [globalPerSecond=30] [roundTripMs=100] [maxInFlight=auto] [warmUp=0]
 * [one429=no]: warmUp messages to other chats go through the same path first and are not measured, to show the
 * long-running process rather than a cold JVM compiling its code; {@code one429=yes} has Telegram refuse one reply
 * with a 429 just before the broadcast, which must cost the broadcast nothing. The fake counts the global limit
 * over a sliding second, as Telegram does; the busiest second of the broadcast is printed.
 * The CPU figure is the whole process, so it includes the fake server's own work; PostgreSQL's is printed apart.
 */
public final class SendBenchmark {

    private SendBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int chats = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Duration roundTrip = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 100);
        int maxInFlight = args.length > 3 && !args[3].equals("auto") ? Integer.parseInt(args[3]) : 0;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        boolean one429 = args.length > 5 && args[5].equals("yes");
        Path dir = Files.createTempDirectory("newsbot-bench");
        DeliveryTime time = DeliveryTime.system();
        BotConfig.Delivery limits = TestConfig.limits(limit, 1, 20, 5, 1);
        BenchSupport.Backend backend = BenchSupport.Backend.chosen();

        try (FakeBotApi telegram = FakeBotApi.start();
             TelegramClientFactory factory = new TelegramClientFactory(telegram.token(),
                     BotApiUrl.parse(telegram.apiUrl()));
             Database db = backend.open(dir, "bench")) {
            telegram.enableRateLimits(new FakeRateLimits(limit, 1, 20, Duration.ofMillis(25)).withSlidingSecond());
            telegram.delayResponses(roundTrip);
            Outbox outbox = new Outbox(time);
            DeliveryCounters counters = new DeliveryCounters();
            RateLimiter limiter = new RateLimiter(limits, time, counters);
            Dispatcher dispatcher = new Dispatcher(db, new Subscribers(), outbox,
                    limiter.stamping(new TelegramGateway(factory.telegramClient())), limiter,
                    new RetryPolicy(limits.maxAttempts(), new SplittableRandom()), counters, time,
                    InFlightLimit.fromConfig(maxInFlight, limit), Dispatcher.DEFAULT_MAX_AGES);

            if (warmUp > 0) {
                List<Long> others = LongStream.rangeClosed(1_000_001, 1_000_000 + warmUp).boxed().toList();
                db.useTransaction(h -> outbox.enqueueAll(h, others, DeliveryKind.BROADCAST, 0, "warm-up", Manner.PLAIN, time.now()));
                dispatcher.start();
                while (telegram.sentMessages().size() < warmUp) {
                    Thread.sleep(100);
                }
                System.out.printf(Locale.ROOT, "warm-up            %d messages, not measured%n", warmUp);
            }
            if (one429) {
                telegram.failNext("sendMessage", 1, 429); // retry_after 1
                db.useTransaction(h -> outbox.enqueueReply(h, 2_000_000, 1, "a reply Telegram refuses once", Manner.PLAIN));
                if (warmUp == 0) {
                    dispatcher.start();
                }
                while (telegram.tooManyRequestsCount() == 0) {
                    Thread.sleep(5);
                }
                System.out.println("one 429           for a reply to another chat, just before the broadcast");
            }
            int refusedBefore = telegram.tooManyRequestsCount();
            long enqueueStart = System.nanoTime();
            List<Long> ids = LongStream.rangeClosed(1, chats).boxed().toList();
            db.useTransaction(h -> outbox.enqueueAll(h, ids, DeliveryKind.BROADCAST, 1, "<b>Бенчмарк</b>: новость дня &amp; подробности", Manner.PLAIN, time.now()));
            double enqueueSeconds = (System.nanoTime() - enqueueStart) / 1e9;

            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long cpuStart = processCpuNanos();
            Duration serverCpuStart = backend.serverCpu();
            long dispatcherCpuStart = threadCpuNanos("dispatcher");
            long compileStart = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            long wallStart = System.nanoTime();
            if (warmUp == 0 && !one429) {
                dispatcher.start();
            }
            long dispatcherCpu = 0;
            while (telegram.sentMessages().size() < chats + warmUp + (one429 ? 1 : 0)) {
                Thread.sleep(200);
                dispatcherCpu = Math.max(dispatcherCpu, threadCpuNanos("dispatcher") - dispatcherCpuStart);
                if (System.nanoTime() - wallStart > Duration.ofSeconds(chats / limit * 3L + 60).toNanos()) {
                    throw new IllegalStateException("gave up: only " + telegram.sentMessages().size() + " sent");
                }
            }
            double wall = (System.nanoTime() - wallStart) / 1e9;
            java.util.Map<String, Double> cpuByThread = cpuByThreadGroup();
            double cpu = (processCpuNanos() - cpuStart) / 1e9;
            double serverCpu = backend.serverCpu().minus(serverCpuStart).toNanos() / 1e9;
            long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            Dispatcher.Status status = dispatcher.status();
            dispatcher.stop(Duration.ofSeconds(10));

            List<FakeMessage> measured = telegram.sentMessages().stream().filter(m -> m.chatId() <= chats).toList();
            long[] at = measured.stream().mapToLong(FakeMessage::sentAtNanos).sorted().toArray();
            double span = (at[at.length - 1] - at[0]) / 1e9;
            double rate = (at.length - 1) / span;
            int tail = at.length - 1 - at.length / 10; // the last 90%, after JIT warm-up
            double steady = tail / ((at[at.length - 1] - at[at.length / 10]) / 1e9);
            long distinct = measured.stream().mapToLong(FakeMessage::chatId).distinct().count();
            int busiest = 0;
            for (int i = 0, j = 0; i < at.length; i++) {
                while (j < at.length && at[j] - at[i] < 1_000_000_000L) {
                    j++;
                }
                busiest = Math.max(busiest, j - i);
            }

            System.out.printf(Locale.ROOT, "messages           %d to %d distinct chats (limit %d/s, 1/s per chat, "
                    + "round trip %d ms, in flight %s: %d at the end, measured round trip %d ms)%n", at.length, distinct,
                    limit, roundTrip.toMillis(), maxInFlight == 0 ? "auto" : "pinned", status.inFlightLimit(),
                    status.roundTripMillis());
            System.out.printf(Locale.ROOT, "machine            %d CPUs, load average %.2f%n",
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf(Locale.ROOT, "database           %s%n", backend.describe());
            System.out.printf(Locale.ROOT, "enqueue            %.2f s for %d rows (one prepared batch)%n",
                    enqueueSeconds, chats);
            System.out.printf(Locale.ROOT, "achieved rate      %.1f/s = %.3f of the limit (first to last message)%n",
                    rate, rate / limit);
            System.out.printf(Locale.ROOT, "steady rate        %.1f/s = %.3f of the limit (last 90%%)%n",
                    steady, steady / limit);
            System.out.printf(Locale.ROOT, "wall time          %.2f s from start (minimum %.2f s)%n",
                    wall, (chats - 1) / (double) limit);
            System.out.printf(Locale.ROOT, "busiest second     %d messages (any one-second window of arrivals)%n",
                    busiest);
            System.out.printf(Locale.ROOT, "429s received      %d during the broadcast, %d in all%n",
                    telegram.tooManyRequestsCount() - refusedBefore, telegram.tooManyRequestsCount());
            System.out.printf(Locale.ROOT, "CPU                %.2f s process (client + fake server), %.2f s dispatcher thread%n",
                    cpu, dispatcherCpu / 1e9);
            if (backend != BenchSupport.Backend.SQLITE) {
                System.out.printf(Locale.ROOT, "CPU, database      %.2f s in the %s server's processes%n",
                        serverCpu, backend.label());
            }
            System.out.printf(Locale.ROOT, "CPU by thread      %s%n", cpuByThread);
            System.out.printf(Locale.ROOT, "JIT, GC            %.2f s compiling while measured, %.2f s in collections "
                            + "(whole run)%n",
                    (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - compileStart) / 1e3,
                    ManagementFactory.getGarbageCollectorMXBeans().stream()
                            .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum() / 1e3);
            System.out.printf(Locale.ROOT, "peak heap used     %.1f MiB%n", peakHeap / 1048576.0);
            System.out.printf(Locale.ROOT, "counters           %s%n", counters.snapshot());
        }
    }

    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** CPU seconds of live threads, grouped by name without the trailing number. */
    private static java.util.Map<String, Double> cpuByThreadGroup() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        java.util.Map<String, Double> groups = new java.util.TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long nanos = threads.getThreadCpuTime(t.getId());
            if (nanos > 10_000_000L) {
                String group = t.getName().replaceAll("[-\\s]*\\d+$", "");
                groups.merge(group, Math.round(nanos / 1e7) / 100.0, Double::sum);
            }
        }
        return groups;
    }

    private static long threadCpuNanos(String name) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name))
                .mapToLong(t -> threads.getThreadCpuTime(t.getId()))
                .max().orElse(0L);
    }
}
