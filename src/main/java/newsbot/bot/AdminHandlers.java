package newsbot.bot;

import java.time.Clock;
import java.util.Map;
import newsbot.admin.Admin;
import newsbot.admin.Broadcasts;
import newsbot.config.BotConfig;
import newsbot.digest.DigestComposer;
import newsbot.telegram.Html;

/**
 * The chat side of the editors' tools: commands only admins have (for anyone else they do not exist), the
 * broadcast buttons, and the handler behind an admin's {@code /breaking <article>}.
 */
final class AdminHandlers {

    private final Admin admin;
    private final BotConfig config;
    private final Texts texts;
    private final Replier replier;
    private final Clock clock;

    AdminHandlers(Admin admin, BotConfig config, Texts texts, Replier replier, Clock clock) {
        this.admin = admin;
        this.config = config;
        this.texts = texts;
        this.replier = replier;
        this.clock = clock;
    }

    Map<String, CommandHandler> commands() {
        return Map.of(
                "broadcast", new BroadcastCommand(admin.broadcasts()),
                "broadcasts", c -> replyInParts(c, admin.broadcasts().recent(c.language())),
                "stats", c -> {
                    replyInParts(c, admin.stats().text(c.language()));
                    admin.stats().chart(c.language()).ifPresent(png ->
                            c.replyPhoto(png, "stats.png", admin.stats().chartCaption(c.language())));
                },
                "feeds", c -> replyInParts(c, admin.feeds().text(c.language())));
    }

    /** The admin half of {@code /breaking}. */
    CommandHandler breakingPush() {
        return new BreakingPushCommand(admin.breaking(), config, texts, new DigestComposer(), clock);
    }

    String callbackPrefix() {
        return Broadcasts.callbackPrefix();
    }

    CallbackHandler buttons() {
        return new BroadcastButtons(admin.broadcasts(), replier);
    }

    private static void replyInParts(Conversation c, String html) {
        for (String part : Html.split(html)) {
            c.reply(part);
        }
    }
}
