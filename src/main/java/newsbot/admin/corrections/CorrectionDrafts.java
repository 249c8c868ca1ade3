package newsbot.admin.corrections;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import newsbot.admin.AdminTexts;
import newsbot.delivery.Replier;
import newsbot.html.Html;
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

    /** What an editor asked for; {@code html} is the corrected text, or a retraction's notice ("" for none). */
    record Request(long editorUserId, long chatId, String language, Target target, String action, String html,
                   int textLength, boolean oneLine) {

        boolean retract() {
            return CorrectionRow.RETRACT.equals(action);
        }
    }

    private final Database db;
    private final CorrectionsRepo repo;
    private final Replier out;
    private final AdminTexts texts;
    private final Clock clock;
    private final CorrectionControls controls;
    private final CorrectionView view;

    CorrectionDrafts(Database db, CorrectionsRepo repo, Replier out, AdminTexts texts, Clock clock,
                     CorrectionControls controls, CorrectionView view) {
        this.db = db;
        this.repo = repo;
        this.out = out;
        this.texts = texts;
        this.clock = clock;
        this.controls = controls;
        this.view = view;
    }

    OptionalLong create(Request r) {
        Target t = r.target();
        String lang = r.language();
        String what = view.target(lang, t.kind(), t.ref());
        Optional<String> refusal = refusal(r, what);
        if (refusal.isPresent()) {
            return refuse(r.chatId(), refusal.get());
        }
        Instant now = clock.instant();
        record Draft(long id, CorrectionsRepo.TargetCounts counts) {
        }
        Draft draft = db.inTransaction(h -> {
            Optional<CorrectionRow> busy = repo.activeFor(h, t.kind(), t.ref());
            if (busy.isPresent()) {
                return new Draft(-busy.get().id(), null);
            }
            Optional<CorrectionRow> retracted = repo.retractionOf(h, t.kind(), t.ref());
            if (retracted.isPresent()) {
                return new Draft(0, null);
            }
            CorrectionsRepo.TargetCounts counts = repo.targetCounts(h, t.kind(), t.ref(),
                    now.minus(CorrectionEnqueuer.DELETABLE_FOR));
            if (counts.sent() + counts.queued() == 0) {
                return new Draft(0, counts);
            }
            String html = r.html().isEmpty() ? null : r.html();
            long id = repo.insertDraft(h, new CorrectionRow(0, r.action(), t.kind(), t.ref(), t.content(),
                    r.retract() ? null : html, r.retract() ? html : null, r.editorUserId(), r.chatId(), lang,
                    "DRAFT", null, 0, null, false, null, null, null, false, now, null, null));
            return new Draft(id, counts);
        });
        if (draft.id() < 0) {
            return refuse(r.chatId(), texts.get(lang, "admin.correction.busy", what, -draft.id()));
        }
        if (draft.counts() == null) {
            return refuse(r.chatId(), texts.get(lang, "admin.correction.already.retracted", what));
        }
        if (draft.id() == 0) {
            return refuse(r.chatId(), texts.get(lang, "admin.correction.nothing", what));
        }
        long id = draft.id();
        if (!r.retract() || !r.html().isEmpty()) {
            // what readers will see, as Telegram renders it: what it refuses here it would refuse for every copy
            SendOutcome shown = out.send(new OutgoingMessage(r.chatId(), r.html(), false, false, null));
            if (!(shown instanceof SendOutcome.Delivered)) {
                db.useTransaction(h -> repo.cancel(h, id, clock.instant()));
                LOG.warn("preview of correction {} by editor {} was refused: {}", id, r.editorUserId(), shown);
                return refuse(r.chatId(), texts.get(lang, "admin.correction.preview.failed",
                        Html.escape(shown.toString())));
            }
        }
        CorrectionsRepo.TargetCounts c = draft.counts();
        String info = r.retract()
                ? texts.get(lang, "admin.retract.preview", id, what, c.sent() - c.sentEarly(), c.sentEarly(),
                        c.queued(), r.html().isEmpty() ? texts.get(lang, "admin.retract.notice.none")
                                : texts.get(lang, "admin.retract.notice.above"))
                : texts.get(lang, "admin.correct.preview", id, what, c.sent(), c.queued());
        SendOutcome control = out.send(new OutgoingMessage(r.chatId(), info, false, false,
                controls.preview(id, r.retract(), lang)));
        if (control instanceof SendOutcome.Delivered d) {
            db.useTransaction(h -> repo.setPreviewMessage(h, id, (int) d.sent().firstMessageId().orElse(0)));
        }
        LOG.info("editor {} drafted {} {} of {} {} ({} delivered, {} queued)", r.editorUserId(), r.action(), id,
                t.kind(), t.ref(), c.sent(), c.queued());
        return OptionalLong.of(id);
    }

    /** What is wrong with the request before the database is asked, if anything. */
    private Optional<String> refusal(Request r, String what) {
        String lang = r.language();
        Target t = r.target();
        if (t.isBroadcast() && "DRAFT".equals(t.state())) {
            return Optional.of(texts.get(lang, "admin.correction.not.sent", what));
        }
        if (r.retract()) {
            if (!r.oneLine()) {
                return Optional.of(texts.get(lang, "admin.retract.notice.one.line"));
            }
            if (r.textLength() > Html.MAX_MESSAGE || r.html().length() > Html.MAX_MESSAGE) {
                return Optional.of(texts.get(lang, "admin.correction.too.long", r.textLength(), Html.MAX_MESSAGE));
            }
            return Optional.empty();
        }
        if ("poll".equals(t.content())) {
            return Optional.of(texts.get(lang, "admin.correction.poll", what));
        }
        boolean caption = !"html".equals(t.content());
        if (caption && t.isBroadcast() && ("RUNNING".equals(t.state()) || "PAUSED".equals(t.state()))) {
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
