package newsbot.admin;

import newsbot.store.ArticleReads;
import java.time.ZoneOffset;
import java.time.ZoneOffset;
import newsbot.store.PaidSpending;
import org.jdbi.v3.core.Handle;
import java.awt.AWTError;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import newsbot.config.BotConfig;
import newsbot.config.Category;
import newsbot.delivery.DeliveryCounters;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.DeliveryState;
import newsbot.delivery.Outbox;
import newsbot.store.Database;
import newsbot.store.Reports;
import newsbot.store.SubscriberStatus;
import newsbot.store.Subscribers;
import newsbot.store.Subscriptions;
import newsbot.html.Html;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /stats}: readers, categories, articles and deliveries as text, and a chart of the trends. */
final class Stats {

    private static final Logger LOG = LoggerFactory.getLogger(Stats.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter NOW = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    static final int DAYS = 30;
    static final int HOURS = 48;

    private final BotConfig config;
    private final Database db;
    private final Subscribers subscribers;
    private final Subscriptions subscriptions;
    private final Outbox deliveries;
    private final Reports reports;
    private final DeliveryCounters counters;
    private final AdminTexts texts;
    private final Clock clock;
    private final Supplier<Optional<ActiveInstance>> activeInstance;
    private final PaidSpending spending = new PaidSpending();
    private final ArticleReads reads = new ArticleReads();
    private static final int TOP_READS = 3;
    private final StatsChart chart = new StatsChart();

    Stats(BotConfig config, Database db, Subscribers subscribers, Subscriptions subscriptions, Outbox deliveries,
          Reports reports, DeliveryCounters counters, AdminTexts texts, Clock clock,
          Supplier<Optional<ActiveInstance>> activeInstance) {
        this.config = config;
        this.db = db;
        this.subscribers = subscribers;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.reports = reports;
        this.counters = counters;
        this.texts = texts;
        this.clock = clock;
        this.activeInstance = activeInstance;
    }

    /** The numbers, in the configured default time zone ("today" and "this week" start at its midnight). */
    public String text(String lang) {
        ZoneId zone = zone();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant dayStart = today.atStartOfDay(zone).toInstant();
        Instant weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone)
                .toInstant();
        Instant dayAgo = now.minus(24, ChronoUnit.HOURS);
        StringBuilder out = new StringBuilder(1024);
        // autocommit reads: a transaction here would take the write lock (IMMEDIATE mode) just to count
        db.withHandle(h -> {
            Map<SubscriberStatus, Integer> status = subscribers.countByStatus(h);
            line(out, texts.get(lang, "admin.stats.title", NOW.format(now.atZone(zone)), zone.getId()));
            line(out, texts.get(lang, "admin.stats.readers", status.get(SubscriberStatus.ACTIVE),
                    status.get(SubscriberStatus.PAUSED), status.get(SubscriberStatus.STOPPED),
                    status.get(SubscriberStatus.BLOCKED)));
            line(out, texts.get(lang, "admin.stats.new", subscribers.countCreatedSince(h, dayStart),
                    subscribers.countCreatedSince(h, weekStart)));
            line(out, texts.get(lang, "admin.stats.categories"));
            for (Map.Entry<String, Integer> e : byCategory(subscriptions.activeCountsByCategory(h), lang).entrySet()) {
                line(out, texts.get(lang, "admin.stats.category", Html.escape(e.getKey()), e.getValue()));
            }
            line(out, texts.get(lang, "admin.stats.articles", reports.articlesFetchedSince(h, dayAgo)));
            readsLine(out, h, lang, LocalDate.ofInstant(now, ZoneOffset.UTC));
            line(out, texts.get(lang, "admin.stats.deliveries"));
            Map<DeliveryKind, Map<DeliveryState, Integer>> byKind = deliveries.countsSince(h, dayAgo);
            if (byKind.isEmpty()) {
                line(out, texts.get(lang, "admin.stats.deliveries.none"));
            }
            for (Map.Entry<DeliveryKind, Map<DeliveryState, Integer>> kind : byKind.entrySet()) {
                List<String> states = new ArrayList<>();
                kind.getValue().forEach((state, n) -> states.add(texts.get(lang, "admin.dstate." + state, n)));
                line(out, texts.get(lang, "admin.stats.kind", texts.get(lang, "admin.kind." + kind.getKey()),
                        String.join(" · ", states)));
            }
            DeliveryCounters.Snapshot since = counters.snapshot();
            line(out, texts.get(lang, "admin.stats.429", since.rateLimited(), since.retried()));
            line(out, since.outage()
                    .map(at -> texts.get(lang, "admin.stats.telegram.down", NOW.format(at.atZone(zone))))
                    .orElseGet(() -> texts.get(lang, "admin.stats.telegram.up", since.outages(), since.expired())));
            paidLine(out, h, lang, now);
            activeInstance.get().ifPresent(a -> line(out, texts.get(lang, "admin.stats.instance",
                    Html.escape(a.name()), a.leaseTaken())));
            out.append(queue(lang, deliveries.pendingCount(h)));
            return out;
        });
        return out.toString();
    }

    /** Today's reads in Telegram and the most-read articles (as /top shows readers). */
    private void readsLine(StringBuilder out, Handle h, String lang, LocalDate day) {
        List<ArticleReads.TopRead> top = reads.top(h, day, TOP_READS);
        int total = reads.onDay(h, day);
        StringBuilder titles = new StringBuilder();
        for (ArticleReads.TopRead read : top) {
            titles.append("\n· ").append(Html.link(read.url(), read.title())).append(" · ").append(read.reads());
        }
        line(out, texts.get(lang, "admin.stats.reads", total, titles));
    }

    /** The queue, and how long it takes at the rate the limiter keeps to now (not while Telegram paused sending). */
    private String queue(String lang, int pending) {
        String queue = texts.get(lang, "admin.stats.queue", pending);
        return counters.pace().filter(p -> pending > 0 && p.allowedPerSecond() > 0)
                .map(p -> queue + '\n' + texts.get(lang, "admin.stats.queue.time", Math.round(p.allowedPerSecond()),
                        new TimeTexts(texts).duration(lang, Duration.ofSeconds((long) Math.ceil(pending
                                / p.allowedPerSecond())))))
                .orElse(queue);
    }

    /** Paid messages and Stars, today (UTC, as the budget counts) and over the last 7 days; none when never used. */
    private void paidLine(StringBuilder out, Handle h, String lang, Instant now) {
        BotConfig.Paid paid = config.delivery().paid();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<LocalDate, Integer> days = spending.since(h, today.minusDays(6));
        if (!paid.enabled() && days.isEmpty()) {
            return;
        }
        int todayCount = days.getOrDefault(today, 0);
        int week = days.values().stream().mapToInt(Integer::intValue).sum();
        line(out, texts.get(lang, "admin.stats.paid", todayCount, paid.cost(todayCount).toPlainString(),
                paid.budgetStars(), week, paid.cost(week).toPlainString()));
    }

    /** The chart as a PNG, or empty when it cannot be drawn here (logged; the text still goes out). */
    public Optional<byte[]> chart(String lang) {
        try {
            return Optional.of(chart.render(readersSeries(lang), deliveriesSeries(lang)));
        } catch (RuntimeException | LinkageError | AWTError | InternalError e) {
            // a server image without fonts makes Java2D fail here; the numbers matter more than the picture
            LOG.error("the /stats chart could not be drawn", e);
            return Optional.empty();
        }
    }

    public String chartCaption(String lang) {
        return texts.get(lang, "admin.chart.caption", zone().getId());
    }

    StatsChart.Series readersSeries(String lang) {
        ZoneId zone = zone();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<Instant> ends = new ArrayList<>();
        List<String> ticks = new ArrayList<>();
        for (int i = DAYS - 1; i >= 0; i--) {
            LocalDate day = today.minusDays(i);
            Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
            ends.add(end.isAfter(now) ? now : end);
            ticks.add(i % 3 == 0 ? DAY.format(day) : "");
        }
        List<Integer> counts = db.withHandle(h -> reports.activeReadersAt(h, ends));
        return new StatsChart.Series(texts.get(lang, "admin.chart.readers.title", DAYS),
                texts.get(lang, "admin.chart.readers.x", zone.getId()), texts.get(lang, "admin.chart.readers.y"),
                ticks, counts, false);
    }

    StatsChart.Series deliveriesSeries(String lang) {
        ZoneId zone = zone();
        Instant firstHour = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(HOURS - 1, ChronoUnit.HOURS);
        Map<Long, Integer> sent = db.withHandle(h -> deliveries.sentPerHour(h, firstHour));
        List<Integer> counts = new ArrayList<>();
        List<String> ticks = new ArrayList<>();
        for (int i = 0; i < HOURS; i++) {
            Instant hour = firstHour.plus(i, ChronoUnit.HOURS);
            counts.add(sent.getOrDefault(hour.toEpochMilli(), 0));
            ZonedDateTime local = hour.atZone(zone);
            ticks.add(local.getHour() % 6 != 0 ? "" : local.getHour() == 0 ? DAY.format(local) : HOUR.format(local));
        }
        return new StatsChart.Series(texts.get(lang, "admin.chart.sent.title", HOURS),
                texts.get(lang, "admin.chart.sent.x", zone.getId()), texts.get(lang, "admin.chart.sent.y"),
                ticks, counts, true);
    }

    /** Counts under display names, in the configured order; slugs no longer configured come last. */
    private Map<String, Integer> byCategory(Map<String, Integer> counts, String lang) {
        Map<String, Integer> named = new LinkedHashMap<>();
        for (Category c : config.categories()) {
            named.put(c.displayName(lang), counts.getOrDefault(c.slug(), 0));
        }
        counts.forEach((slug, n) -> {
            if (config.category(slug).isEmpty()) {
                named.put(slug, n);
            }
        });
        return named;
    }

    private ZoneId zone() {
        return config.digest().defaultZone();
    }

    private static void line(StringBuilder out, String text) {
        out.append(text).append('\n');
    }
}
