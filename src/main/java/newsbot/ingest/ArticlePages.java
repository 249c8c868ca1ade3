package newsbot.ingest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import newsbot.config.FeedSource;
import newsbot.feed.ArticleBodyCodec;
import newsbot.feed.ArticlePage;
import newsbot.feed.FeedFetcher;
import newsbot.feed.FetchResult;
import newsbot.feed.PageExtractor;
import newsbot.store.ArticleLink;
import newsbot.store.ArticleText;
import newsbot.store.ArticleTexts;
import newsbot.store.Articles;
import newsbot.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An article's picture and full text on demand: what the feed gave, or, for a feed with only summaries, what the
 * article's page gives, fetched once, on the first demand, from the configured feeds' hosts only, with the feeds'
 * fetcher (its size cap, timeouts and User-Agent). A failed page is tried again after a backoff; meanwhile the
 * caller has the summary. Demands for the same article while its page is being fetched wait for that one fetch:
 * a page is never fetched per reader.
 */
public final class ArticlePages {

    private static final Logger LOG = LoggerFactory.getLogger(ArticlePages.class);
    // The feeds' backoff, slower: 5 min, 10 min, 20 min… up to 6 h, so a site's bad hour costs few requests and a
    // page comes back within the day.
    private static final Duration RETRY_UNIT = Duration.ofMinutes(5).dividedBy(2);
    private static final Duration LONGEST_RETRY = Duration.ofHours(6);

    private final Database db;
    private final FeedFetcher fetcher;
    private final PageExtractor extractor = new PageExtractor();
    private final ArticleBodyCodec bodies = new ArticleBodyCodec();
    private final Articles articles = new Articles();
    private final ArticleTexts texts = new ArticleTexts();
    private final Map<String, FeedSource> feeds;
    private final Set<String> hosts;
    private final Clock clock;
    private final Backoff backoff;
    private final Map<Long, Object> fetching = new ConcurrentHashMap<>();

    /**
     * @param fetcher the feeds' fetcher, built with {@link FeedPoller#fetchLimits}
     * @param random  the jitter of retries, as for failing feeds
     */
    public ArticlePages(Database db, FeedFetcher fetcher, Iterable<FeedSource> sources, Clock clock,
                        RandomGenerator random) {
        this.db = db;
        this.fetcher = fetcher;
        this.clock = clock;
        this.backoff = new Backoff(RETRY_UNIT, LONGEST_RETRY, random);
        this.feeds = new ConcurrentHashMap<>();
        sources.forEach(s -> feeds.put(s.id(), s));
        this.hosts = feeds.values().stream().map(s -> host(s.url())).flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The article's stored picture and text, after fetching its page if that is due and allowed; empty for an
     * article that is gone or was stored before texts were kept.
     *
     * @throws InterruptedException when the thread is interrupted during a fetch (nothing is recorded then)
     */
    public Optional<ArticleText> textFor(long articleId) throws InterruptedException {
        Optional<ArticleText> stored = db.withHandle(h -> texts.find(h, articleId));
        if (stored.isEmpty() || !stored.get().pageDue(clock.instant())) {
            return stored;
        }
        Object lock = fetching.computeIfAbsent(articleId, id -> new Object());
        try {
            synchronized (lock) {
                // Another demand may have fetched it while this one waited.
                Optional<ArticleText> again = db.withHandle(h -> texts.find(h, articleId));
                if (again.isEmpty() || !again.get().pageDue(clock.instant())) {
                    return again;
                }
                fetchPage(again.get());
                return db.withHandle(h -> texts.find(h, articleId));
            }
        } finally {
            fetching.remove(articleId, lock);
        }
    }

    private void fetchPage(ArticleText text) throws InterruptedException {
        Optional<ArticleLink> link = db.withHandle(h -> articles.findLink(h, text.articleId()));
        if (link.isEmpty()) {
            return;
        }
        Optional<String> host = host(link.get().url());
        if (host.isEmpty() || !hosts.contains(host.get())) {
            // Not a page of the site's own hosts: the bot fetches nothing else, and a later demand will not either.
            LOG.debug("article {}: page {} is not on a feed's host", text.articleId(), link.get().url());
            db.useTransaction(h -> texts.pageNeverFetched(h, text.articleId()));
            return;
        }
        FetchResult result = fetcher.fetchPage(link.get().url());
        if (result instanceof FetchResult.Fetched page) {
            Optional<String> selector = Optional.ofNullable(feeds.get(link.get().feedId()))
                    .flatMap(FeedSource::selector);
            ArticlePage extracted = extractor.extract(page.body(), page.contentType(), page.finalUrl(), selector);
            if (!extracted.body().isEmpty()) {
                db.useTransaction(h -> texts.pageFetched(h, text.articleId(), extracted.imageUrl(),
                        bodies.encode(extracted.body())));
                LOG.debug("article {}: page read, {} characters", text.articleId(), extracted.body().characters());
                return;
            }
        }
        String reason = result instanceof FetchResult.Failed failed ? failed.error().describe() : "no main text";
        Instant retry = clock.instant().plus(backoff.afterFailures(text.pageAttempts() + 1));
        LOG.info("article {}: page not read ({}), trying again after {}", text.articleId(), reason, retry);
        db.useTransaction(h -> texts.pageFailed(h, text.articleId(), retry));
    }


    private static Optional<String> host(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? Optional.empty() : Optional.of(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
