package newsbot.admin;

import newsbot.config.BotConfig;
import newsbot.store.BroadcastOutbox;

import java.time.Duration;
import java.time.Instant;
import newsbot.store.BroadcastCounts;
import newsbot.store.BroadcastRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * The progress message of a broadcast in each state, ending as its report; a pure rendering of the counts. Public
 * for {@link #bar}, which corrections' progress shares.
 */
public final class ProgressView {

    private static final int BAR_CELLS = 10;

    /** What the progress message should show; {@code keyboard} is {@code null} once nothing can be done. */
    record Shown(String html, InlineKeyboardMarkup keyboard) {
    }

    private final AdminTexts texts;
    private final BroadcastControls controls;
    private final TimeTexts time;
    private final int ratePerSecond;
    private final BotConfig.Paid paid;
    /** A scheduled broadcast that starts later than this says so: the bot was down or busy at its time. */
    private static final Duration LATE = Duration.ofMinutes(1);

    ProgressView(AdminTexts texts, BroadcastControls controls, TimeTexts time, int ratePerSecond, BotConfig.Paid paid) {
        this.paid = paid;
        this.texts = texts;
        this.controls = controls;
        this.time = time;
        this.ratePerSecond = Math.max(1, ratePerSecond);
    }

    /**
     * What a broadcast did besides delivering: its pins ({@code null} when not pinned) and how many copies went out
     * as paid messages.
     */
    record Extras(BroadcastOutbox.PinCounts pins, int paidSent) {
        static final Extras NONE = new Extras(null, 0);
    }

    Shown render(BroadcastRow b, BroadcastCounts c, Instant now) {
        return render(b, c, Extras.NONE, now);
    }

    Shown render(BroadcastRow b, BroadcastCounts c, Extras extras, Instant now) {
        String lang = b.language();
        int total = Math.max(b.total(), c.enqueued());
        if (b.isFinished()) {
            return new Shown(report(b, c, total, now) + notes(b, extras), null);
        }
        int done = Math.min(total, c.finished());
        int percent = total == 0 ? 100 : (int) (100L * done / total);
        String status = texts.get(lang, "admin.state." + b.state());
        String eta = "PAUSED".equals(b.state()) ? texts.get(lang, "admin.progress.held")
                : texts.get(lang, "admin.progress.eta", time.duration(lang, b.paid()
                        ? DraftView.eta(total - done, paid.perSecond()) : eta(total - done)));
        String html = texts.get(lang, "admin.progress", b.id(), status, bar(percent), percent, c.sent(), total,
                c.failed(), c.blocked(), eta) + notes(b, extras);
        InlineKeyboardMarkup keyboard = "PAUSED".equals(b.state()) ? controls.paused(b.id(), lang)
                : controls.running(b.id(), lang);
        return new Shown(html, keyboard);
    }

    /** Lines on pins, paid sending and a late start, for the broadcasts that have them. */
    private String notes(BroadcastRow b, Extras extras) {
        String lang = b.language();
        StringBuilder out = new StringBuilder();
        if (extras.pins() != null) {
            out.append('\n').append(texts.get(lang, "admin.progress.pins", extras.pins().pinned(),
                    extras.pins().refused()));
        }
        if (b.paid()) {
            out.append('\n').append(texts.get(lang, "admin.progress.paid", extras.paidSent(),
                    paid.cost(extras.paidSent()).toPlainString()));
        }
        if (b.scheduledAt() != null && b.startedAt() != null
                && Duration.between(b.scheduledAt(), b.startedAt()).compareTo(LATE) > 0) {
            out.append('\n').append(texts.get(lang, "admin.progress.late",
                    time.duration(lang, Duration.between(b.scheduledAt(), b.startedAt()))));
        }
        return out.toString();
    }

    /** How long {@code remaining} messages take at the configured global rate. */
    Duration eta(long remaining) {
        return Duration.ofSeconds((Math.max(0, remaining) + ratePerSecond - 1) / ratePerSecond);
    }

    private String report(BroadcastRow b, BroadcastCounts c, int total, Instant now) {
        String lang = b.language();
        if (b.startedAt() == null) {
            return texts.get(lang, "admin.report.draft.cancelled", b.id());
        }
        Instant end = b.finishedAt() == null ? now : b.finishedAt();
        String duration = time.duration(lang, Duration.between(b.startedAt(), end));
        if ("CANCELLED".equals(b.state())) {
            int notSent = Math.max(0, total - c.sent() - c.failed() - c.blocked());
            return texts.get(lang, "admin.report.cancelled", b.id(), c.sent(), total, c.blocked(), c.failed(),
                    notSent, duration);
        }
        return texts.get(lang, "admin.report.done", b.id(), c.sent(), total, c.blocked(), c.failed(), duration);
    }

    /** A ten-cell bar for {@code percent}. */
    public static String bar(int percent) {
        int full = Math.min(BAR_CELLS, percent * BAR_CELLS / 100);
        return "▓".repeat(full) + "░".repeat(BAR_CELLS - full);
    }
}
