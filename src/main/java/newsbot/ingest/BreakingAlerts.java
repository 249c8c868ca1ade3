package newsbot.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import newsbot.messages.Texts;
import newsbot.config.BotConfig;
import newsbot.config.Languages;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.Manner;
import newsbot.messages.ReadInTelegram;
import newsbot.telegram.KeyboardJson;
import newsbot.delivery.DeliveryRetention;
import newsbot.store.Articles;
import newsbot.delivery.Outbox;
import newsbot.messages.BreakingAlert;
import newsbot.schedule.QuietCheck;
import newsbot.messages.DigestItem;
import newsbot.store.BreakingAudience;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real {@link BreakingFanOut}: one alert per reader who follows one of the article's categories and wants
 * breaking news, enqueued in the outbox in the storing transaction; silent inside the reader's quiet hours. Every
 * new article then goes to {@link TopicAlerts} for the readers whose followed topics it matches.
 */
public final class BreakingAlerts implements BreakingFanOut {

    private static final Logger LOG = LoggerFactory.getLogger(BreakingAlerts.class);

    private final BotConfig config;
    private final Outbox outbox;
    private final Clock clock;
    private final BreakingAudience audience = new BreakingAudience();
    private final Articles articles = new Articles();
    private final BreakingAlert alert;
    private final TopicAlerts topics;
    private final Texts bundles;
    private final KeyboardJson keyboards = new KeyboardJson();

    public BreakingAlerts(BotConfig config, Outbox outbox, Clock clock, Texts bundles) {
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
        // Topic alerts ride on this fan-out, which the application already wires into the poller; their text
        // comes from the bot's bundles until those move to a messages package.
        this.bundles = bundles;
        this.alert = new BreakingAlert(bundles, config.categories());
        this.topics = new TopicAlerts(config, outbox, clock, (language, key) -> bundles.get(language, key));
    }

    /** Readers who would get the same message are enqueued as one batch: per language, silent or not. */
    private record Batch(String language, boolean silent) {
    }

    @Override
    public void onBreaking(Handle h, StoredArticle article) {
        if (article.categories().isEmpty()) {
            LOG.debug("breaking article {} has no category: no reader follows it", article.id());
            return;
        }
        Instant now = clock.instant();
        Map<Batch, List<Long>> batches = new HashMap<>();
        QuietCheck quiet = new QuietCheck(config.digest().defaultZone(), now);
        audience.forEachReader(h, article.id(), article.categories(), now.minus(DeliveryRetention.KEEP), reader -> {
            boolean silent = quiet.isQuiet(reader.timeZone(), reader.quietFrom(), reader.quietTo());
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
                    Manner.of(Manner.Sound.silentIf(batch.getKey().silent()),
                            Manner.Preview.showIf(BreakingAlert.LINK_PREVIEW))
                            .withKeyboard(keyboards.callbackButton(bundles.get(language, ReadInTelegram.LABEL_KEY),
                                    ReadInTelegram.callbackData(article.id()))), now);
        }
        if (queued > 0) {
            articles.markBreakingPushed(h, article.id(), now);
        }
        LOG.info("breaking article {} queued for {} readers", article.id(), queued);
    }

    @Override
    public void onNew(Handle h, StoredArticle article) {
        topics.onNew(h, article);
    }

    private String compose(StoredArticle article, String language) {
        String slug = article.category() != null ? article.category() : article.categories().get(0);
        return alert.compose(new DigestItem(article.id(), article.title(), article.url(), article.summary(), slug,
                article.publishedAt()), language);
    }

    private static String language(String language) {
        return Languages.orDefault(language);
    }
}
