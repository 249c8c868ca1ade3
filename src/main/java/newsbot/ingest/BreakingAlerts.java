package newsbot.ingest;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import newsbot.config.BotConfig;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.DeliveryRetention;
import newsbot.delivery.Outbox;
import newsbot.digest.BreakingLabels;
import newsbot.digest.DigestComposer;
import newsbot.digest.DigestItem;
import newsbot.digest.DigestPlanner;
import newsbot.digest.QuietHours;
import newsbot.digest.ReaderSchedule;
import newsbot.store.Articles;
import newsbot.store.BreakingAudience;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real {@link BreakingFanOut}: one alert per reader who follows one of the article's categories and wants
 * breaking news, enqueued in the outbox in the storing transaction; silent inside the reader's quiet hours.
 */
public final class BreakingAlerts implements BreakingFanOut {

    private static final Logger LOG = LoggerFactory.getLogger(BreakingAlerts.class);
    private static final BreakingLabels LABELS = new BreakingLabels("⚡");

    private final BotConfig config;
    private final Outbox outbox;
    private final Clock clock;
    private final BreakingAudience audience = new BreakingAudience();
    private final Articles articles = new Articles();
    private final DigestComposer composer = new DigestComposer();
    private final DigestPlanner planner = new DigestPlanner();

    public BreakingAlerts(BotConfig config, Outbox outbox, Clock clock) {
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Readers who would get the same message are enqueued as one batch: per language, silent or not. */
    private record Batch(String language, boolean silent) {
    }

    /** A reader's quiet hours as stored: zone id and "HH:MM" bounds. */
    private record Window(String zone, String from, String to) {
    }

    @Override
    public void onBreaking(Handle h, StoredArticle article) {
        if (article.categories().isEmpty()) {
            LOG.debug("breaking article {} has no category: no reader follows it", article.id());
            return;
        }
        Instant now = clock.instant();
        Map<Batch, List<Long>> batches = new HashMap<>();
        // Readers share a few zones and quiet windows: each distinct one is worked out once, not 100,000 times.
        Map<Window, Boolean> quiet = new HashMap<>();
        audience.forEachReader(h, article.id(), article.categories(), now.minus(DeliveryRetention.KEEP), reader -> {
            boolean silent = reader.quietFrom() != null && reader.quietTo() != null && quiet.computeIfAbsent(
                    new Window(reader.timeZone(), reader.quietFrom(), reader.quietTo()), w -> isQuiet(w, now));
            batches.computeIfAbsent(new Batch(language(reader.language()), silent), b -> new ArrayList<>())
                    .add(reader.chatId());
        });
        Map<String, String> texts = new HashMap<>();
        int queued = 0;
        for (Map.Entry<Batch, List<Long>> batch : batches.entrySet()) {
            String language = batch.getKey().language();
            String html = texts.computeIfAbsent(language, lang -> compose(article, lang));
            // enqueueAll wakes the dispatcher after the commit, when the rows are visible to it.
            queued += outbox.enqueueAll(h, batch.getValue(), DeliveryKind.BREAKING, article.id(), html,
                    batch.getKey().silent(), true, now);
        }
        if (queued > 0) {
            articles.markBreakingPushed(h, article.id(), now);
        }
        LOG.info("breaking article {} queued for {} readers", article.id(), queued);
    }

    private String compose(StoredArticle article, String language) {
        String slug = article.category() != null ? article.category() : article.categories().get(0);
        String name = config.category(slug).map(c -> c.displayName(language)).orElse(slug);
        DigestItem item = new DigestItem(article.id(), article.title(), article.url(), article.summary(), slug,
                article.publishedAt());
        return composer.composeBreaking(item, name, LABELS);
    }

    private boolean isQuiet(Window window, Instant now) {
        try {
            QuietHours quiet = new QuietHours(LocalTime.parse(window.from()), LocalTime.parse(window.to()));
            ReaderSchedule schedule = new ReaderSchedule(zone(window.zone()), List.of(), quiet, Instant.EPOCH);
            return planner.isQuiet(schedule, now);
        } catch (DateTimeException e) {
            return false; // an unreadable row: better a sound than no alert
        }
    }

    private ZoneId zone(String id) {
        if (id == null) {
            return config.digest().defaultZone();
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return config.digest().defaultZone();
        }
    }

    private static String language(String language) {
        return "en".equals(language) ? "en" : "ru";
    }
}
