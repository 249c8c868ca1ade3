package newsbot.chat;

import newsbot.delivery.Replier;
import newsbot.messages.ReadInTelegram;
import newsbot.messages.BotCommandsMenu;
import newsbot.messages.BreakingAlert;
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
               Supplier<String> botUsername, EditorTools editors, ChatMembers members, OnDemandDigests digests,
               ArticleSource articleSource) {
        Articles articles = new Articles();
        Readers readers = new Readers(db, new Subscribers(), new Subscriptions(), articles, config, clock, outbox);
        CategoryNames names = new CategoryNames(config.categories());
        Keyboards keyboards = new Keyboards(config.categories());
        DigestComposer composer = new DigestComposer();
        DigestPlanner planner = new DigestPlanner();
        News news = new News(db, articles);
        PhraseList topics = PhraseList.followed(db, clock);
        PhraseList mutes = PhraseList.muted(db, clock);
        SettingsView settings = new SettingsView(readers, names, texts, planner, clock, topics, mutes);

        Map<String, CommandHandler> commands = new HashMap<>();
        BreakingAlert cards = new BreakingAlert(texts, config.categories());
        ReadArticle reading = new ReadArticle(db, articleSource, texts, replier, clock, botUsername);
        commands.put("start", new StartCommand(readers, names, keyboards, news, cards, reading));
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
        commands.put("breaking", new BreakingCommand(readers, names, editors.breakingPush(), config::isAdmin));
        commands.put("stop", new StatusCommand(readers, SubscriberStatus.STOPPED, "stop.done"));
        commands.put("pause", new StatusCommand(readers, SubscriberStatus.PAUSED, "pause.done"));
        commands.put("resume", new StatusCommand(readers, SubscriberStatus.ACTIVE, "resume.done"));
        commands.put("digest", new DigestCommand(digests, clock));
        commands.put("latest", new LatestCommand(news, names, composer));
        commands.put("top", new TopCommand(db, clock));
        SearchPages searchPages = new SearchPages(db, news, names, composer, texts, clock);
        commands.put("search", new SearchCommand(searchPages));
        commands.put("schedule", new ScheduleCommand(readers, planner, clock));
        PhrasesView following = new PhrasesView(topics, texts, replier);
        PhrasesView muted = new PhrasesView(mutes, texts, replier);
        commands.put("follow", new AddPhraseCommand(topics, mutes));
        commands.put("unfollow", new RemovePhraseCommand(topics));
        commands.put("following", following);
        commands.put("mute", new AddPhraseCommand(mutes, topics));
        commands.put("unmute", new RemovePhraseCommand(mutes));
        commands.put("muted", muted);
        commands.put("quiet", new QuietCommand(readers));
        commands.put("here", new HereCommand(readers));
        ReaderData readerData = new ReaderData(db, outbox, config.categories(), clock);
        commands.put("mydata", new MyDataCommand(readerData));
        ForgetCommand forget = new ForgetCommand(db, readerData, texts, replier);
        commands.put("forget", forget);

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
        callbacks.put(following.prefix(), following);
        callbacks.put(muted.prefix(), muted);
        callbacks.put(ForgetCommand.PREFIX, forget);
        callbacks.put(ReadInTelegram.PREFIX, reading);
        callbacks.put(Tipline.PREFIX, tipline.buttons());

        Set<CallbackHandler> editorCallbacks = new HashSet<>();
        // outside one transaction, as the editors' tools: it may fetch the article's page from its site first
        editorCallbacks.add(reading);
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
                        following.prefix(), muted.prefix(), ForgetCommand.PREFIX)),
                inlineAnswers(new InlineSearch(news, cards, texts, botUsername, clock), replier), tipline);
    }

    private static InlineQueries inlineAnswers(InlineSearch search, Replier replier) {
        return (id, query, languageCode) -> replier.answerInline(id,
                search.answer(query, Texts.languageFor(languageCode)), InlineSearch.CACHE_SECONDS, false);
    }

    /** Readers' tips: their hourly pruning, and erasing a chat's (for /forget). */
    public Tipline tips() {
        return tips;
    }

    public UpdateRouter router() {
        return router;
    }
}
