package newsbot.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import newsbot.config.BotConfig;
import newsbot.config.Category;
import newsbot.config.FeedSource;
import newsbot.feed.ArticleBodyCodec;
import newsbot.feed.ArticleCleaner;
import newsbot.feed.CleanItem;
import newsbot.feed.DedupKeys;
import newsbot.feed.ParseResult;
import newsbot.feed.RawItem;
import newsbot.store.NewArticle;

/** Turns a parsed document into articles to store: cleaned, keyed, filed under a category, marked breaking. */
final class ArticleMapper {

    private final BotConfig config;
    private final ArticleCleaner cleaner;
    private final boolean summaries;
    private final Duration retention;
    private final ArticleBodyCodec bodies = new ArticleBodyCodec();

    ArticleMapper(BotConfig config) {
        this.config = config;
        int summaryMax = config.feeds().summaryMaxChars();
        // 0 in the config means "no summaries"; the cleaner itself needs a positive length.
        this.summaries = summaryMax > 0;
        this.cleaner = new ArticleCleaner(Math.max(1, summaryMax), config.breaking().markers());
        this.retention = config.feeds().retention();
    }

    /**
     * The document's usable items, oldest first (so ids grow with publication time). Items older than the
     * retention are left out: they would be pruned at once and then stored again on every fetch.
     *
     * @param fetchedUrl the URL the document came from after redirects, the base for relative links
     */
    List<NewArticle> map(FeedSource feed, ParseResult.Parsed parsed, String fetchedUrl, Instant fetchedAt) {
        String feedLink = feedLink(parsed.feedLink(), fetchedUrl);
        Instant oldest = fetchedAt.minus(retention);
        List<NewArticle> articles = new ArrayList<>(parsed.items().size());
        for (RawItem raw : parsed.items()) {
            Optional<CleanItem> cleaned = cleaner.clean(raw, feedLink);
            if (cleaned.isEmpty() || cleaned.get().publishedAt().isBefore(oldest)) {
                continue;
            }
            CleanItem item = cleaned.get();
            String url = item.url() != null ? item.url() : feedLink;
            articles.add(new NewArticle(feed.id(), dedupKey(item, fetchedAt), url, item.title(),
                    summaries ? item.summary() : "", category(feed, item), item.publishedAt(), fetchedAt,
                    BreakingRule.isBreaking(feed, item), item.imageUrl(), bodies.encode(item.body())));
        }
        articles.sort(Comparator.comparing(NewArticle::publishedAt)); // stable: repeats keep document order
        return articles;
    }

    /**
     * The feed's category if configured, else the first of the item's own categories that names a configured
     * category (slug, display name or alias, ignoring case), else null.
     */
    String category(FeedSource feed, CleanItem item) {
        if (feed.category() != null) {
            return feed.category();
        }
        for (String text : item.categories()) {
            Optional<Category> match = config.findCategory(text);
            if (match.isPresent()) {
                return match.get().slug();
            }
        }
        return null;
    }

    /**
     * {@link DedupKeys#of}, except for an item with no guid, no link and no date: the parser dated it with the
     * fetch time, so a title+date hash would change on every fetch. Its title and summary identify it instead.
     */
    static String dedupKey(CleanItem item, Instant fetchedAt) {
        String key = DedupKeys.of(item);
        if (key.startsWith("h:") && item.publishedAt().equals(fetchedAt)) {
            return "c:" + sha256(item.title() + "\n" + item.summary());
        }
        return key;
    }

    /** The channel's own link when it resolves to an absolute http(s) URL, else the URL the feed came from. */
    static String feedLink(String channelLink, String fetchedUrl) {
        if (channelLink == null || channelLink.isBlank()) {
            return fetchedUrl;
        }
        try {
            URI resolved = new URI(fetchedUrl).resolve(new URI(channelLink.strip()));
            String scheme = resolved.getScheme();
            boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
            return web && resolved.getRawAuthority() != null ? resolved.toString() : fetchedUrl;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return fetchedUrl;
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
