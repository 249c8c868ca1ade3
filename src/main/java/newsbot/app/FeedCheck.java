package newsbot.app;

import java.io.PrintStream;
import java.time.Clock;
import newsbot.config.BotConfig;
import newsbot.config.FeedSource;
import newsbot.feed.FeedError;
import newsbot.feed.FeedFetcher;
import newsbot.feed.FeedParser;
import newsbot.feed.FetchResult;
import newsbot.feed.ParseResult;
import newsbot.feed.Validators;
import newsbot.ingest.FeedPoller;

/** The {@code check} command: fetches and parses every configured feed once, without a database, and prints a table. */
final class FeedCheck {

    private static final String ROW = "%-24s %6s %6s  %s%n";

    private final BotConfig config;
    private final PrintStream out;
    private final FeedFetcher fetcher;
    private final FeedParser parser = new FeedParser();
    private final Clock clock;

    public FeedCheck(BotConfig config, PrintStream out) {
        this(config, out, FeedFetcher.create(FeedPoller.fetchLimits(config)), Clock.systemUTC());
    }

    FeedCheck(BotConfig config, PrintStream out, FeedFetcher fetcher, Clock clock) {
        this.config = config;
        this.out = out;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** Returns 0 when every feed was fetched and parsed, else 1. Feeds are fetched one after another, politely. */
    public int run() {
        out.printf(ROW, "feed", "status", "items", "result");
        int failed = 0;
        for (FeedSource feed : config.feeds().sources()) {
            Row row;
            try {
                row = check(feed);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.println("interrupted");
                return 1;
            }
            failed += row.ok() ? 0 : 1;
            out.printf(ROW, feed.id(), row.status(), row.items(), row.result());
        }
        int total = config.feeds().sources().size();
        out.printf("%d feeds: %d ok, %d failed%n", total, total - failed, failed);
        return failed == 0 ? 0 : 1;
    }

    private record Row(boolean ok, String status, String items, String result) {
    }

    private Row check(FeedSource feed) throws InterruptedException {
        FetchResult result = fetcher.fetch(feed.url(), Validators.NONE);
        if (result instanceof FetchResult.Failed failed) {
            String status = failed.error() instanceof FeedError.HttpStatus http ? String.valueOf(http.status()) : "-";
            return new Row(false, status, "-", failed.error().describe());
        }
        if (!(result instanceof FetchResult.Fetched fetched)) {
            // Nothing was sent that could make the server answer 304; say what happened rather than guess.
            return new Row(false, "304", "-", "unexpected 304 Not Modified");
        }
        ParseResult parsed = parser.parse(fetched.body(), fetched.contentType(), clock.instant());
        String status = String.valueOf(fetched.status());
        if (parsed instanceof ParseResult.Failed failed) {
            return new Row(false, status, "-", failed.error().describe());
        }
        return new Row(true, status, String.valueOf(((ParseResult.Parsed) parsed).items().size()), "ok");
    }
}
