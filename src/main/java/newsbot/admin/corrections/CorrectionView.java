package newsbot.admin.corrections;

import java.time.Duration;
import java.time.Instant;
import newsbot.admin.AdminTexts;
import newsbot.admin.ProgressView;
import newsbot.admin.TimeTexts;
import newsbot.store.CorrectionRow;
import newsbot.store.CorrectionsRepo;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * A correction's progress message in each state, ending as its report: a pure rendering of its row and counts,
 * with the broadcasts' bar and durations.
 */
final class CorrectionView {

    /** What the progress message should show; {@code keyboard} is {@code null} once nothing can be done. */
    record Shown(String html, InlineKeyboardMarkup keyboard) {
    }

    private final AdminTexts texts;
    private final CorrectionControls controls;
    private final TimeTexts time;
    private final int ratePerSecond;

    CorrectionView(AdminTexts texts, CorrectionControls controls, TimeTexts time, int ratePerSecond) {
        this.texts = texts;
        this.controls = controls;
        this.time = time;
        this.ratePerSecond = Math.max(1, ratePerSecond);
    }

    /** "broadcast #3" or "the breaking alert of article 17", in the editor's language. */
    String target(String lang, String kind, long ref) {
        return texts.get(lang, "admin.correction.target." + kind, ref);
    }

    /** "Correction #4" or "Withdrawal #4". */
    String name(String lang, CorrectionRow c) {
        return texts.get(lang, c.isRetraction() ? "admin.retract.name" : "admin.correct.name", c.id());
    }

    Shown render(CorrectionRow c, CorrectionsRepo.Counts n, Instant now) {
        String lang = c.language();
        String title = texts.get(lang, "admin.correction.title", name(lang, c), target(lang, c.targetKind(),
                c.targetRef()));
        if (c.isFinished()) {
            return new Shown(report(c, n, title, now), null);
        }
        int total = n.total();
        int done = n.finished();
        int percent = total == 0 ? (c.enqueuedAll() ? 100 : 0) : (int) (100L * done / total);
        String status = texts.get(lang, "admin.correction.state." + c.state());
        String eta = "PAUSED".equals(c.state()) ? texts.get(lang, "admin.progress.held")
                : texts.get(lang, "admin.progress.eta", time.duration(lang,
                        Duration.ofSeconds((long) (total - done + ratePerSecond - 1) / ratePerSecond)));
        String html = texts.get(lang, "admin.correction.progress", title, status, ProgressView.bar(percent), percent,
                done, total, counted(lang, c, n), eta);
        InlineKeyboardMarkup keyboard = "PAUSED".equals(c.state()) ? controls.paused(c.id(), lang)
                : controls.running(c.id(), lang);
        return new Shown(html, keyboard);
    }

    /** The counts line: edited and refused, or deleted, edited to the note and refused. */
    String counted(String lang, CorrectionRow c, CorrectionsRepo.Counts n) {
        return c.isRetraction()
                ? texts.get(lang, "admin.retract.counts", n.deleted(), n.edited(), n.refused())
                : texts.get(lang, "admin.correct.counts", n.edited(), n.refused());
    }

    private String report(CorrectionRow c, CorrectionsRepo.Counts n, String title, Instant now) {
        String lang = c.language();
        if (c.startedAt() == null) {
            return texts.get(lang, "admin.correction.draft.cancelled", title);
        }
        Instant end = c.finishedAt() == null ? now : c.finishedAt();
        String duration = time.duration(lang, Duration.between(c.startedAt(), end));
        String state = texts.get(lang, "CANCELLED".equals(c.state()) ? "admin.correction.report.cancelled"
                : "admin.correction.report.done", title);
        String queued = texts.get(lang, c.isRetraction() ? "admin.retract.report.queued"
                : "admin.correct.report.queued", c.queued());
        String notices = c.notice() == null ? "" : texts.get(lang, "admin.retract.report.notices", n.notices());
        return texts.get(lang, "admin.correction.report", state, counted(lang, c, n), n.total(), queued, notices,
                duration);
    }
}
