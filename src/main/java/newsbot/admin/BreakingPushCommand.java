package newsbot.admin;

import java.util.Locale;
import newsbot.delivery.Replier;
import newsbot.telegram.OutgoingMessage;

import newsbot.chat.CommandHandler;
import newsbot.chat.Conversation;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import newsbot.config.BotConfig;
import newsbot.messages.BreakingAlert;
import newsbot.messages.DigestItem;
import newsbot.schedule.QuietCheck;
import newsbot.store.PushArticle;
import newsbot.store.BreakingAudience;
import newsbot.html.Html;

/**
 * An admin's {@code /breaking <article id or link>}: the alert is composed here, per reader language, as
 * breaking alerts are, and silent inside a reader's quiet hours; {@link BreakingPush} enqueues it once per reader.
 */
final class BreakingPushCommand implements CommandHandler {

    private final BreakingPush breaking;
    private final BotConfig config;
    private final BreakingAlert alert;
    private final Clock clock;
    private final DraftView drafts;
    private final CampaignButtons controls;
    private final AdminTexts texts;
    /** {@code /breaking fast <article>}: sent as paid messages, after the cost is confirmed. */
    static final String FAST = "fast ";

    BreakingPushCommand(BreakingPush breaking, BotConfig config, BreakingAlert alert, Clock clock, DraftView drafts,
                        CampaignButtons controls, AdminTexts texts) {
        this.drafts = drafts;
        this.controls = controls;
        this.texts = texts;
        this.breaking = breaking;
        this.config = config;
        this.alert = alert;
        this.clock = clock;
    }

    @Override
    public void handle(Conversation c) {
        String args = c.args().strip();
        boolean fast = args.toLowerCase(Locale.ROOT).startsWith(FAST);
        if (fast) {
            args = args.substring(FAST.length()).strip();
            if (!config.delivery().paid().enabled()) {
                c.replyWith("admin.breaking.fast.off");
                return;
            }
        }
        Optional<PushArticle> found = breaking.find(args);
        if (found.isEmpty()) {
            c.replyWith("admin.breaking.not.found", Html.escape(Html.echo(args)));
            return;
        }
        PushArticle article = found.get();
        String title = Html.escape(article.title());
        if (fast) {
            // money: the cost first, the push on a press of Confirm
            int readers = breaking.audienceSize(article);
            String cost = config.delivery().paid().cost(drafts.paidShare(readers)).toPlainString();
            c.reply(c.text("admin.breaking.fast.confirm", article.id(), title, readers, cost),
                    controls.confirmFastBreaking(article.id(), c.language(), cost));
            return;
        }
        reply(c, article, push(c.incoming().userId(), article, false));
    }

    /** A press on Confirm under {@code /breaking fast}: the push, as paid messages; the answer's text key. */
    String confirmedFast(long userId, long chatId, long articleId, String language, Replier out) {
        Optional<PushArticle> found = breaking.find(Long.toString(articleId));
        if (found.isEmpty()) {
            return "admin.toast.stale";
        }
        PushArticle article = found.get();
        BreakingPush.Result result = push(userId, article, true);
        String title = Html.escape(article.title());
        out.send(OutgoingMessage.html(chatId, result.alreadyPushed()
                ? texts.get(language, "admin.breaking.already", article.id(), title)
                : texts.get(language, "admin.breaking.queued", article.id(), title, result.queued())));
        return "admin.toast.breaking.fast";
    }

    private BreakingPush.Result push(long userId, PushArticle article, boolean paid) {
        Map<String, String> byLanguage = new HashMap<>();
        return breaking.push(userId, article, reader -> new BreakingPush.Alert(
                byLanguage.computeIfAbsent(reader.language(), lang -> compose(article, lang)), quietNow(reader)), paid);
    }

    private static void reply(Conversation c, PushArticle article, BreakingPush.Result result) {
        String title = Html.escape(article.title());
        if (result.alreadyPushed()) {
            c.replyWith("admin.breaking.already", article.id(), title);
        } else {
            c.replyWith("admin.breaking.queued", article.id(), title, result.queued());
        }
    }

    private String compose(PushArticle a, String lang) {
        return alert.compose(new DigestItem(a.id(), a.title(), a.url(), a.summary(), a.category(), a.publishedAt()),
                lang);
    }

    private boolean quietNow(BreakingAudience.Reader r) {
        return new QuietCheck(config.digest().defaultZone(), clock.instant())
                .isQuiet(r.timeZone(), r.quietFrom(), r.quietTo());
    }
}
