package newsbot.bench;

import newsbot.testing.TestConfig;

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
import newsbot.delivery.Manner;
import newsbot.delivery.Outbox;
import newsbot.delivery.PaidLane;
import newsbot.delivery.SendFence;
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
 * Not a test: a paid broadcast ("Send fast") to N readers through the whole path (outbox in SQLite, dispatcher, the
 * paid lane and its schedule, the real telegrambots client, FakeBotApi on loopback enforcing the free 30/s, the
 * paid 1000/s and 1/s per chat) with every answer delayed by a round trip. Prints the paid rate achieved as a share
 * of the configured paid rate, the 429s and the Stars counted. Arguments: [chats=20000] [paidPerSecond=300]
 * [roundTripMs=100] [budgetStars=10000].
 */
public final class PaidSendBenchmark {

    private PaidSendBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int chats = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int paidRate = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Duration roundTrip = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 100);
        int budget = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        Path dir = Files.createTempDirectory("newsbot-bench");
        DeliveryTime time = DeliveryTime.system();
        BotConfig.Paid paid = new BotConfig.Paid(true, paidRate, budget, new java.math.BigDecimal("0.1"));
        BotConfig.Delivery limits = TestConfig.limits(30, 1, 20, 5, 1).withPaid(paid);

        try (FakeBotApi telegram = FakeBotApi.start();
             TelegramClientFactory factory = new TelegramClientFactory(telegram.token(),
                     BotApiUrl.parse(telegram.apiUrl()))) {
            telegram.enableRateLimits(new FakeRateLimits(30, 1, 20, Duration.ofMillis(25)).withSlidingSecond());
            telegram.delayResponses(roundTrip);
            Database db = Database.open(dir.resolve("bench.db"));
            Outbox outbox = new Outbox(time);
            DeliveryCounters counters = new DeliveryCounters();
            PaidLane lane = new PaidLane(paid, time);
            RateLimiter limiter = new RateLimiter(limits, time, counters);
            Dispatcher dispatcher = new Dispatcher(db, new Subscribers(), outbox,
                    limiter.stamping(new TelegramGateway(factory.telegramClient())), limiter,
                    new RetryPolicy(limits.maxAttempts(), new SplittableRandom()), counters, time,
                    InFlightLimit.auto(30), Dispatcher.DEFAULT_MAX_AGES, lane, SendFence.NONE);

            List<Long> ids = LongStream.rangeClosed(1, chats).boxed().toList();
            long enqueueStart = System.nanoTime();
            db.useTransaction(h -> outbox.enqueueAll(h, ids, DeliveryKind.BROADCAST, 1,
                    "<b>Срочно</b>: перекрытие дорог", Manner.PLAIN.with(Manner.Lane.PAID), time.now()));
            double enqueueSeconds = (System.nanoTime() - enqueueStart) / 1e9;
            long cpuStart = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
            long wallStart = System.nanoTime();
            dispatcher.start();
            while (telegram.sentMessages().size() < chats) {
                Thread.sleep(200);
                if (System.nanoTime() - wallStart > Duration.ofSeconds(chats / 30 + 60).toNanos()) {
                    throw new IllegalStateException("gave up: only " + telegram.sentMessages().size() + " sent");
                }
            }
            double wall = (System.nanoTime() - wallStart) / 1e9;
            double cpu = (ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L)
                    - cpuStart) / 1e9;
            Dispatcher.Status status = dispatcher.status();
            dispatcher.stop(Duration.ofSeconds(10));

            List<FakeMessage> sent = telegram.sentMessages();
            long[] at = sent.stream().filter(FakeMessage::paid).mapToLong(FakeMessage::sentAtNanos).sorted().toArray();
            double span = (at[at.length - 1] - at[0]) / 1e9;
            double rate = (at.length - 1) / span;
            int tail = at.length - 1 - at.length / 10;
            double steady = tail / ((at[at.length - 1] - at[at.length / 10]) / 1e9);
            System.out.printf(Locale.ROOT, "messages           %d (%d paid) to %d chats, paid rate %d/s, round trip %d ms,"
                    + " in flight %d at the end, measured round trip %d ms%n", sent.size(), at.length,
                    sent.stream().mapToLong(FakeMessage::chatId).distinct().count(), paidRate, roundTrip.toMillis(),
                    status.inFlightLimit(), status.roundTripMillis());
            System.out.printf(Locale.ROOT, "enqueue            %.2f s for %d rows%n", enqueueSeconds, chats);
            System.out.printf(Locale.ROOT, "paid rate          %.1f/s = %.3f of the paid limit (first to last)%n",
                    rate, rate / paidRate);
            System.out.printf(Locale.ROOT, "steady paid rate   %.1f/s = %.3f of the paid limit (last 90%%)%n",
                    steady, steady / paidRate);
            System.out.printf(Locale.ROOT, "wall time          %.2f s (at the free 30/s: %.0f s)%n", wall, chats / 30.0);
            System.out.printf(Locale.ROOT, "429s received      %d%n", telegram.tooManyRequestsCount());
            System.out.printf(Locale.ROOT, "Stars              %s counted by the fake, %s by the bot (%d paid messages)%n",
                    telegram.starsSpent(), lane.snapshot().starsToday().toPlainString(), lane.snapshot().messagesToday());
            System.out.printf(Locale.ROOT, "CPU                %.2f s process (client + fake server)%n", cpu);
        }
    }
}
