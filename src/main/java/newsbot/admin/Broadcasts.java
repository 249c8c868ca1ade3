package newsbot.admin;

import java.time.Duration;
import newsbot.delivery.Replier;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import newsbot.config.BotConfig;
import newsbot.config.Languages;
import newsbot.store.ApprovalRequests;
import newsbot.store.AuditAction;
import newsbot.store.CampaignTable;
import newsbot.store.AuditTrail;
import newsbot.store.BroadcastContent;
import newsbot.store.BroadcastRow;
import newsbot.store.Campaign;
import newsbot.store.BroadcastsRepo;
import newsbot.store.Database;
import newsbot.store.MediaGroups;
import newsbot.store.Subscriber;
import newsbot.html.Html;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Announcements from editors to readers: a draft with a preview, then on Send (or at its scheduled time) a
 * broadcast through the outbox that can be paused, resumed and cancelled, one kind of campaign
 * ({@link newsbot.store.CampaignState} has the states). Every change is a conditional UPDATE, so a double press, two
 * admins pressing, or a press racing the schedule act once. Presses on every campaign's buttons arrive here.
 */
final class Broadcasts {

    private static final Logger LOG = LoggerFactory.getLogger(Broadcasts.class);
    /** Albums are forgotten after this: an editor replies to what they just sent, not to last week's. */
    static final Duration ALBUM_MEMORY = Duration.ofDays(2);

    /** What {@code /broadcast} asked for besides the message itself. */
    public record Request(long adminUserId, long chatId, String language, String audienceWord, Button button,
                          ZonedDateTime at) {
    }

    /** One link button under the message. */
    public record Button(String label, String url) {
    }

    private final AuditTrail audit = new AuditTrail();
    private final BotConfig config;
    private final Database db;
    private final BroadcastsRepo repo;
    private final Replier out;
    private final AdminTexts texts;
    private final Clock clock;
    private final CampaignControls controls;
    private final BroadcastCampaign type;
    private final BroadcastActions actions;
    private final CampaignHistory history;
    private final DraftView drafts;
    private final DraftPreview previews;
    private final Corrections corrections;
    private final Approvals approvals;
    private final MediaGroups albums = new MediaGroups();

    Broadcasts(BotConfig config, Database db, BroadcastsRepo repo, Replier out, AdminTexts texts, Clock clock,
               CampaignControls controls, BroadcastCampaign type, BroadcastActions actions, CampaignHistory history,
               DraftView drafts, DraftPreview previews, Corrections corrections, Approvals approvals) {
        this.config = config;
        this.db = db;
        this.repo = repo;
        this.out = out;
        this.texts = texts;
        this.clock = clock;
        this.controls = controls;
        this.type = type;
        this.actions = actions;
        this.history = history;
        this.drafts = drafts;
        this.previews = previews;
        this.corrections = corrections;
        this.approvals = approvals;
    }

    /** The prefix of the callback data of every broadcast button. */
    public static String callbackPrefix() {
        return CampaignButtons.PREFIX;
    }

    /**
     * Whether the first word after {@code /broadcast} names an audience ({@code all}, {@code cat=…},
     * {@code lang=…}) rather than starting the text.
     */
    public static boolean isAudienceWord(String word) {
        return Audience.isAudienceToken(word);
    }

    Instant now() {
        return clock.instant();
    }

    /** The editor's own time zone, in which they give times. */
    ZoneId zoneOf(Subscriber editor) {
        return editor == null || editor.zone() == null ? config.digest().defaultZone() : editor.zone();
    }

    /** The messages of the album {@code m} belongs to, as they arrived; empty when it is none. */
    List<Integer> albumOf(Message m) {
        if (m.getMediaGroupId() == null) {
            return List.of();
        }
        return db.withHandle(h -> albums.messageIds(h, m.getChatId(), m.getMediaGroupId()));
    }

    /** Remembers one message of an album an editor sent; true for the album's first message. */
    boolean rememberAlbumPart(Message m) {
        Instant now = clock.instant();
        return db.inTransaction(h -> {
            albums.pruneBefore(h, now.minus(ALBUM_MEMORY));
            return albums.add(h, m.getChatId(), m.getMediaGroupId(), m.getMessageId(), now);
        });
    }

    /**
     * {@code /broadcast} of a text: checks the audience and the text, stores a draft and shows the admin the
     * message exactly as readers will get it, then its audience size, the time it will take and the buttons.
     * Every refusal is answered in the admin's chat. Returns the draft's id.
     *
     * @param html       the text as Telegram HTML
     * @param textLength the length of the text readers will see, in UTF-16 units
     */
    public OptionalLong create(Request r, String html, int textLength) {
        if (textLength == 0 || html.isBlank()) {
            return refuse(r, "admin.broadcast.usage");
        }
        if (textLength > Html.MAX_MESSAGE) {
            return refuse(r, "admin.broadcast.too.long", textLength, Html.MAX_MESSAGE);
        }
        if (html.length() > Html.MAX_MESSAGE) {
            // the outbox would split it into two messages, which is not what the preview promised
            return refuse(r, "admin.broadcast.too.long.html", html.length(), Html.MAX_MESSAGE);
        }
        return draft(r, new BroadcastContent.Text(html, link(r)));
    }

    /** {@link #create} for a copy of the editor's message: a photo, an album, a poll... */
    OptionalLong createCopy(Request r, BroadcastSource.Copy copy) {
        if (copy.album() && r.button() != null) {
            return refuse(r, "admin.broadcast.album.button");
        }
        String description = copy.description().isEmpty() ? "" : Html.escape(copy.description());
        return draft(r, new BroadcastContent.Copy(copy.content(), description, copy.chatId(), copy.ids(), link(r)));
    }

    /** The old entry point: a text to an audience, now. */
    public OptionalLong create(long adminUserId, long chatId, String language, String audienceWord, String html,
                               int textLength) {
        return create(new Request(adminUserId, chatId, language, audienceWord, null, null), html, textLength);
    }

    private static BroadcastContent.LinkButton link(Request r) {
        return r.button() == null ? null : new BroadcastContent.LinkButton(r.button().label(), r.button().url());
    }

    private OptionalLong draft(Request r, BroadcastContent content) {
        Optional<Audience> parsed = Audience.parse(r.audienceWord());
        if (parsed.isEmpty() || !known(parsed.get())) {
            return refuse(r, "admin.broadcast.audience.unknown", Html.escape(r.audienceWord()),
                    Html.escape(String.join(", ", config.categories().stream().map(c -> c.slug()).toList())));
        }
        Optional<String> badTime = r.at() == null ? Optional.empty() : ScheduleTime.problem(r.at(), clock.instant());
        if (badTime.isPresent()) {
            return refuse(r, badTime.get(), ScheduleTime.MAX_DAYS_AHEAD);
        }
        Audience audience = parsed.get();
        BroadcastRow b = db.inTransaction(h -> {
            int size = repo.audienceCount(h, audience.filter());
            long id = repo.insertDraft(h, new BroadcastsRepo.NewDraft(new Campaign.Editor(r.adminUserId(),
                    r.chatId(), r.language()), content, audience.stored(), size), clock.instant());
            if (r.at() != null) {
                repo.schedule(h, id, new BroadcastRow.Schedule(r.at().toInstant(), r.at().getZone().getId()),
                        clock.instant());
            }
            audit.record(h, clock.instant(), r.adminUserId(), AuditAction.BROADCAST_DRAFTED, "#" + id, size,
                    audience.stored() + (r.at() == null ? "" : ", scheduled for " + r.at().toLocalDateTime()));
            return repo.find(h, id).orElseThrow();
        });
        Optional<SendOutcome> refused = previews.show(repo.table(), b.id(), actions.asReadersSeeIt(b, r.chatId()),
                r.chatId(), drafts.render(b));
        if (refused.isPresent()) {
            return refuse(r, "admin.broadcast.preview.failed", Html.escape(refused.get().toString()));
        }
        LOG.info("admin {} created broadcast {} ({}) for audience {} ({} readers){}", r.adminUserId(), b.id(),
                content.type(), audience.stored(), b.total(), r.at() == null ? "" : ", scheduled for " + r.at());
        return OptionalLong.of(b.id());
    }

    /**
     * A press on a campaign's button. Only editors may act; anyone else's press (say, on a forwarded preview) does
     * nothing but a log line. Returns the short text to answer the press with, or {@code null} for none.
     */
    public String press(long userId, long chatId, int messageId, String data, String language) {
        if (!config.isEditor(userId)) {
            LOG.warn("press on campaign button '{}' by non-editor user {} in chat {} ignored", data, userId, chatId);
            return null;
        }
        Optional<CampaignButtons.Press> press = CampaignButtons.parse(data);
        if (data.startsWith(CampaignButtons.CORRECTION_PREFIX)) {
            return corrections.press(press, userId, chatId, messageId, language);
        }
        Optional<BroadcastRow> row = press.flatMap(p -> db.withHandle(h -> repo.find(h, p.id())));
        if (row.isEmpty()) {
            return texts.get(language, type.toast(CampaignType.Toast.STALE));
        }
        BroadcastRow b = row.get();
        CampaignButtons.Press p = press.get();
        String key = switch (p.action()) {
            case SEND -> actions.send(b, userId, chatId, messageId, BroadcastRow.Lane.FREE);
            case FASTGO -> actions.send(b, userId, chatId, messageId, BroadcastRow.Lane.PAID);
            case TEST -> actions.test(b, userId, chatId);
            case PAUSE -> controls.pause(type, b.campaign(), userId);
            case RESUME -> controls.resume(type, b.campaign(), userId);
            case CANCEL -> controls.cancel(type, b.campaign(), userId);
            case SCHEDULE -> actions.showPicker(b, chatId, messageId);
            case AT -> actions.schedule(b, userId, Instant.ofEpochSecond(p.arg() * 60));
            case UNSCHEDULE -> actions.unschedule(b, userId);
            case PIN -> actions.togglePin(b, userId);
            case FAST -> actions.showFast(b, chatId, messageId);
            case BACK -> actions.showDraft(b);
            case CONFIRM -> type.toast(CampaignType.Toast.NOT_NOW);
            case APPROVE -> actions.approve(b, userId, new Campaign.ChatMessage(chatId, messageId));
            case REJECT -> actions.reject(b, userId, new Campaign.ChatMessage(chatId, messageId), "");
        };
        return key == null ? null : texts.get(language, key, b.id());
    }

    /**
     * {@code /reject <reason>} in reply to an approval card: rejects the campaign it is about with that reason.
     * Returns the answer, or empty when the replied message is no card.
     */
    Optional<String> rejectByReply(long userId, long chatId, int repliedMessageId, String reason, String language) {
        Optional<ApprovalRequests.Ref> ref = approvals.cardAt(chatId, repliedMessageId);
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        Campaign.ChatMessage card = new Campaign.ChatMessage(chatId, repliedMessageId);
        long id = ref.get().id();
        String key = ref.get().table() == CampaignTable.CORRECTIONS
                ? corrections.reject(id, userId, card, reason)
                : db.withHandle(h -> repo.find(h, id)).map(b -> actions.reject(b, userId, card, reason))
                        .orElse("admin.toast.not.now");
        return Optional.of(texts.get(language, key, id));
    }

    /**
     * An editor's reply to a draft's control message with a time ({@code 24.12 09:00}): schedules it. Returns
     * whether the reply was about a draft at all.
     */
    boolean scheduleByReply(long userId, Subscriber editor, int repliedMessageId, String text) {
        Optional<BroadcastRow> draft = db.withHandle(h -> repo.findByMessage(h, editor.chatId(), repliedMessageId));
        if (draft.isEmpty() || !draft.get().state().isDraft()) {
            return false;
        }
        BroadcastRow b = draft.get();
        ZoneId zone = zoneOf(editor);
        String t = text.strip();
        Optional<ScheduleTime.Parsed> when = ScheduleTime.parse(t, 0, zone, clock.instant().atZone(zone));
        String lang = editor.language();
        if (when.isEmpty() || when.get().end() != t.length()) {
            out.send(OutgoingMessage.html(editor.chatId(), texts.get(lang, "admin.schedule.usage")));
            return true;
        }
        Optional<String> bad = ScheduleTime.problem(when.get().at(), clock.instant());
        if (bad.isPresent()) {
            out.send(OutgoingMessage.html(editor.chatId(), texts.get(lang, bad.get(), ScheduleTime.MAX_DAYS_AHEAD)));
            return true;
        }
        String key = actions.schedule(b, userId, when.get().at().toInstant(), zone);
        out.send(OutgoingMessage.html(editor.chatId(), texts.get(lang, key, b.id())));
        return true;
    }

    /**
     * {@code /broadcasts}: the scheduled ones first, with a Cancel button each, then the last ten, then the latest
     * corrections and retractions.
     */
    public ProgressView.Shown recent(String language) {
        return history.render(language, 10);
    }

    private boolean known(Audience a) {
        if (a.category() != null) {
            return config.category(a.category()).isPresent();
        }
        return a.language() == null || Languages.isSupported(a.language());
    }

    private OptionalLong refuse(Request r, String key, Object... args) {
        out.send(OutgoingMessage.html(r.chatId(), texts.get(r.language(), key, args)));
        return OptionalLong.empty();
    }
}
