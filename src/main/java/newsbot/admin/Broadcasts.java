package newsbot.admin;

import newsbot.delivery.Replier;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import newsbot.config.BotConfig;
import newsbot.config.Languages;
import newsbot.store.BroadcastRow;
import newsbot.store.BroadcastsRepo;
import newsbot.store.Database;
import newsbot.html.Html;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announcements from editors to readers: a draft with a preview, then on Send a broadcast through the outbox that
 * can be paused, resumed and cancelled. States: DRAFT → RUNNING ⇄ PAUSED → DONE, or → CANCELLED from any of the
 * first three; every change is a conditional UPDATE, so a double press or two admins pressing act once.
 */
public final class Broadcasts {

    private static final Logger LOG = LoggerFactory.getLogger(Broadcasts.class);

    private final BotConfig config;
    private final Database db;
    private final BroadcastsRepo repo;
    private final Replier out;
    private final AdminTexts texts;
    private final Clock clock;
    private final BroadcastControls controls;
    private final ProgressView view;
    private final BroadcastActions actions;
    private final BroadcastList list;
    private final TimeTexts time;

    Broadcasts(BotConfig config, Database db, BroadcastsRepo repo, Replier out, AdminTexts texts, Clock clock,
               BroadcastControls controls, ProgressView view, BroadcastActions actions, BroadcastList list) {
        this.config = config;
        this.db = db;
        this.repo = repo;
        this.out = out;
        this.texts = texts;
        this.clock = clock;
        this.controls = controls;
        this.view = view;
        this.actions = actions;
        this.list = list;
        this.time = new TimeTexts(texts);
    }

    /** The prefix of the callback data of every broadcast button. */
    public static String callbackPrefix() {
        return BroadcastControls.PREFIX;
    }

    /**
     * Whether the first word after {@code /broadcast} names an audience ({@code all}, {@code cat=…},
     * {@code lang=…}) rather than starting the text.
     */
    public static boolean isAudienceWord(String word) {
        return Audience.isAudienceToken(word);
    }

    /**
     * {@code /broadcast}: checks the audience and the text, stores a draft and shows the admin the message exactly
     * as readers will get it, then its audience size, the time it will take and the Send / Send to me only /
     * Cancel buttons. Every refusal is answered in the admin's chat. Returns the draft's id.
     *
     * @param audienceWord {@code all}, {@code cat=<slug>}, {@code lang=<ru|en>}, or empty for everyone
     * @param html         the text as Telegram HTML
     * @param textLength   the length of the text readers will see, in UTF-16 units
     */
    public OptionalLong create(long adminUserId, long chatId, String language, String audienceWord, String html,
                               int textLength) {
        Optional<Audience> parsed = Audience.parse(audienceWord);
        if (parsed.isEmpty() || !known(parsed.get())) {
            return refuse(chatId, language, "admin.broadcast.audience.unknown", Html.escape(audienceWord),
                    Html.escape(String.join(", ", config.categories().stream().map(c -> c.slug()).toList())));
        }
        if (textLength == 0 || html.isBlank()) {
            return refuse(chatId, language, "admin.broadcast.usage");
        }
        if (textLength > Html.MAX_MESSAGE) {
            return refuse(chatId, language, "admin.broadcast.too.long", textLength, Html.MAX_MESSAGE);
        }
        if (html.length() > Html.MAX_MESSAGE) {
            // the outbox would split it into two messages, which is not what the preview promised
            return refuse(chatId, language, "admin.broadcast.too.long.html", html.length(), Html.MAX_MESSAGE);
        }
        Audience audience = parsed.get();
        record Draft(long id, int size) {
        }
        Draft draft = db.inTransaction(h -> {
            int size = repo.audienceCount(h, audience.filter());
            return new Draft(repo.insertDraft(h, adminUserId, chatId, language, html, audience.stored(), size,
                    clock.instant()), size);
        });
        long id = draft.id();
        int size = draft.size();
        SendOutcome preview = out.send(new OutgoingMessage(chatId, html, false, false, null));
        if (!(preview instanceof SendOutcome.Delivered)) {
            // what Telegram refuses for the admin it would refuse for every reader
            db.useTransaction(h -> repo.cancel(h, id, clock.instant()));
            LOG.warn("preview of broadcast {} by admin {} was refused: {}", id, adminUserId, preview);
            return refuse(chatId, language, "admin.broadcast.preview.failed", Html.escape(preview.toString()));
        }
        String info = texts.get(language, "admin.broadcast.preview", id, audienceName(audience, language), size,
                config.delivery().globalPerSecond(), time.duration(language, view.eta(size)));
        SendOutcome control = out.send(new OutgoingMessage(chatId, info, false, false, controls.preview(id, language)));
        if (control instanceof SendOutcome.Delivered d) {
            db.useTransaction(h -> repo.setPreviewMessage(h, id, (int) d.messageId()));
        }
        LOG.info("admin {} created broadcast {} for audience {} ({} readers)", adminUserId, id, audience.stored(),
                size);
        return OptionalLong.of(id);
    }

    /**
     * A press on a broadcast button. Only admins may act; anyone else's press (say, on a forwarded preview) does
     * nothing but a log line. Returns the short text to answer the press with, or {@code null} for none.
     */
    public String press(long userId, long chatId, int messageId, String data, String language) {
        Optional<BroadcastControls.Press> press = BroadcastControls.parse(data);
        if (!config.isAdmin(userId)) {
            LOG.warn("press on broadcast button '{}' by non-admin user {} in chat {} ignored", data, userId, chatId);
            return null;
        }
        Optional<BroadcastRow> row = press.flatMap(p -> db.withHandle(h -> repo.find(h, p.broadcastId())));
        if (row.isEmpty()) {
            return texts.get(language, "admin.toast.stale");
        }
        BroadcastRow b = row.get();
        String key = switch (press.get().action()) {
            case SEND -> actions.send(b, userId, chatId, messageId);
            case TEST -> actions.test(b, userId, chatId);
            case PAUSE -> actions.pause(b, userId);
            case RESUME -> actions.resume(b, userId);
            case CANCEL -> actions.cancel(b, userId);
        };
        return texts.get(language, key, b.id());
    }

    /** {@code /broadcasts}: the last ten with their state and counts. */
    public String recent(String language) {
        return list.render(language, 10);
    }

    private boolean known(Audience a) {
        if (a.category() != null) {
            return config.category(a.category()).isPresent();
        }
        return a.language() == null || Languages.isSupported(a.language());
    }

    private String audienceName(Audience a, String language) {
        if (a.category() != null) {
            String name = config.category(a.category()).map(c -> c.displayName(language)).orElse(a.category());
            return texts.get(language, "admin.audience.cat", Html.escape(name));
        }
        if (a.language() != null) {
            return texts.get(language, "admin.audience.lang", a.language());
        }
        return texts.get(language, "admin.audience.all");
    }

    private OptionalLong refuse(long chatId, String language, String key, Object... args) {
        out.send(OutgoingMessage.html(chatId, texts.get(language, key, args)));
        return OptionalLong.empty();
    }
}
