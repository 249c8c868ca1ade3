package newsbot.app;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import newsbot.digest.DigestDraft;
import newsbot.messages.Texts;
import newsbot.config.BotConfig;
import newsbot.config.ConfigException;
import newsbot.feed.FeedFetcher;
import newsbot.ingest.BreakingFanOut;
import newsbot.ingest.FeedPoller;
import newsbot.store.Database;
import newsbot.html.Html;

/**
 * {@code preview}: fetches the feeds once into a throw-away database and prints the digest a reader of the given
 * categories would get now, as Telegram would show it.
 */
final class DigestPreview {

    private final BotConfig config;
    private final PrintStream out;
    private final List<String> categories;
    private final String language;

    DigestPreview(BotConfig config, PrintStream out, List<String> categories, String language) {
        this.config = config;
        this.out = out;
        this.categories = categories;
        this.language = language;
    }

    int run() {
        for (String slug : categories) {
            if (config.category(slug).isEmpty()) {
                throw new ConfigException("--categories", "unknown category '" + slug + "'");
            }
        }
        Path dir = temporaryDirectory();
        try {
            Database db = Database.open(dir.resolve("preview.db"));
            Clock clock = Clock.systemUTC();
            try (FeedPoller poller = new FeedPoller(config, db, FeedFetcher.create(FeedPoller.fetchLimits(config)),
                    BreakingFanOut.none(), clock, new SplittableRandom())) {
                int stored = poller.pollDue();
                out.println("(fetched " + stored + " articles from " + config.feeds().sources().size() + " feeds)");
            }
            Optional<String> digest = new DigestDraft(config, db, new Texts()).compose(categories, language,
                    clock.instant());
            if (digest.isEmpty()) {
                out.println("(nothing for these categories in the feeds right now: no digest would be sent)");
                return Main.OK;
            }
            List<String> parts = Html.split(digest.get());
            for (int i = 0; i < parts.size(); i++) {
                if (parts.size() > 1) {
                    out.println("----- message " + (i + 1) + " of " + parts.size() + " -----");
                }
                out.println(Html.toPlainText(parts.get(i)));
            }
            return Main.OK;
        } finally {
            deleteQuietly(dir);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("newsbot-preview");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
