package newsbot.digest;

import newsbot.messages.DigestComposer;
import newsbot.messages.Texts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import newsbot.config.BotConfig;
import newsbot.config.Category;
import newsbot.delivery.Outbox;
import newsbot.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once a minute, enqueues the digest of every active reader who is due (their time zone, digest times, quiet
 * hours and last digest decide) and advances each reader's cursor in the same transaction. The app runs
 * {@link #task()} on a single-threaded {@code ScheduledExecutorService}, first after {@link #delayToNextMinute()},
 * then every 60 seconds; tests call {@link #tick()}. A bot that was down over digest times sends one digest per
 * reader on its first tick.
 */
public final class DigestScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(DigestScheduler.class);

    private final DigestTick tick;
    private final Clock clock;
    private final LongAdder ticks = new LongAdder();
    private final LongAdder tickNanos = new LongAdder();

    /**
     * @param writes runs the write transaction of each page of due readers, overlapping the composition of the
     *               next page: a thread other than the one running {@link #task()}, e.g. a single-threaded
     *               executor of its own; {@code Runnable::run} writes on the calling thread
     */
    public DigestScheduler(BotConfig config, Database db, Outbox outbox, Texts texts, Clock clock, Executor writes) {
        this(config.categories(), DigestOptions.from(config), db, outbox, texts, clock, writes);
    }

    public DigestScheduler(List<Category> categories, DigestOptions options, Database db, Outbox outbox, Texts texts,
                           Clock clock, Executor writes) {
        this(categories, options, db, outbox, texts, clock, writes, new DigestComposer());
    }

    /** @param items renders each article once, with its read-in-Telegram link when it knows the bot's name */
    public DigestScheduler(List<Category> categories, DigestOptions options, Database db, Outbox outbox, Texts texts,
                           Clock clock, Executor writes, DigestComposer items) {
        this.tick = new DigestTick(db, outbox, texts, categories, options, writes, items);
        this.clock = clock;
    }

    /** One pass at the clock's now; safe to repeat: a reader already served is not due again until their next slot. */
    public TickResult tick() {
        Instant now = clock.instant();
        long started = System.nanoTime();
        TickResult result = tick.run(now);
        long nanos = System.nanoTime() - started;
        ticks.increment();
        tickNanos.add(nanos);
        long millis = nanos / 1_000_000;
        if (result.due() > 0) {
            LOG.info("digest tick: {} readers due, {} digests enqueued, {} with nothing new, {} ms",
                    result.due(), result.sent(), result.due() - result.sent(), millis);
        } else {
            LOG.debug("digest tick: nobody due, {} ms", millis);
        }
        return result;
    }

    /** Ticks run since start and their total duration in nanoseconds, for operators' metrics. */
    public long ticksRun() {
        return ticks.sum();
    }

    public long tickNanos() {
        return tickNanos.sum();
    }

    /** Time until the next whole minute by the clock: digest times are whole minutes, so ticks start on them. */
    public Duration delayToNextMinute() {
        Instant now = clock.instant();
        return Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)));
    }

    /** {@link #tick()} for a scheduled executor: a failure is logged and the next minute tries again. */
    public Runnable task() {
        return () -> {
            try {
                tick();
            } catch (RuntimeException e) {
                // An exception escaping a periodic task would cancel every later run.
                LOG.error("digest tick failed; retrying next minute", e);
            }
        };
    }

    /**
     * @param due  readers whose digest time had come
     * @param sent of them, those who had something new and got a digest enqueued
     */
    public record TickResult(int due, int sent) {
    }
}
