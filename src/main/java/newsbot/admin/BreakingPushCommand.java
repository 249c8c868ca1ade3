package newsbot.admin;

import newsbot.chat.CommandHandler;
import newsbot.chat.Conversation;
import newsbot.messages.Replies;
import newsbot.messages.Texts;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import newsbot.config.BotConfig;
import newsbot.messages.BreakingLabels;
import newsbot.messages.DigestComposer;
import newsbot.messages.DigestItem;
import newsbot.schedule.QuietHours;
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
    private final Texts texts;
    private final DigestComposer composer;
    private final Clock clock;

    BreakingPushCommand(BreakingPush breaking, BotConfig config, Texts texts, DigestComposer composer, Clock clock) {
        this.breaking = breaking;
        this.config = config;
        this.texts = texts;
        this.composer = composer;
        this.clock = clock;
    }

    @Override
    public void handle(Conversation c) {
        Optional<PushArticle> found = breaking.find(c.args());
        if (found.isEmpty()) {
            c.replyWith("admin.breaking.not.found", Html.escape(Replies.shorten(c.args())));
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
        String slug = a.category() == null ? "" : a.category();
        String name = config.category(slug).map(cat -> cat.displayName(lang)).orElse(slug);
        DigestItem item = new DigestItem(a.id(), a.title(), a.url(), a.summary(), slug, a.publishedAt());
        return composer.composeBreaking(item, name, new BreakingLabels(texts.get(lang, "admin.breaking.marker")));
    }

    private boolean quietNow(BreakingAudience.Reader r) {
        if (r.quietFrom() == null || r.quietTo() == null) {
            return false;
        }
        try {
            ZoneId zone = r.timeZone() == null ? config.digest().defaultZone() : ZoneId.of(r.timeZone());
            QuietHours quiet = new QuietHours(LocalTime.parse(r.quietFrom()), LocalTime.parse(r.quietTo()));
            return quiet.contains(LocalTime.now(clock.withZone(zone)));
        } catch (DateTimeException e) {
            return false; // an unreadable row: better a sound than no alert
        }
    }
}
