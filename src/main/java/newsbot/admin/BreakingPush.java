package newsbot.admin;


import newsbot.store.CorrectionsRepo;
import newsbot.store.CorrectionRow;
import newsbot.messages.BreakingAlert;
import newsbot.messages.ReadInTelegram;
import newsbot.config.Languages;
import newsbot.telegram.KeyboardJson;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.Manner;
import newsbot.delivery.DeliveryRetention;
import newsbot.delivery.Outbox;
import newsbot.store.AuditAction;
import newsbot.store.AuditTrail;
import newsbot.store.Articles;
import newsbot.store.BreakingAudience;
import newsbot.store.Database;
import newsbot.store.PushArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /breaking <article id or link>}: pushes a stored article as breaking news to the readers of its
 * categories who have breaking news on. The outbox's unique key (chat, BREAKING, article id) makes it once per
 * reader, whether the article was pushed before by its feed or by an earlier command.
 */
final class BreakingPush {

    private static final Logger LOG = LoggerFactory.getLogger(BreakingPush.class);

    /** The alert one reader gets: in their language, silent inside their quiet hours. */
    public record Alert(String html, boolean silent) {
    }

    /**
     * What a push did.
     *
     * @param alreadyPushed nothing was queued and the article had been marked breaking before
     */
    public record Result(int queued, boolean alreadyPushed) {
    }

    private final Database db;
    private final CorrectionsRepo corrections = new CorrectionsRepo();
    private final Articles articles;
    private final BreakingAudience audience;
    private final Outbox outbox;
    private final Clock clock;

    private final AdminTexts texts;
    private final KeyboardJson keyboards = new KeyboardJson();

    /** Readers who get the same alert with the same button, in one batch. */
    private record Batch(Alert alert, String language) {
    }

    BreakingPush(Database db, Articles articles, BreakingAudience audience, Outbox outbox, Clock clock,
                 AdminTexts texts) {
        this.texts = texts;
        this.db = db;
        this.articles = articles;
        this.audience = audience;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The article with this id, or the newest one with exactly this link. */
    public Optional<PushArticle> find(String idOrLink) {
        String arg = idOrLink.strip();
        if (arg.matches("\\d{1,18}")) {
            return db.withHandle(h -> articles.findForPush(h, Long.parseLong(arg)));
        }
        return db.withHandle(h -> articles.findForPushByUrl(h, arg)
                .or(() -> articles.findForPushByUrl(h, arg.endsWith("/") ? arg.substring(0, arg.length() - 1) : arg + "/")));
    }

    /**
     * Marks the article breaking and enqueues one alert per matching reader, all in one transaction (as the
     * poller does for breaking items), so the mark and the alerts exist together or not at all.
     */
    public Result push(long adminUserId, PushArticle article, Function<BreakingAudience.Reader, Alert> alertFor) {
        return push(adminUserId, article, alertFor, false);
    }

    /** How many readers a push of the article would reach now. */
    int audienceSize(PushArticle article) {
        int[] n = new int[1];
        db.withHandle(h -> {
            audience.forEachReader(h, article.id(), articles.categoriesOf(h, article.id()),
                    clock.instant().minus(DeliveryRetention.KEEP), r -> n[0]++);
            return null;
        });
        return n[0];
    }

    /** {@link #push}, with {@code paid} alerts sent fast as paid messages, within the day's Stars budget. */
    Result push(long adminUserId, PushArticle article, Function<BreakingAudience.Reader, Alert> alertFor,
                boolean paid) {
        Instant now = clock.instant();
        Result result = db.inTransaction(h -> {
            boolean newlyMarked = articles.markBreaking(h, article.id());
            // an alert an editor corrected goes out as corrected: a reader reached later must not get the error
            Optional<String> corrected = corrections.correctedText(h, CorrectionRow.TargetKind.BREAKING, article.id());
            Function<BreakingAudience.Reader, Alert> alertOf = corrected.isEmpty() ? alertFor
                    : r -> new Alert(corrected.get(), alertFor.apply(r).silent());
            Map<Batch, List<Long>> groups = new LinkedHashMap<>();
            // the feed poller's audience: readers who already got this article are left out, as the outbox would
            audience.forEachReader(h, article.id(), articles.categoriesOf(h, article.id()),
                    now.minus(DeliveryRetention.KEEP),
                    r -> groups.computeIfAbsent(new Batch(alertOf.apply(r), Languages.orDefault(r.language())),
                            a -> new ArrayList<>()).add(r.chatId()));
            int queued = 0;
            for (Map.Entry<Batch, List<Long>> g : groups.entrySet()) {
                Alert alert = g.getKey().alert();
                queued += outbox.enqueueAll(h, g.getValue(), DeliveryKind.BREAKING, article.id(), alert.html(),
                        Manner.of(Manner.Sound.silentIf(alert.silent()),
                                Manner.Preview.showIf(BreakingAlert.LINK_PREVIEW))
                                .with(paid ? Manner.Lane.PAID : Manner.Lane.FREE)
                                .withKeyboard(keyboards.callbackButton(
                                        texts.get(g.getKey().language(), ReadInTelegram.LABEL_KEY),
                                        ReadInTelegram.callbackData(article.id()))), now);
            }
            if (queued > 0) {
                articles.markBreakingPushed(h, article.id(), now);
            }
            new AuditTrail().record(h, now, adminUserId, paid ? AuditAction.PAID_SEND : AuditAction.BREAKING_PUSH,
                    "article " + article.id(), queued, queued + " alerts queued"
                            + (queued == 0 && !newlyMarked ? ", already pushed before" : ""));
            return new Result(queued, queued == 0 && !newlyMarked);
        });
        LOG.info("admin {} pushed article {} as breaking{}: {} alerts queued{}", adminUserId, article.id(),
                paid ? ", fast (paid)" : "", result.queued(), result.alreadyPushed() ? " (already pushed before)" : "");
        return result;
    }
}
