package newsbot.admin;

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

    BreakingPushCommand(BreakingPush breaking, BotConfig config, BreakingAlert alert, Clock clock) {
        this.breaking = breaking;
        this.config = config;
        this.alert = alert;
        this.clock = clock;
    }

    @Override
    public void handle(Conversation c) {
        Optional<PushArticle> found = breaking.find(c.args());
        if (found.isEmpty()) {
            c.replyWith("admin.breaking.not.found", Html.escape(Html.echo(c.args())));
            return;
        }
        PushArticle article = found.get();
        Map<String, String> byLanguage = new HashMap<>();
        BreakingPush.Result result = breaking.push(c.incoming().userId(), article, reader -> new BreakingPush.Alert(
                byLanguage.computeIfAbsent(reader.language(), lang -> compose(article, lang)), quietNow(reader)));
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
