package newsbot.chat;

import newsbot.chat.news.DigestCommand;
import newsbot.chat.news.FirstDigestOffer;
import newsbot.chat.news.FollowCommand;
import newsbot.chat.news.FollowingView;
import newsbot.chat.news.LatestCommand;
import newsbot.chat.news.News;
import newsbot.chat.news.SearchCommand;
import newsbot.chat.news.SearchMoreButton;
import newsbot.chat.news.SearchPages;
import newsbot.chat.news.Topics;
import newsbot.chat.news.UnfollowCommand;
import newsbot.chat.settings.HereCommand;
import newsbot.chat.settings.LanguageCommand;
import newsbot.chat.settings.QuietCommand;
import newsbot.chat.settings.ScheduleCommand;
import newsbot.chat.settings.SettingsButtons;
import newsbot.chat.settings.SettingsCommand;
import newsbot.chat.settings.SettingsView;
import newsbot.chat.settings.StatusCommand;
import newsbot.chat.settings.TimeZoneCommand;
import newsbot.chat.settings.ZoneSuggestions;
import newsbot.delivery.Replier;
import newsbot.messages.BotCommandsMenu;
import newsbot.messages.CategoryNames;
import newsbot.messages.Texts;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import newsbot.config.BotConfig;
import newsbot.delivery.Outbox;
import newsbot.messages.DigestComposer;
import newsbot.schedule.DigestPlanner;
import newsbot.store.Articles;
import newsbot.store.Database;
import newsbot.store.HandledUpdates;
import newsbot.store.SubscriberStatus;
import newsbot.store.Subscribers;
import newsbot.store.Subscriptions;
import newsbot.telegram.KeyboardJson;

/** Builds the chat side of the bot: every command and button handler behind one {@link UpdateRouter}. */
public final class Bot {

    private final UpdateRouter router;
    private final Tipline tips;

    /** Asks Telegram for a member's status in a group (getChatMember); empty when it cannot answer now. */
    @FunctionalInterface
    public interface ChatMembers {
        Optional<String> status(long chatId, long userId);
    }

    /**
     * @param editors the editors' tools, {@link EditorTools#NONE} to leave them out
     * @param members who administers a group: only they may change its categories, settings and status
     * @param digests the digest a reader asks for, from the digest job
     */
    public Bot(BotConfig config, Database db, Texts texts, Replier replier, Outbox outbox, Clock clock,
               Supplier<String> botUsername, EditorTools editors, ChatMembers members, OnDemandDigests digests) {
        Articles articles = new Articles();
        Readers readers = new Readers(db, new Subscribers(), new Subscriptions(), articles, config, clock, outbox);
        CategoryNames names = new CategoryNames(config.categories());
        Keyboards keyboards = new Keyboards(config.categories());
        DigestComposer composer = new DigestComposer();
        DigestPlanner planner = new DigestPlanner();
        News news = new News(db, articles);
        SettingsView settings = new SettingsView(readers, names, texts, planner, clock, new Topics(db, clock));

        Map<String, CommandHandler> commands = new HashMap<>();
        commands.put("start", new StartCommand(readers, names, keyboards));
        commands.put("categories", new CategoriesCommand(readers, keyboards));
        commands.put("subscribe", new SubscribeCommand(readers, names));
        commands.put("unsubscribe", new UnsubscribeCommand(readers, names));
        commands.put("settings", new SettingsCommand(readers, settings));
        commands.put("language", new LanguageCommand(readers, texts));
        Tipline tipline = new Tipline(config, db, outbox, texts, replier, clock);
        this.tips = tipline;
        commands.put("help", new HelpCommand(tipline::helpButton));
        commands.put("tip", tipline.command());
        commands.put("timezone", new TimeZoneCommand(readers, new ZoneSuggestions()));
        commands.put("breaking", new BreakingCommand(readers, editors.breakingPush(), config::isAdmin));
        commands.put("stop", new StatusCommand(readers, SubscriberStatus.STOPPED, "stop.done"));
        commands.put("pause", new StatusCommand(readers, SubscriberStatus.PAUSED, "pause.done"));
        commands.put("resume", new StatusCommand(readers, SubscriberStatus.ACTIVE, "resume.done"));
        commands.put("digest", new DigestCommand(digests, clock));
        commands.put("latest", new LatestCommand(news, names, composer));
        SearchPages searchPages = new SearchPages(db, news, names, composer, texts, clock);
        commands.put("search", new SearchCommand(searchPages));
        commands.put("schedule", new ScheduleCommand(readers, planner, clock));
        Topics topics = new Topics(db, clock);
        FollowingView following = new FollowingView(topics, texts, replier);
        commands.put("follow", new FollowCommand(topics));
        commands.put("unfollow", new UnfollowCommand(topics));
        commands.put("following", following);
        commands.put("quiet", new QuietCommand(readers));
        commands.put("here", new HereCommand(readers));

        GroupGuard.checkCovers(commands.keySet());
        for (String command : BotCommandsMenu.READER_COMMANDS) {
            if (!commands.containsKey(command)) {
                throw new IllegalStateException("the command menu lists /" + command + " but nothing handles it");
            }
        }

        Map<String, CallbackHandler> callbacks = new HashMap<>();
        FirstDigestOffer firstDigest = new FirstDigestOffer(digests, texts, replier, clock);
        callbacks.put(Keyboards.TOGGLE_PREFIX, new CategoryToggle(readers, names, keyboards, texts, replier,
                firstDigest));
        callbacks.put(FirstDigestOffer.PREFIX, firstDigest);
        callbacks.put(SettingsView.PREFIX, new SettingsButtons(readers, settings, texts, replier));
        callbacks.put(SearchPages.PREFIX, new SearchMoreButton(searchPages, texts, replier));
        callbacks.put(FollowingView.PREFIX, following);
        callbacks.put(Tipline.PREFIX, tipline.buttons());

        Set<CallbackHandler> editorCallbacks = new HashSet<>();
        if (editors.present()) {
            callbacks.put(editors.buttonPrefix(), editors.buttons());
            editorCallbacks.add(editors.buttons());
        }
        Map<String, CommandHandler> adminCommands = new HashMap<>(editors.commands());
        if (editors.present()) {
            adminCommands.put("block", tipline.blockCommand());
        }
        if (editors.composed() != null) {
            adminCommands.put(UpdateRouter.COMPOSED, editors.composed());
        }
        HandledUpdates handled = new HandledUpdates();
        KeyboardJson keyboardJson = new KeyboardJson();
        this.router = new UpdateRouter(readers, texts, replier, commands, adminCommands, callbacks, config::isEditor,
                botUsername, updateId -> new UpdateScope(updateId, db, outbox, handled, keyboardJson),
                editorCallbacks, new FloodGuard(config.chat(), () -> Math.multiplyExact(clock.millis(), 1_000_000L)),
                new GroupGuard(new GroupAdmins(members, clock), Set.of(Keyboards.TOGGLE_PREFIX, SettingsView.PREFIX,
                        FollowingView.PREFIX)), tipline);
    }

    /** Readers' tips: their hourly pruning, and erasing a chat's (for /forget). */
    public Tipline tips() {
        return tips;
    }

    public UpdateRouter router() {
        return router;
    }
}
