package newsbot.admin;

import java.time.Duration;
import java.time.Instant;
import newsbot.config.BotConfig;
import newsbot.store.BroadcastRow;
import newsbot.store.Campaign;
import newsbot.delivery.CampaignOutbox;
import newsbot.store.CampaignState;
import newsbot.store.CorrectionRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * A campaign's progress message in each state, ending as its report: a pure rendering of its row and counts. The
 * bar, the time left, the buttons and the duration are the same for every kind; the lines differ.
 */
final class ProgressView {

    private static final int BAR_CELLS = 10;
    /** A scheduled broadcast that starts later than this says so: the bot was down or busy at its time. */
    private static final Duration LATE = Duration.ofMinutes(1);

    /** What the progress message should show; {@code keyboard} is {@code null} once nothing can be done. */
    record Shown(String html, InlineKeyboardMarkup keyboard) {
    }

    /**
     * What a broadcast did besides delivering: its pins ({@code null} when not pinned) and how many copies went out
     * as paid messages.
     */
    record Extras(CampaignOutbox.PinCounts pins, int paidSent) {
        static final Extras NONE = new Extras(null, 0);
    }

    private final AdminTexts texts;
    private final CampaignButtons buttons;
    private final TimeTexts time;
    private final int ratePerSecond;
    private final BotConfig.Paid paid;

    ProgressView(AdminTexts texts, CampaignButtons buttons, TimeTexts time, int ratePerSecond, BotConfig.Paid paid) {
        this.paid = paid;
        this.texts = texts;
        this.buttons = buttons;
        this.time = time;
        this.ratePerSecond = Math.max(1, ratePerSecond);
    }

    Shown broadcast(BroadcastRow b, CampaignOutbox.SendCounts c, Extras extras, Instant now) {
        String lang = b.language();
        int total = Math.max(b.total(), c.enqueued());
        if (b.isFinished()) {
            return new Shown(report(b, c, total, now) + notes(b, extras), null);
        }
        int done = Math.min(total, c.finished());
        int percent = total == 0 ? 100 : (int) (100L * done / total);
        String status = texts.get(lang, "admin.state." + b.state().name());
        String html = texts.get(lang, "admin.progress", b.id(), status, bar(percent), percent, c.sent(), total,
                c.failed(), c.blocked(), eta(b.campaign(), b.options().paid()
                        ? DraftView.eta(total - done, paid.perSecond()) : eta(total - done))) + notes(b, extras);
        return new Shown(html, keyboard(b.campaign()));
    }

    Shown correction(CorrectionRow c, CampaignOutbox.EditCounts n, Instant now) {
        String lang = c.language();
        String title = texts.get(lang, "admin.correction.title", name(c.campaign()), target(lang, c.target()));
        if (c.isFinished()) {
            return new Shown(report(c, n, title, now), null);
        }
        int total = n.total();
        int done = n.finished();
        int percent = total == 0 ? (c.campaign().cursor().complete() ? 100 : 0) : (int) (100L * done / total);
        String status = texts.get(lang, "admin.correction.state." + c.state().name());
        String html = texts.get(lang, "admin.correction.progress", title, status, bar(percent), percent,
                done, total, counted(c, n), eta(c.campaign(), eta(total - done)));
        return new Shown(html, keyboard(c.campaign()));
    }

    /** "broadcast #3" or "the breaking alert of article 17", in the editor's language. */
    String target(String lang, CorrectionRow.Target t) {
        return texts.get(lang, "admin.correction.target." + t.kind().name(), t.ref());
    }

    /** "Correction #4" or "Withdrawal #4". */
    String name(Campaign c) {
        return texts.get(c.editor().language(), c.kind() == newsbot.store.CampaignKind.RETRACTION
                ? "admin.retract.name" : "admin.correct.name", c.id());
    }

    /** The counts line: edited and refused, or deleted, edited to the note and refused. */
    String counted(CorrectionRow c, CampaignOutbox.EditCounts n) {
        String lang = c.language();
        return c.isRetraction()
                ? texts.get(lang, "admin.retract.counts", n.deleted(), n.edited(), n.refused())
                : texts.get(lang, "admin.correct.counts", n.edited(), n.refused());
    }

    /** How long {@code remaining} messages take at the configured global rate. */
    Duration eta(long remaining) {
        return Duration.ofSeconds((Math.max(0, remaining) + ratePerSecond - 1) / ratePerSecond);
    }

    /** A ten-cell bar for {@code percent}. */
    static String bar(int percent) {
        int full = Math.min(BAR_CELLS, percent * BAR_CELLS / 100);
        return "▓".repeat(full) + "░".repeat(BAR_CELLS - full);
    }

    private String eta(Campaign c, Duration left) {
        String lang = c.editor().language();
        return c.state() == CampaignState.PAUSED ? texts.get(lang, "admin.progress.held")
                : texts.get(lang, "admin.progress.eta", time.duration(lang, left));
    }

    private InlineKeyboardMarkup keyboard(Campaign c) {
        return c.state() == CampaignState.PAUSED ? buttons.paused(c, c.editor().language())
                : buttons.running(c, c.editor().language());
    }

    /** How long it ran, from its start to its end (or now). */
    private String duration(Campaign c, Instant now) {
        Instant end = c.times().finished() == null ? now : c.times().finished();
        return time.duration(c.editor().language(), Duration.between(c.times().started(), end));
    }

    /** Lines on pins, paid sending and a late start, for the broadcasts that have them. */
    private String notes(BroadcastRow b, Extras extras) {
        String lang = b.language();
        StringBuilder out = new StringBuilder();
        if (extras.pins() != null) {
            out.append('\n').append(texts.get(lang, "admin.progress.pins", extras.pins().pinned(),
                    extras.pins().refused()));
        }
        if (b.options().paid()) {
            out.append('\n').append(texts.get(lang, "admin.progress.paid", extras.paidSent(),
                    paid.cost(extras.paidSent()).toPlainString()));
        }
        Instant started = b.campaign().times().started();
        if (b.schedule() != null && started != null
                && Duration.between(b.schedule().at(), started).compareTo(LATE) > 0) {
            out.append('\n').append(texts.get(lang, "admin.progress.late",
                    time.duration(lang, Duration.between(b.schedule().at(), started))));
        }
        return out.toString();
    }

    private String report(BroadcastRow b, CampaignOutbox.SendCounts c, int total, Instant now) {
        String lang = b.language();
        if (b.campaign().times().started() == null) {
            return texts.get(lang, "admin.report.draft.cancelled", b.id());
        }
        String duration = duration(b.campaign(), now);
        if (b.state() == CampaignState.CANCELLED) {
            int notSent = Math.max(0, total - c.sent() - c.failed() - c.blocked());
            return texts.get(lang, "admin.report.cancelled", b.id(), c.sent(), total, c.blocked(), c.failed(),
                    notSent, duration);
        }
        return texts.get(lang, "admin.report.done", b.id(), c.sent(), total, c.blocked(), c.failed(), duration);
    }

    private String report(CorrectionRow c, CampaignOutbox.EditCounts n, String title, Instant now) {
        String lang = c.language();
        if (c.campaign().times().started() == null) {
            return texts.get(lang, "admin.correction.draft.cancelled", title);
        }
        String state = texts.get(lang, c.state() == CampaignState.CANCELLED ? "admin.correction.report.cancelled"
                : "admin.correction.report.done", title);
        String queued = texts.get(lang, c.isRetraction() ? "admin.retract.report.queued"
                : "admin.correct.report.queued", c.queued());
        String notices = c.hasNotice() ? texts.get(lang, "admin.retract.report.notices", n.notices()) : "";
        return texts.get(lang, "admin.correction.report", state, counted(c, n), n.total(), queued, notices,
                duration(c.campaign(), now));
    }
}
