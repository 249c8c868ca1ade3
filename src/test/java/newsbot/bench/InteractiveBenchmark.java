package newsbot.bench;

import java.lang.management.ManagementFactory;
import newsbot.delivery.Manner;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;
import newsbot.app.Application;
import newsbot.config.BotConfig;
import newsbot.config.ConfigLoader;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.DeliveryTime;
import newsbot.delivery.Outbox;
import newsbot.store.Database;

import newsbot.telegram.FakeBotApi;
import newsbot.telegram.FakeCallbackAnswer;
import newsbot.telegram.FakeMessage;
import newsbot.telegram.FakeRateLimits;

/**
 * Not a test: the whole bot, default config (30/s, 1/s per chat, flood guard on), against {@code FakeBotApi}
 * answering every call after a round trip, as Telegram 50-250 ms away does. Measures, in one run: 200 readers
 * writing /help at once (replies/s, p50/p99 until Telegram has each reply); 50 readers writing while one chat
 * floods 100 messages (their p99 beside the same without the flood); a button press answered while a 600-reader
 * broadcast is going out. Argument: [roundTripMs=100].
 */
public final class InteractiveBenchmark {

    private static final int LIMIT = 30;

    private InteractiveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration roundTrip = Duration.ofMillis(args.length > 0 ? Long.parseLong(args[0]) : 100);
        Path dir = Files.createTempDirectory("newsbot-interactive");
        try (FakeBotApi telegram = FakeBotApi.start()) {
            telegram.enableRateLimits(new FakeRateLimits(LIMIT, 1, 20, Duration.ofMillis(25)));
            telegram.delayResponses(roundTrip);
            BotConfig config = new ConfigLoader(Map.of()).fromMap(config(telegram, dir));
            Application app = Application.start(config, Clock.systemUTC(), Duration.ofSeconds(10),
                    Application.Schedules.OFF);
            try {
                ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
                long cpuStart = processCpuNanos();
                warmUp(telegram);
                System.out.printf(Locale.ROOT, "round trip         %d ms on every Bot API answer; limit %d/s%n",
                        roundTrip.toMillis(), LIMIT);
                simultaneous(telegram);
                flood(telegram);
                pressDuringBroadcast(telegram, config);
                long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP)
                        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
                System.out.printf(Locale.ROOT, "429s received      %d%n", telegram.tooManyRequestsCount());
                System.out.printf(Locale.ROOT, "CPU, peak heap     %.1f s process (bot + fake server), %.1f MiB%n",
                        (processCpuNanos() - cpuStart) / 1e9, peakHeap / 1048576.0);
            } finally {
                app.close();
            }
        }
    }

    private static Map<String, String> config(FakeBotApi telegram, Path dir) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("telegram.token", telegram.token());
        p.put("telegram.api-url", telegram.apiUrl());
        p.put("db.path", dir.resolve("bench.db").toString());
        p.put("http.port", "0");
        p.put("category.economy", "Экономика");
        p.put("category.sport", "Спорт");
        p.put("feed.main.url", "http://127.0.0.1:9/rss");
        return p;
    }

    private static void warmUp(FakeBotApi telegram) throws InterruptedException {
        for (long chat = 900_000; chat < 900_030; chat++) {
            telegram.userSends(chat, chat, "/help");
        }
        awaitReplies(telegram, LongStream.range(900_000, 900_030).boxed().toList(), Duration.ofSeconds(60));
    }

    private static void simultaneous(FakeBotApi telegram) throws InterruptedException {
        List<Long> readers = LongStream.rangeClosed(1, 200).boxed().toList();
        for (long chat : readers) {
            telegram.userSends(chat, chat, "/help");
        }
        long[] latency = awaitReplies(telegram, readers, Duration.ofSeconds(120));
        double last = latency[latency.length - 1] / 1e9;
        System.out.printf(Locale.ROOT, "200 at once        %.1f replies/s = %.3f of the limit; p50 %.2f s, p99 %.2f s, "
                        + "last %.2f s (target: all within %.2f s)%n", 200 / last, 200 / last / LIMIT,
                percentile(latency, 50), percentile(latency, 99), last, 200.0 / LIMIT + 2);
    }

    private static void flood(FakeBotApi telegram) throws InterruptedException {
        List<Long> quiet = LongStream.rangeClosed(1001, 1050).boxed().toList();
        for (long chat : quiet) {
            telegram.userSends(chat, chat, "/help");
        }
        long[] alone = awaitReplies(telegram, quiet, Duration.ofSeconds(60));
        Thread.sleep(2000);
        List<Long> others = LongStream.rangeClosed(2001, 2050).boxed().toList();
        for (int i = 0; i < 100; i++) {
            telegram.userSends(666, 666, "/help");
            if (i % 2 == 0) {
                long chat = others.get(i / 2);
                telegram.userSends(chat, chat, "/help");
            }
        }
        long[] beside = awaitReplies(telegram, others, Duration.ofSeconds(60));
        Thread.sleep(1000);
        System.out.printf(Locale.ROOT, "flood              50 readers p99 %.2f s alone, %.2f s beside a chat sending 100 "
                        + "messages (+%.2f s; target under 1 s); the flooder got %d replies%n",
                percentile(alone, 99), percentile(beside, 99), percentile(beside, 99) - percentile(alone, 99),
                telegram.messagesTo(666).size());
    }

    private static void pressDuringBroadcast(FakeBotApi telegram, BotConfig config) throws InterruptedException {
        telegram.userSends(5000, 5000, "/start");
        awaitReplies(telegram, List.of(5000L), Duration.ofSeconds(30));
        FakeMessage welcome = telegram.messagesTo(5000).get(0);
        Database db = Database.open(config.dbPath());
        Outbox outbox = new Outbox(DeliveryTime.system());
        List<Long> readers = LongStream.rangeClosed(10_001, 10_600).boxed().toList();
        db.useTransaction(h -> outbox.enqueueAll(h, readers, DeliveryKind.BROADCAST, 1, "<b>Объявление</b>", Manner.PLAIN, Instant.now()));
        // the running bot looks at the table within 2 s: let the broadcast fill the limit first
        while (telegram.sentMessages().stream().filter(m -> m.chatId() > 10_000).count() < 60) {
            Thread.sleep(20);
        }
        long pressed = System.nanoTime();
        String query = telegram.userPresses(5000, 5000, welcome.messageId(),
                welcome.buttons().get(0).callbackData());
        FakeCallbackAnswer answer = telegram.awaitCallbackAnswer(query, Duration.ofSeconds(30));
        long broadcastSent = telegram.sentMessages().stream().filter(m -> m.chatId() > 10_000).count();
        System.out.printf(Locale.ROOT, "press in broadcast answered after %.2f s (target under 1 s), with %d of 600 "
                + "broadcast messages out%n", (answer.atNanos() - pressed) / 1e9, broadcastSent);
    }

    /**
     * Nanoseconds from the call (right after the messages were handed to the fake) until Telegram had each chat's
     * first reply, sorted; waits for all.
     */
    private static long[] awaitReplies(FakeBotApi telegram, List<Long> chats, Duration timeout)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        List<Long> latencies = new ArrayList<>();
        for (long chat : chats) {
            while (telegram.messagesTo(chat).isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no reply to chat " + chat + " within " + timeout);
                }
                Thread.sleep(5);
            }
            latencies.add(telegram.messagesTo(chat).get(0).sentAtNanos() - start);
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e9;
    }

    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
