package newsbot.ingest;

import newsbot.html.Html;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import newsbot.config.FeedSource;
import newsbot.feed.FeedError;
import newsbot.feed.FeedFetcher;
import newsbot.feed.FeedParser;
import newsbot.feed.FetchResult;
import newsbot.feed.ParseResult;
import newsbot.feed.Validators;
import newsbot.store.FeedState;
import newsbot.store.Feeds;
import newsbot.store.NewArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One feed, one attempt: fetch, parse, store what is new, and record the feed's health. Never throws on bad feeds. */
final class FeedIngest {

    private static final Logger LOG = LoggerFactory.getLogger(FeedIngest.class);

    /** What one attempt did, for the cycle's summary; {@code modified} false for a 304 or a failure. */
    record Outcome(int newArticles, boolean ok, boolean modified) {
    }

    private final WriteSession session;
    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final ArticleMapper mapper;
    private final ArticleWriter writer;
    private final Feeds feeds = new Feeds();
    private final Clock clock;
    private final Backoff backoff;
    private final Duration interval;
    /** The WebSub hubs each feed named when last parsed, by feed id. */
    private final Map<String, List<String>> hubs = new ConcurrentHashMap<>();

    FeedIngest(WriteSession session, FeedFetcher fetcher, FeedParser parser, ArticleMapper mapper, ArticleWriter writer,
               Clock clock, Backoff backoff, Duration interval) {
        this.session = session;
        this.fetcher = fetcher;
        this.parser = parser;
        this.mapper = mapper;
        this.writer = writer;
        this.clock = clock;
        this.backoff = backoff;
        this.interval = interval;
    }

    /**
     * Polls {@code feed}, whose row was {@code state} when the cycle began. Failures of the feed, the parser or the
     * storing end up in the feed's health; only an interrupt (shutdown) or a broken database escapes.
     */
    Outcome poll(FeedSource feed, FeedState state) throws InterruptedException {
        Instant started = clock.instant();
        try {
            return attempt(feed, state, started);
        } catch (RuntimeException | StackOverflowError e) {
            // Not a bad feed but a bug or a database problem: the stack trace is worth logging, once.
            return failed(feed, state, null, "internal error: " + e, started, e);
        }
    }

    private Outcome attempt(FeedSource feed, FeedState state, Instant started) throws InterruptedException {
        FetchResult result = fetcher.fetch(feed.url(), new Validators(state.etag(), state.lastModified()));
        if (result instanceof FetchResult.NotModified notModified) {
            // The document is unchanged: nothing to parse, only the feed's health moves.
            session.withHandle(h -> {
                feeds.recordNotModified(h, feed.id(), notModified.status(), started, started.plus(interval));
                return null;
            });
            recovered(feed, state);
            return new Outcome(0, true, false);
        }
        if (result instanceof FetchResult.Failed failed) {
            Integer status = failed.error() instanceof FeedError.HttpStatus http ? http.status() : null;
            return failed(feed, state, status, failed.error().describe(), started, null);
        }
        FetchResult.Fetched fetched = (FetchResult.Fetched) result;
        ParseResult parsed = parser.parse(fetched.body(), fetched.contentType(), started);
        if (parsed instanceof ParseResult.Failed failed) {
            return failed(feed, state, fetched.status(), failed.error().describe(), started, null);
        }
        ParseResult.Parsed document = (ParseResult.Parsed) parsed;
        hubs.put(feed.id(), document.hubs());
        List<NewArticle> articles = mapper.map(feed, document, fetched.finalUrl(), started);
        // The first successful fetch stores what the feed already holds, but none of it is news to anyone.
        boolean push = state.initialized();
        int added = session.inTransaction(h -> {
            int n = writer.write(h, articles, push, started);
            feeds.recordFetched(h, feed.id(), fetched.status(), fetched.validators().etag(),
                    fetched.validators().lastModified(), document.items().size(), started, started.plus(interval));
            return n;
        });
        LOG.debug("feed {}: {} items, {} new", feed.id(), document.items().size(), added);
        recovered(feed, state);
        return new Outcome(added, true, true);
    }

    /**
     * A document the site pushed (a WebSub content distribution): the same parser, cleaner, dedup and breaking rules
     * as a fetched one; the feed's validators, schedule and health stay as they are. Returns new articles, or -1
     * when the body is not a feed.
     */
    int pushed(FeedSource feed, FeedState state, byte[] body, String contentType) {
        Instant now = clock.instant();
        ParseResult parsed = parser.parse(body, contentType, now);
        if (parsed instanceof ParseResult.Failed failed) {
            LOG.warn("feed {}: pushed content refused: {}", feed.id(), oneLine(failed.error().describe()));
            return -1;
        }
        List<NewArticle> articles = mapper.map(feed, (ParseResult.Parsed) parsed, feed.url(), now);
        // before the first poll nothing is news to anyone, pushed or not
        return session.inTransaction(h -> writer.write(h, articles, state.initialized(), now));
    }

    /** The hubs {@code feedId} named when last parsed; empty before its first successful fetch. */
    List<String> hubsOf(String feedId) {
        return hubs.getOrDefault(feedId, List.of());
    }

    /** Records a failed attempt; logs at WARN only when the feed was healthy until now. */
    private Outcome failed(FeedSource feed, FeedState state, Integer status, String error, Instant at,
                           Throwable unexpected) {
        String line = oneLine(error);
        int failures = state.failures() + 1;
        Duration wait = backoff.afterFailures(failures);
        if (state.isFailing()) {
            LOG.debug("feed {} still failing ({} in a row): {}", feed.id(), failures, line);
        } else if (unexpected != null) {
            LOG.warn("feed {} failing: {}; retrying in {} s", feed.id(), line, wait.toSeconds(), unexpected);
        } else {
            LOG.warn("feed {} failing: {}; retrying in {} s", feed.id(), line, wait.toSeconds());
        }
        session.withHandle(h -> {
            feeds.recordFailure(h, feed.id(), status, line, at, at.plus(wait));
            return null;
        });
        return new Outcome(0, false, false);
    }

    private static void recovered(FeedSource feed, FeedState state) {
        if (state.isFailing()) {
            LOG.info("feed {} recovered after {} failed attempts", feed.id(), state.failures());
        }
    }

    private static String oneLine(String text) {
        String line = Html.oneLine(text, 300);
        return line.isEmpty() ? "unknown" : line;
    }
}
