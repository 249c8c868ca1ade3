package newsbot.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newsbot.config.BotConfig;
import newsbot.config.FeedSource;
import newsbot.store.Database;
import newsbot.store.FeedHealthRow;
import newsbot.store.Reports;
import newsbot.html.Html;

/** {@code /feeds}: one line per feed, failing ones first: ok or failing, last success, items in 24 h, last error. */
final class FeedReport {

    private static final int MAX_ERROR = 200;

    private final BotConfig config;
    private final Database db;
    private final Reports reports;
    private final AdminTexts texts;
    private final TimeTexts time;
    private final Clock clock;

    FeedReport(BotConfig config, Database db, Reports reports, AdminTexts texts, Clock clock) {
        this.config = config;
        this.db = db;
        this.reports = reports;
        this.texts = texts;
        this.time = new TimeTexts(texts);
        this.clock = clock;
    }

    public String text(String lang) {
        Instant now = clock.instant();
        List<FeedHealthRow> stored = db.withHandle(h -> reports.feedHealth(h, now.minus(Duration.ofHours(24))));
        // configured feeds in their order, then rows of feeds no longer configured
        Map<String, FeedHealthRow> rows = new LinkedHashMap<>();
        for (FeedSource f : config.feeds().sources()) {
            rows.put(f.id(), new FeedHealthRow(f.id(), f.url(), null, null, 0, null, 0));
        }
        stored.forEach(r -> rows.put(r.feedId(), r));
        List<FeedHealthRow> ordered = new ArrayList<>(rows.values());
        ordered.sort(Comparator.comparingInt(FeedReport::rank)); // stable: keeps the configured order within a rank
        StringBuilder out = new StringBuilder(texts.get(lang, "admin.feeds.title", ordered.size()));
        for (FeedHealthRow r : ordered) {
            out.append('\n').append(line(r, lang, now));
        }
        if (ordered.isEmpty()) {
            out.append('\n').append(texts.get(lang, "admin.feeds.none"));
        }
        return out.toString();
    }

    private String line(FeedHealthRow r, String lang, Instant now) {
        String name = Html.escape(r.feedId());
        String success = time.ago(lang, r.lastSuccessAt(), now);
        if (r.failures() > 0) {
            String error = r.lastError() == null ? "" : r.lastError().strip();
            error = Html.shorten(error, MAX_ERROR);
            return texts.get(lang, "admin.feeds.failing", name, r.failures(), success, r.recentItems(),
                    Html.escape(error));
        }
        if (r.lastAttemptAt() == null && r.lastSuccessAt() == null) {
            return texts.get(lang, "admin.feeds.waiting", name);
        }
        return texts.get(lang, "admin.feeds.ok", name, success, r.recentItems());
    }

    private static int rank(FeedHealthRow r) {
        if (r.failures() > 0) {
            return 0;
        }
        return r.lastAttemptAt() == null && r.lastSuccessAt() == null ? 1 : 2;
    }
}
