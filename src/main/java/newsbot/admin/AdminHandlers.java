package newsbot.admin;

import newsbot.chat.CallbackHandler;
import newsbot.chat.EditorTools;
import newsbot.chat.CommandHandler;
import newsbot.chat.Conversation;
import newsbot.delivery.Replier;
import newsbot.messages.Texts;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import newsbot.config.BotConfig;
import newsbot.messages.BreakingAlert;
import newsbot.html.Html;

/**
 * The chat side of the editors' tools: commands only admins have (for anyone else they do not exist), the
 * broadcast buttons, and the handler behind an admin's {@code /breaking <article>}.
 */
public final class AdminHandlers {

    private final Admin admin;
    private final BotConfig config;
    private final Texts texts;
    private final Replier replier;
    private final Clock clock;

    public AdminHandlers(Admin admin, BotConfig config, Texts texts, Replier replier, Clock clock) {
        this.admin = admin;
        this.config = config;
        this.texts = texts;
        this.replier = replier;
        this.clock = clock;
    }

    public Map<String, CommandHandler> commands() {
        Map<String, CommandHandler> commands = new HashMap<>(Map.of(
                "broadcast", new BroadcastCommand(admin.broadcasts()),
                "broadcasts", c -> {
                    ProgressView.Shown list = admin.broadcasts().recent(c.language());
                    List<String> parts = Html.split(list.html());
                    for (int i = 0; i < parts.size(); i++) {
                        // the Cancel buttons of scheduled broadcasts go under the last part
                        c.reply(parts.get(i), i == parts.size() - 1 ? list.keyboard() : null);
                    }
                },
                "stats", c -> {
                    replyInParts(c, admin.stats().text(c.language()) + "\n"
                            + admin.history().correctionStats(c.language(),
                            clock.instant().minus(Duration.ofDays(30))));
                    admin.stats().chart(c.language()).ifPresent(png ->
                            c.replyPhoto(png, "stats.png", admin.stats().chartCaption(c.language())));
                },
                "feeds", c -> replyInParts(c, admin.feeds().text(c.language())),
                "channels", admin.channels(),
                "log", admin.log()));
        commands.put("reject", new RejectCommand(admin.broadcasts()));
        commands.putAll(admin.corrections().commands());
        return commands;
    }

    /** The admin half of {@code /breaking}. */
    public CommandHandler breakingPush() {
        return breakingPushCommand();
    }

    private BreakingPushCommand breakingPushCommand() {
        return new BreakingPushCommand(admin.breaking(), config, new BreakingAlert(texts, config.categories()), clock,
                admin.drafts(), admin.controls(), texts::get);
    }

    /** Everything the chat side needs of the editors' tools. */
    public EditorTools tools() {
        return new EditorTools(commands(), callbackPrefix(), buttons(), breakingPush(),
                new EditorMessage(admin.broadcasts()));
    }

    public String callbackPrefix() {
        return Broadcasts.callbackPrefix();
    }

    /** Every campaign's buttons: under the {@code bc:} prefix the chat side routes here. */
    public CallbackHandler buttons() {
        return new BroadcastButtons(admin.broadcasts(), breakingPushCommand(), config, texts::get, replier);
    }

    private static void replyInParts(Conversation c, String html) {
        for (String part : Html.split(html)) {
            c.reply(part);
        }
    }
}
