package newsbot.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import newsbot.config.BotConfig;
import newsbot.config.FeedSource;
import newsbot.feed.FeedFetcher;
import newsbot.feed.FeedParser;
import newsbot.feed.FetchLimits;
import newsbot.store.Database;
import newsbot.store.FeedState;
import newsbot.store.Feeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the configured feeds that are due: a few at a time, one request at a time per server, storing new articles
 * and each feed's health; prunes old articles. Call {@link #pollDue()} every few seconds from one thread.
 */
public final class FeedPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
    /** Feeds fetched at once; more gains little against one site and costs memory (a body is up to max-bytes). */
    static final int THREADS = 4;

    private final Feeds feeds = new Feeds();
    private final Map<String, FeedSource> sources = new LinkedHashMap<>();
    private final WriteSession session;
    private final FeedIngest ingest;
    private final Pruner pruner;
    private final ExecutorService pool;
    private final ReentrantLock cycle = new ReentrantLock();
    /** One poll of a feed at a time, whether the cycle or a push asked for it. */
    private final Map<String, ReentrantLock> feedLocks = new java.util.concurrent.ConcurrentHashMap<>();
    private final Clock clock;
    private final Map<String, java.net.URI> configuredHubs;
    private volatile boolean synced;
    private final LongAdder fetched = new LongAdder();
    private final LongAdder notModified = new LongAdder();
    private final LongAdder failedFetches = new LongAdder();

    /** Feed fetches since start by outcome, for operators' metrics: a new document, 304, or a failure. */
    public record FetchCounts(long fetched, long notModified, long failed) {
    }

    /**
     * @param fetcher a fetcher built with {@link #fetchLimits(BotConfig)}
     * @param fanOut  called for each new breaking article, in its transaction
     * @param random  the jitter of failing feeds' backoff
     */
    public FeedPoller(BotConfig config, Database db, FeedFetcher fetcher, BreakingFanOut fanOut, Clock clock,
                      RandomGenerator random) {
        this.clock = clock;
        this.configuredHubs = config.newsroom().hubs();
        config.feeds().sources().forEach(s -> sources.put(s.id(), s));
        BotConfig.Feeds settings = config.feeds();
        this.session = new WriteSession(db);
        this.ingest = new FeedIngest(session, fetcher, new FeedParser(), new ArticleMapper(config),
                new ArticleWriter(fanOut), clock, new Backoff(settings.pollInterval(), settings.maxBackoff(), random),
                settings.pollInterval());
        this.pruner = new Pruner(session, settings.retention(), clock);
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread thread = new Thread(r, "feed-poll-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Fetch limits from the configuration: the body cap is {@code feed.max-bytes}; timeouts are the defaults. */
    public static FetchLimits fetchLimits(BotConfig config) {
        FetchLimits d = FetchLimits.defaults();
        return new FetchLimits(d.connectTimeout(), d.readTimeout(), d.maxRedirects(), config.feeds().maxBytes(),
                d.userAgent());
    }

    /**
     * Makes the {@code feeds} table match the configuration: new feeds are added and due at once, a changed URL
     * starts its feed afresh. Rows of feeds no longer configured stay (their health is history) but are not polled.
     * {@link #pollDue()} does this on its first call.
     */
    public synchronized void syncFeeds() {
        session.inTransaction(h -> {
            for (FeedSource s : sources.values()) {
                if (feeds.sync(h, s.id(), s.url())) {
                    LOG.info("feed {} registered at {}", s.id(), s.url());
                }
            }
            return null;
        });
        synced = true;
    }

    /**
     * Polls every configured feed due now and waits for them; then prunes, at most once an hour. Never throws, so
     * it can be scheduled as is; returns how many new articles were stored. A call while another runs returns 0.
     */
    public int pollDue() {
        if (!cycle.tryLock()) {
            return 0;
        }
        try {
            if (!synced) {
                syncFeeds();
            }
            int added = pollFeeds(clock.instant());
            pruner.pruneIfDue();
            return added;
        } catch (RuntimeException e) {
            LOG.warn("feed poll cycle failed: {}", e.toString());
            return 0;
        } finally {
            cycle.unlock();
        }
    }

    /**
     * Polls one configured feed now, whether due or not (a push from the site): the usual conditional GET, new
     * articles stored and alerted as in a cycle, the feed's next regular poll one interval from now. Waits for a poll
     * of the same feed under way. Never throws but for an interrupt.
     *
     * @return new articles stored
     */
    public int pollNow(String feedId) throws InterruptedException {
        try {
            return underFeedLock(feedId, (feed, state) -> count(ingest.poll(feed, state)));
        } catch (RuntimeException e) {
            failedFetches.increment();
            LOG.warn("feed {} not polled: {}", feedId, e.toString());
            return 0;
        }
    }

    /**
     * Stores what a WebSub hub pushed for {@code feedId}, through the same rules as a poll; waits for a poll of the
     * feed under way. Returns new articles, or -1 when the body is not a feed.
     */
    public int ingestPushed(String feedId, byte[] body, String contentType) throws InterruptedException {
        return underFeedLock(feedId, (feed, state) -> ingest.pushed(feed, state, body, contentType));
    }

    private interface FeedWork {
        int run(FeedSource feed, FeedState state) throws InterruptedException;
    }

    /** Work on one configured feed with its current state, while no other poll or push of it runs. */
    private int underFeedLock(String feedId, FeedWork work) throws InterruptedException {
        FeedSource feed = sources.get(feedId);
        if (feed == null) {
            throw new IllegalArgumentException("not a configured feed: " + feedId);
        }
        if (!synced) {
            syncFeeds();
        }
        ReentrantLock lock = feedLocks.computeIfAbsent(feedId, id -> new ReentrantLock());
        lock.lockInterruptibly();
        try {
            return work.run(feed, session.withHandle(h -> feeds.find(h, feedId)).orElseThrow());
        } finally {
            lock.unlock();
        }
    }

    /** The WebSub hub of a feed: {@code feed.<id>.hub}, else the first its document named; empty if none. */
    public Optional<String> hubOf(String feedId) {
        return Optional.ofNullable(configuredHubs.get(feedId)).map(Object::toString)
                .or(() -> ingest.hubsOf(feedId).stream().findFirst());
    }

    /** The configured feeds' ids and URLs, in configuration order. */
    public List<FeedSource> sources() {
        return List.copyOf(sources.values());
    }

    /** Makes a feed due at {@code at} at the latest (pings joined into one more poll); never throws. */
    public void dueBy(String feedId, Instant at) {
        try {
            session.withHandle(h -> {
                feeds.dueBy(h, feedId, at);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("feed {}: a joined push not recorded: {}", feedId, e.toString());
        }
    }

    /** Whether {@code feedId} is a configured feed. */
    public boolean isConfigured(String feedId) {
        return sources.containsKey(feedId);
    }

    private int count(FeedIngest.Outcome outcome) {
        (outcome.modified() ? fetched : outcome.ok() ? notModified : failedFetches).increment();
        return outcome.newArticles();
    }

    public FetchCounts fetchCounts() {
        return new FetchCounts(fetched.sum(), notModified.sum(), failedFetches.sum());
    }

    /** Deletes articles fetched longer than {@code articles.retention} ago; returns how many. */
    public int prune() {
        return pruner.prune();
    }

    private int pollFeeds(Instant now) {
        Map<String, FeedState> due = new LinkedHashMap<>();
        session.withHandle(h -> feeds.due(h, now)).forEach(f -> due.put(f.feedId(), f));
        // Configuration order, so that of two feeds on one server carrying the same article the first one files it.
        List<FeedSource> dueSources = sources.values().stream().filter(s -> due.containsKey(s.id())).toList();
        if (dueSources.isEmpty()) {
            return 0;
        }
        List<Future<int[]>> running = new ArrayList<>();
        for (List<FeedSource> server : HostGroups.of(dueSources, FeedSource::url)) {
            running.add(pool.submit(() -> pollInTurn(server, due)));
        }
        int added = 0;
        int failed = 0;
        for (Future<int[]> f : running) {
            try {
                int[] result = f.get();
                added += result[0];
                failed += result[1];
            } catch (InterruptedException e) {
                running.forEach(r -> r.cancel(true));
                Thread.currentThread().interrupt();
                return added;
            } catch (ExecutionException e) {
                LOG.warn("feed poll task failed: {}", String.valueOf(e.getCause())); // pollInTurn catches all: a bug
            }
        }
        if (added > 0) {
            LOG.info("polled {} feeds: {} new articles, {} failed", dueSources.size(), added, failed);
        } else {
            LOG.debug("polled {} feeds: nothing new, {} failed", dueSources.size(), failed);
        }
        return added;
    }

    // One server's feeds one after another: at most one request at a time per server.
    private int[] pollInTurn(List<FeedSource> server, Map<String, FeedState> due) {
        int added = 0;
        int failing = 0;
        for (FeedSource feed : server) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            ReentrantLock lock = feedLocks.computeIfAbsent(feed.id(), id -> new ReentrantLock());
            try {
                lock.lockInterruptibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                // A push may have polled it since the cycle began: then its state is newer, and it may not be due.
                FeedState state = session.withHandle(h -> feeds.find(h, feed.id())).orElse(due.get(feed.id()));
                if (state.nextFetchAt().isAfter(clock.instant())) {
                    continue;
                }
                FeedIngest.Outcome outcome = ingest.poll(feed, state);
                added += count(outcome);
                failing += outcome.ok() ? 0 : 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | StackOverflowError e) {
                // Even recording the failure failed (the database?): the next cycle tries again.
                failing++;
                failedFetches.increment();
                LOG.warn("feed {} not polled: {}", feed.id(), e.toString());
            } finally {
                lock.unlock();
            }
        }
        return new int[] {added, failing};
    }

    /** Stops the poll threads, interrupting fetches in flight, and closes the connection. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("feed poll threads still running after 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        session.close();
    }
}
