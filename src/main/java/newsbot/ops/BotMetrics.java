package newsbot.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import newsbot.delivery.DeliveryCounters;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.RateLimiter;
import newsbot.store.FeedState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Prometheus registry and every meter of the bot, read from {@link MetricSources} at scrape time: counters
 * are function counters over the features' own counts, database numbers are refreshed once per scrape.
 */
public final class BotMetrics implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BotMetrics.class);
    /** Feed fetch outcomes shown even before the first fetch, so a rate() has a series to start from. */
    static final List<String> FETCH_OUTCOMES = List.of("fetched", "not_modified", "failed");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Micrometer holds the objects it reads only weakly: the suppliers must be kept alive here.
    private final MetricSources sources;
    private final StoreGauges store;
    private final MultiGauge pending;
    private final MultiGauge feedLag;
    private final MultiGauge feedFailures;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public BotMetrics(MetricSources sources) {
        this.sources = sources;
        this.store = new StoreGauges(sources.db(), sources.outbox(), sources.clock());
        FunctionCounter.builder("newsbot.updates.handled", sources.updatesHandled(), s -> s.getAsLong())
                .description("Telegram updates handled and committed").register(registry);
        DeliveryCounters delivery = sources.delivery();
        for (DeliveryKind kind : DeliveryKind.values()) {
            for (DeliveryCounters.Outcome outcome : DeliveryCounters.Outcome.values()) {
                FunctionCounter.builder("newsbot.sends", delivery, c -> c.count(kind, outcome))
                        .tags("kind", kind.name(), "outcome", outcome.label())
                        .description("Bot API sends by kind of row and outcome (kind REPLY: replies)")
                        .register(registry);
            }
        }
        FunctionCounter.builder("newsbot.telegram.rate.limited", delivery, c -> c.snapshot().rateLimited())
                .description("429 Too Many Requests answers").register(registry);
        for (RateLimiter.Scope scope : RateLimiter.Scope.values()) {
            FunctionCounter.builder("newsbot.telegram.rate.limited.scope", delivery, c -> c.rateLimited(scope))
                    .tags("scope", scope.name())
                    .description("429 answers by what they paused: one chat (CHAT) or all sending (ALL)")
                    .register(registry);
        }
        FunctionCounter.builder("newsbot.sender.slow.downs", delivery, DeliveryCounters::slowDowns)
                .description("times the sender slowed down because 429s repeated").register(registry);
        pace(delivery);
        FunctionCounter.builder("newsbot.telegram.outages", delivery, c -> c.snapshot().outages())
                .description("times Telegram or the network failed for everybody").register(registry);
        Gauge.builder("newsbot.instance.active", sources.active(), a -> a.getAsBoolean() ? 1 : 0)
                .description("1 while this instance runs the bot (always, alone; the lease holder, in a pair)")
                .register(registry);
        Gauge.builder("newsbot.telegram.up", sources.sender(),
                        s -> "UP".equals(String.valueOf(s.get().telegram())) ? 1 : 0)
                .description("1 while the sender finds Telegram answering").register(registry);
        Gauge.builder("newsbot.sender.in.flight", sources.sender(), s -> s.get().inFlight())
                .description("Bot API calls awaiting an answer").register(registry);
        Gauge.builder("newsbot.sender.round.trip", sources.sender(), s -> s.get().roundTripMillis() / 1000.0)
                .baseUnit("seconds").description("measured Bot API round trip").register(registry);
        for (String outcome : FETCH_OUTCOMES) {
            FunctionCounter.builder("newsbot.feed.fetches", sources.feedFetches(),
                            f -> f.get().getOrDefault(outcome, 0L))
                    .tags("outcome", outcome).description("feed fetches by outcome").register(registry);
        }
        FunctionTimer.builder("newsbot.digest.tick", sources, s -> s.digestTicks().getAsLong(),
                        s -> s.digestTickNanos().getAsLong(), TimeUnit.NANOSECONDS)
                .description("digest ticks and the time they took").register(registry);
        pending = MultiGauge.builder("newsbot.queue.pending").description("pending deliveries by kind")
                .register(registry);
        Gauge.builder("newsbot.queue.oldest.pending.age", store, s -> s.last().oldestPendingAgeSeconds())
                .baseUnit("seconds").description("age of the oldest pending delivery, 0 when none").register(registry);
        // kept reads, summed: an article past retention takes its reads along, so the count may step down then
        FunctionCounter.builder("newsbot.article.reads", store, s -> s.last().articleReads())
                .description("articles read in Telegram (Read in Telegram, deep links)").register(registry);
        feedLag = MultiGauge.builder("newsbot.feed.lag").baseUnit("seconds")
                .description("time since the feed was last fetched fine").register(registry);
        feedFailures = MultiGauge.builder("newsbot.feed.failures")
                .description("consecutive failed fetches of the feed").register(registry);
        Gauge.builder("newsbot.sqlite.file.size", sources.db(), db -> db.sizeOnDisk()).baseUnit("bytes")
                .description("database file and its write-ahead log").register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    /** The limiter's use against its limits, per lane: free (the global limit) and paid. */
    private void pace(DeliveryCounters delivery) {
        Gauge.builder("newsbot.sender.rate.limit", delivery, c -> c.pace().map(RateLimiter.Pace::limitPerSecond)
                        .orElse(0)).tags("lane", "free").description("configured messages per second").register(registry);
        Gauge.builder("newsbot.sender.rate.limit", delivery, c -> c.pace().map(RateLimiter.Pace::paidLimitPerSecond)
                        .orElse(0)).tags("lane", "paid").register(registry);
        Gauge.builder("newsbot.sender.rate.sent", delivery, c -> c.pace().map(RateLimiter.Pace::sentLastSecond)
                        .orElse(0)).tags("lane", "free").description("messages sent in the last second")
                .register(registry);
        Gauge.builder("newsbot.sender.rate.sent", delivery, c -> c.pace().map(RateLimiter.Pace::paidSentLastSecond)
                        .orElse(0)).tags("lane", "paid").register(registry);
        Gauge.builder("newsbot.sender.rate.allowed", delivery, c -> c.pace().map(RateLimiter.Pace::allowedPerSecond)
                        .orElse(0.0))
                .description("messages per second the limiter allows now: the limit, less while 429s repeat, "
                        + "0 while Telegram paused all sending").register(registry);
    }

    /** The Prometheus text exposition, with the database numbers read now. */
    public String scrape() {
        try {
            StoreGauges.Snapshot snapshot = store.refresh();
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (DeliveryKind kind : DeliveryKind.values()) {
                rows.add(MultiGauge.Row.of(Tags.of("kind", kind.name()), snapshot.pendingByKind().getOrDefault(kind, 0)));
            }
            pending.register(rows, true);
            List<MultiGauge.Row<?>> lag = new ArrayList<>();
            List<MultiGauge.Row<?>> failures = new ArrayList<>();
            for (FeedState feed : snapshot.feeds()) {
                if (feed.lastSuccessAt() != null) {
                    double seconds = Math.max(0, Duration.between(feed.lastSuccessAt(), snapshot.at()).toMillis() / 1000.0);
                    lag.add(MultiGauge.Row.of(Tags.of("feed", feed.feedId()), seconds));
                }
                failures.add(MultiGauge.Row.of(Tags.of("feed", feed.feedId()), feed.failures()));
            }
            feedLag.register(lag, true);
            feedFailures.register(failures, true);
        } catch (RuntimeException e) {
            // the in-memory numbers are still worth a scrape; /health says what is wrong with the database
            LOG.warn("metrics: database numbers not refreshed: {}", e.getMessage());
        }
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
