package newsbot.admin.corrections;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import newsbot.admin.AdminTexts;
import newsbot.admin.BreakingPush;
import newsbot.admin.TimeTexts;
import newsbot.chat.Callback;
import newsbot.chat.CallbackHandler;
import newsbot.chat.CommandHandler;
import newsbot.config.BotConfig;
import newsbot.config.Languages;
import newsbot.delivery.Outbox;
import newsbot.delivery.Replier;
import newsbot.store.BroadcastOutbox;
import newsbot.store.BroadcastsRepo;
import newsbot.store.CorrectionRow;
import newsbot.store.CorrectionsRepo;
import newsbot.store.Database;
import newsbot.store.Subscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Corrections and retractions: an editor fixes ({@code /correct}) or withdraws ({@code /retract}) a sent broadcast
 * or breaking alert in every reader's chat, with a preview, a count, progress and a report. States as for
 * broadcasts: DRAFT → RUNNING ⇄ PAUSED → DONE, or → CANCELLED; every change is a conditional UPDATE.
 */
public final class Corrections {

    private static final Logger LOG = LoggerFactory.getLogger(Corrections.class);

    private final BotConfig config;
    private final Database db;
    private final CorrectionsRepo repo = new CorrectionsRepo();
    private final AdminTexts texts;
    private final Replier out;
    private final CorrectionDrafts drafts;
    private final CorrectionActions actions;
    private final CorrectionMonitor monitor;
    private final CorrectionHistory history;
    private final Target.Finder targets;

    /**
     * @param outbox   the instance the dispatcher was built with, so corrections wake it
     * @param breaking finds the article a breaking alert was about
     */
    public Corrections(BotConfig config, Database db, Outbox outbox, Replier out, AdminTexts texts, Clock clock,
                       BreakingPush breaking) {
        this(config, db, outbox, out, texts, clock, breaking, CorrectionEnqueuer.DEFAULT_BATCH);
    }

    /** @param batchSize copies given their rows per transaction */
    public Corrections(BotConfig config, Database db, Outbox outbox, Replier out, AdminTexts texts, Clock clock,
                       BreakingPush breaking, int batchSize) {
        this.config = config;
        this.db = db;
        this.texts = texts;
        this.out = out;
        BroadcastsRepo broadcasts = new BroadcastsRepo();
        CorrectionControls controls = new CorrectionControls(texts);
        TimeTexts time = new TimeTexts(texts);
        CorrectionView view = new CorrectionView(texts, controls, time, config.delivery().globalPerSecond());
        CorrectionBoard board = new CorrectionBoard(db, repo, view, out, clock);
        CorrectionEnqueuer enqueuer = new CorrectionEnqueuer(db, repo, outbox, texts, clock,
                Languages.DEFAULT, batchSize);
        this.drafts = new CorrectionDrafts(db, repo, out, texts, clock, controls, view);
        this.actions = new CorrectionActions(db, repo, broadcasts, new BroadcastOutbox(), outbox, out, clock,
                enqueuer, board, view, texts);
        this.monitor = new CorrectionMonitor(db, repo, enqueuer, board, clock);
        this.history = new CorrectionHistory(db, repo, view, texts);
        this.targets = new Target.Finder(db, broadcasts, breaking);
    }

    /** {@code /correct} and {@code /retract}, for the editors' commands. */
    public Map<String, CommandHandler> commands() {
        return Map.of("correct", new CorrectCommand(this, targets, false),
                "retract", new CorrectCommand(this, targets, true));
    }

    /** The prefix of every correction button's data (inside the broadcasts' own). */
    public static String callbackPrefix() {
        return CorrectionControls.PREFIX;
    }

    /** Presses on Confirm, Pause, Resume and Cancel. */
    public CallbackHandler buttons() {
        return (Callback callback, Subscriber reader) -> out.answerCallback(callback.id(),
                press(callback.userId(), callback.chatId(), callback.messageId(), callback.data(), reader.language()));
    }

    /** Call {@link CorrectionMonitor#tick()} about once a second from one scheduler thread. */
    public CorrectionMonitor monitor() {
        return monitor;
    }

    /** The lines {@code /broadcasts} adds: the latest corrections and retractions with their counts, or "". */
    public String recent(String language, int limit) {
        return history.recent(language, limit);
    }

    /** The line {@code /stats} adds: corrections and retractions confirmed since {@code since}, with counts. */
    public String stats(String language, Instant since) {
        return history.since(language, since);
    }

    void correct(long userId, long chatId, String language, Target target, String html, int length) {
        drafts.create(new CorrectionDrafts.Request(userId, chatId, language, target, CorrectionRow.CORRECT, html,
                length, true));
    }

    void retract(long userId, long chatId, String language, Target target, String noticeHtml, int length,
                 boolean oneLine) {
        drafts.create(new CorrectionDrafts.Request(userId, chatId, language, target, CorrectionRow.RETRACT,
                noticeHtml, length, oneLine));
    }

    /**
     * A press on a correction button. Only editors may act; anyone else's press (on a forwarded preview, say)
     * does nothing but a log line. Returns the toast, or {@code null} for none.
     */
    String press(long userId, long chatId, int messageId, String data, String language) {
        if (!config.isAdmin(userId)) {
            LOG.warn("press on correction button '{}' by non-editor {} in chat {} ignored", data, userId, chatId);
            return null;
        }
        Optional<CorrectionControls.Press> press = CorrectionControls.parse(data);
        Optional<CorrectionRow> row = press.flatMap(p -> db.withHandle(h -> repo.find(h, p.correctionId())));
        if (row.isEmpty()) {
            return texts.get(language, "admin.correction.toast.stale");
        }
        CorrectionRow c = row.get();
        String key;
        switch (press.get().action()) {
            case CONFIRM -> key = actions.confirm(c, userId, chatId, messageId);
            case PAUSE -> key = actions.pause(c, userId);
            case RESUME -> key = actions.resume(c, userId);
            default -> key = actions.cancel(c, userId);
        }
        return texts.get(language, key, c.id());
    }
}
