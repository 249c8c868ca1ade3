package newsbot.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import newsbot.html.Html;
import newsbot.store.BroadcastContent;
import newsbot.store.BroadcastRow;
import newsbot.store.BroadcastsRepo;
import newsbot.delivery.CampaignOutbox;
import newsbot.store.CampaignState;
import newsbot.store.CorrectionRow;
import newsbot.store.CorrectionsRepo;
import newsbot.store.Database;

/**
 * What editors see of past and coming campaigns: {@code /broadcasts} (the scheduled broadcasts with a Cancel
 * button each, the latest broadcasts, then the latest corrections and retractions) and the corrections' line of
 * {@code /stats}.
 */
final class CampaignHistory {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM HH:mm");
    private static final int CORRECTIONS_LISTED = 5;

    private final Database db;
    private final BroadcastsRepo broadcasts;
    private final CorrectionsRepo corrections;
    private final CampaignOutbox rows;
    private final AdminTexts texts;
    private final CampaignButtons buttons;
    private final DraftView drafts;
    private final ProgressView view;
    private final ZoneId zone;

    CampaignHistory(Database db, BroadcastsRepo broadcasts, CorrectionsRepo corrections, CampaignOutbox rows,
                    AdminTexts texts, CampaignButtons buttons, DraftView drafts, ProgressView view, ZoneId zone) {
        this.db = db;
        this.broadcasts = broadcasts;
        this.corrections = corrections;
        this.rows = rows;
        this.texts = texts;
        this.buttons = buttons;
        this.drafts = drafts;
        this.view = view;
        this.zone = zone;
    }

    private record Sent(BroadcastRow row, CampaignOutbox.SendCounts counts) {
    }

    private record Amended(CorrectionRow row, CampaignOutbox.EditCounts counts) {
    }

    /**
     * The scheduled broadcasts, soonest first, each with a Cancel button; then the latest {@code limit}; then the
     * latest corrections and retractions.
     */
    ProgressView.Shown render(String language, int limit) {
        List<BroadcastRow> scheduled = db.withHandle(broadcasts::scheduled);
        List<Sent> lines = db.withHandle(h -> broadcasts.recent(h, limit).stream()
                .filter(b -> b.state() != CampaignState.SCHEDULED)
                .map(b -> new Sent(b, rows.sendCounts(h, b.id()))).toList());
        String amended = corrections(language);
        if (lines.isEmpty() && scheduled.isEmpty()) {
            return new ProgressView.Shown(texts.get(language, "admin.broadcasts.none") + amended, null);
        }
        StringBuilder out = new StringBuilder();
        if (!scheduled.isEmpty()) {
            out.append(texts.get(language, "admin.broadcasts.scheduled"));
            for (BroadcastRow b : scheduled) {
                out.append('\n').append(texts.get(language, "admin.broadcasts.scheduled.line", b.id(),
                        drafts.when(b.schedule().at(), drafts.zone(b)), Html.escape(drafts.zone(b).getId()),
                        Html.escape(b.audience()), b.total(), describe(b, language)));
            }
            out.append("\n\n");
        }
        out.append(texts.get(language, "admin.broadcasts.title"));
        for (Sent l : lines) {
            BroadcastRow b = l.row();
            CampaignOutbox.SendCounts c = l.counts();
            out.append('\n').append(texts.get(language, "admin.broadcasts.line", b.id(),
                    texts.get(language, "admin.state." + b.state().name()), Html.escape(b.audience()),
                    WHEN.format(b.campaign().times().created().atZone(zone)), c.sent(),
                    Math.max(b.total(), c.enqueued()), c.failed(), c.blocked(), describe(b, language)));
        }
        out.append(amended);
        return new ProgressView.Shown(out.toString(), scheduled.isEmpty() ? null
                : buttons.cancelEach(scheduled.stream().map(BroadcastRow::id).toList(), language));
    }

    /** The latest confirmed corrections and retractions, newest first, or "" when there are none. */
    private String corrections(String lang) {
        List<Amended> lines = db.withHandle(h -> corrections.recent(h, CORRECTIONS_LISTED).stream()
                .map(c -> new Amended(c, rows.editCounts(h, c.id()))).toList());
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(texts.get(lang, "admin.corrections.title"));
        for (Amended l : lines) {
            CorrectionRow c = l.row();
            out.append('\n').append(texts.get(lang, "admin.corrections.line", view.name(c.campaign()),
                    view.target(lang, c.target()), texts.get(lang, "admin.correction.state." + c.state().name()),
                    view.counted(c, l.counts()), l.counts().total()));
        }
        return out.toString();
    }

    /** Counts of the corrections and retractions confirmed since {@code since}, one line for {@code /stats}. */
    String correctionStats(String lang, Instant since) {
        int corrected = 0;
        int retracted = 0;
        int edited = 0;
        int deleted = 0;
        int refused = 0;
        List<Amended> lines = db.withHandle(h -> corrections.startedSince(h, since).stream()
                .map(c -> new Amended(c, rows.editCounts(h, c.id()))).toList());
        for (Amended l : lines) {
            if (l.row().isRetraction()) {
                retracted++;
            } else {
                corrected++;
            }
            edited += l.counts().edited();
            deleted += l.counts().deleted();
            refused += l.counts().refused();
        }
        return texts.get(lang, "admin.stats.corrections", corrected, retracted, edited, deleted, refused);
    }

    /** What the broadcast is, so admins recognise it: the start of its text, or its kind and caption. */
    private String describe(BroadcastRow b, String language) {
        String start = Html.escape(Html.oneLine(Html.toPlainText(b.content().html()), 40));
        if (!(b.content() instanceof BroadcastContent.Copy)) {
            return start;
        }
        String kind = texts.get(language, "admin.content." + b.content().type());
        return start.isEmpty() ? kind : kind + " · " + start;
    }
}
