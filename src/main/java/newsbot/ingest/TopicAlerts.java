package newsbot.ingest;

import newsbot.schedule.QuietCheck;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import newsbot.config.BotConfig;
import newsbot.config.Languages;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.Manner;
import newsbot.messages.ReadInTelegram;
import newsbot.telegram.KeyboardJson;
import newsbot.delivery.Outbox;
import newsbot.messages.BreakingLabels;
import newsbot.messages.DigestComposer;
import newsbot.messages.DigestItem;
import newsbot.store.FollowedTopics;
import newsbot.store.Morphology;
import newsbot.html.Html;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Topic alerts: a new article goes at once to every active reader one of whose followed phrases it matches (all
 * the phrase's words among its title's and summary's forms), naming the first such phrase; one message per
 * reader, in the storing transaction, silent in quiet hours. Alerts are BREAKING deliveries of the article: the
 * outbox's unique key (chat, kind, article, part) then makes "once per article per reader, never after the same
 * article went out as breaking" hold without a second rule, and they go at breaking priority.
 */
final class TopicAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(TopicAlerts.class);
    private static final BreakingLabels NO_MARKER = new BreakingLabels("");

    private final BotConfig config;
    private final Outbox outbox;
    private final Clock clock;
    /** (language, key) → text: the bundles, through {@code Texts::get}. */
    private final BiFunction<String, String, String> texts;
    private final FollowedTopics topics = new FollowedTopics();
    private final Morphology morphology = new Morphology();
    private final DigestComposer composer = new DigestComposer();
    private final KeyboardJson keyboards = new KeyboardJson();

    /** One text to many readers, with or without sound. */
    private record Batch(String html, String language, boolean silent) {
    }

    TopicAlerts(BotConfig config, Outbox outbox, Clock clock, BiFunction<String, String, String> texts) {
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
        this.texts = texts;
    }

    /** Enqueues the article's topic alerts on {@code h}; returns how many readers get one. */
    int onNew(Handle h, StoredArticle article) {
        Set<String> forms = morphology.articleForms(article.title(), article.summary());
        Instant now = clock.instant();
        QuietCheck quiet = new QuietCheck(config.digest().defaultZone(), now);
        Map<String, String> bodies = new HashMap<>();
        Map<String, String> texted = new HashMap<>();
        // Readers who get the same text (language and phrase) with the same sound are one batch: the outbox
        // splits a text once per batch, and most alerts of an article name one of a few popular phrases.
        Map<Batch, List<Long>> batches = new HashMap<>();
        long[] last = {Long.MIN_VALUE};
        topics.forEachMatch(h, article.id(), forms, match -> {
            if (match.chatId() == last[0]) {
                return; // rows come grouped by chat: the reader's first matching topic names the alert
            }
            last[0] = match.chatId();
            String language = Languages.orDefault(match.language());
            String html = texted.computeIfAbsent(language + '\u0000' + match.phrase(), k -> compose(article,
                    language, match.phrase(), bodies));
            boolean silent = quiet.isQuiet(match.timeZone(), match.quietFrom(), match.quietTo());
            batches.computeIfAbsent(new Batch(html, language, silent), b -> new ArrayList<>()).add(match.chatId());
        });
        int queued = 0;
        for (Map.Entry<Batch, List<Long>> batch : batches.entrySet()) {
            queued += outbox.enqueueAll(h, batch.getValue(), DeliveryKind.TOPIC, article.id(), batch.getKey().html(),
                    Manner.of(Manner.Sound.silentIf(batch.getKey().silent()), Manner.Preview.SHOW)
                            .withKeyboard(keyboards.callbackButton(
                                    texts.apply(batch.getKey().language(), ReadInTelegram.LABEL_KEY),
                                    ReadInTelegram.callbackData(article.id()))), now);
        }
        if (queued > 0) {
            LOG.info("article {} queued as a topic alert for {} readers", article.id(), queued);
        }
        return queued;
    }

    private String compose(StoredArticle article, String language, String phrase, Map<String, String> bodies) {
        String body = bodies.computeIfAbsent(language, lang -> {
            String slug = article.category() != null ? article.category()
                    : article.categories().isEmpty() ? "" : article.categories().get(0);
            String name = config.category(slug).map(c -> c.displayName(lang)).orElse(slug);
            DigestItem item = new DigestItem(article.id(), article.title(), article.url(), article.summary(), slug,
                    article.publishedAt());
            return composer.composeBreaking(item, name, NO_MARKER);
        });
        String heading = String.format(java.util.Locale.ROOT, texts.apply(language, "topic.alert"), Html.escape(phrase));
        return heading + "\n" + body;
    }
}
