package newsbot.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import newsbot.delivery.Replier;
import newsbot.html.Html;
import newsbot.store.Campaign;
import newsbot.store.CampaignKind;
import newsbot.delivery.CampaignOutbox;
import newsbot.store.CorrectionRow;
import newsbot.store.CorrectionsRepo;
import newsbot.store.Database;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a {@code /correct} or {@code /retract}, stores it as a draft and shows the editor what readers will see
 * and how many copies it touches, with Confirm / Cancel. Every refusal is answered in the editor's language.
 * Nothing here waits for Telegram inside a transaction.
 */
final class CorrectionDrafts {

    private static final Logger LOG = LoggerFactory.getLogger(CorrectionDrafts.class);

    /**
     * What an editor asked for.
     *
     * @param html    the corrected text, or a retraction's notice ("" for none)
     * @param layout  whether the text is one line (a retraction's notice must be)
     */
    record Request(Campaign.Editor editor, CampaignKind kind, Target target, String html, int textLength,
                   Layout layout) {

        boolean retract() {
            return kind == CampaignKind.RETRACTION;
        }
    }

    /** The shape of what the editor wrote. */
    enum Layout { ONE_LINE, SEVERAL_LINES }

    private final Database db;
    private final CorrectionsRepo repo;
    private final CampaignOutbox rows;
    private final Replier out;
    private final AdminTexts texts;
    private final Clock clock;
    private final CampaignButtons buttons;
    private final ProgressView view;
    private final DraftPreview previews;

    CorrectionDrafts(Database db, CorrectionsRepo repo, CampaignOutbox rows, Replier out, AdminTexts texts,
                     Clock clock, CampaignButtons buttons, ProgressView view, DraftPreview previews) {
        this.db = db;
        this.repo = repo;
        this.rows = rows;
        this.out = out;
        this.texts = texts;
        this.clock = clock;
        this.buttons = buttons;
        this.view = view;
        this.previews = previews;
    }

    OptionalLong create(Request r) {
        Target t = r.target();
        long chatId = r.editor().chatId();
        String lang = r.editor().language();
        String what = view.target(lang, t.ref());
        Optional<String> refusal = refusal(r, what);
        if (refusal.isPresent()) {
            return refuse(chatId, refusal.get());
        }
        Instant now = clock.instant();
        record Draft(long id, CampaignOutbox.TargetCounts counts) {
        }
        Draft draft = db.inTransaction(h -> {
            Optional<CorrectionRow> busy = repo.activeFor(h, t.ref().kind(), t.ref().ref());
            if (busy.isPresent()) {
                return new Draft(-busy.get().id(), null);
            }
            if (repo.retractionOf(h, t.ref().kind(), t.ref().ref()).isPresent()) {
                return new Draft(0, null);
            }
            CampaignOutbox.TargetCounts counts = rows.targetCounts(h, t.ref().kind(), t.ref().ref(),
                    now.minus(CorrectionCampaign.DELETABLE_FOR));
            if (counts.sent() + counts.queued() == 0) {
                return new Draft(0, counts);
            }
            long id = repo.insertDraft(h, new CorrectionsRepo.NewCorrection(r.kind(), r.editor(), t.ref(), r.html()),
                    now);
            return new Draft(id, counts);
        });
        if (draft.id() < 0) {
            return refuse(chatId, texts.get(lang, "admin.correction.busy", what, -draft.id()));
        }
        if (draft.counts() == null) {
            return refuse(chatId, texts.get(lang, "admin.correction.already.retracted", what));
        }
        if (draft.id() == 0) {
            return refuse(chatId, texts.get(lang, "admin.correction.nothing", what));
        }
        long id = draft.id();
        CampaignOutbox.TargetCounts c = draft.counts();
        String info = r.retract()
                ? texts.get(lang, "admin.retract.preview", id, what, c.sent() - c.sentEarly(), c.sentEarly(),
                        c.queued(), r.html().isEmpty() ? texts.get(lang, "admin.retract.notice.none")
                                : texts.get(lang, "admin.retract.notice.above"))
                : texts.get(lang, "admin.correct.preview", id, what, c.sent(), c.queued());
        Campaign campaign = db.withHandle(h -> repo.find(h, id)).orElseThrow().campaign();
        ProgressView.Shown control = new ProgressView.Shown(info, buttons.confirm(campaign, lang));
        if (r.html().isEmpty()) {
            previews.showControl(repo.table(), id, chatId, control);
        } else {
            // what readers will see, as Telegram renders it: what it refuses here it would refuse for every copy
            Optional<SendOutcome> refused = previews.show(repo.table(), id,
                    new OutgoingMessage(chatId, r.html(), false, false, null), chatId, control);
            if (refused.isPresent()) {
                return refuse(chatId, texts.get(lang, "admin.correction.preview.failed",
                        Html.escape(refused.get().toString())));
            }
        }
        LOG.info("editor {} drafted {} {} of {} {} ({} delivered, {} queued)", r.editor().userId(),
                r.kind().stored(), id, t.ref().kind(), t.ref().ref(), c.sent(), c.queued());
        return OptionalLong.of(id);
    }

    /** What is wrong with the request before the database is asked, if anything. */
    private Optional<String> refusal(Request r, String what) {
        String lang = r.editor().language();
        Target t = r.target();
        if (t.state().isDraft()) {
            return Optional.of(texts.get(lang, "admin.correction.not.sent", what));
        }
        if (r.retract()) {
            if (r.layout() != Layout.ONE_LINE) {
                return Optional.of(texts.get(lang, "admin.retract.notice.one.line"));
            }
            if (r.textLength() > Html.MAX_MESSAGE || r.html().length() > Html.MAX_MESSAGE) {
                return Optional.of(texts.get(lang, "admin.correction.too.long", r.textLength(), Html.MAX_MESSAGE));
            }
            return Optional.empty();
        }
        if (t.ref().isPoll()) {
            return Optional.of(texts.get(lang, "admin.correction.poll", what));
        }
        boolean caption = !t.ref().isText();
        if (caption && t.state().isActive()) {
            // its next batches copy the editor's message as composed: they would go out with the old caption
            return Optional.of(texts.get(lang, "admin.correction.media.running", what));
        }
        int limit = caption ? Html.MAX_CAPTION : Html.MAX_MESSAGE;
        if (r.textLength() > limit) {
            return Optional.of(texts.get(lang, caption ? "admin.correction.caption.too.long"
                    : "admin.correction.too.long", r.textLength(), limit));
        }
        if (r.html().length() > Html.MAX_MESSAGE) {
            // one message of one part replaces one message: the markup must fit as a message does
            return Optional.of(texts.get(lang, "admin.correction.too.long.html", r.html().length(),
                    Html.MAX_MESSAGE));
        }
        return Optional.empty();
    }

    private OptionalLong refuse(long chatId, String html) {
        out.send(OutgoingMessage.html(chatId, html));
        return OptionalLong.empty();
    }
}
