package newsbot.admin;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import newsbot.store.BroadcastCounts;
import newsbot.store.BroadcastRow;
import newsbot.store.BroadcastOutbox;
import newsbot.store.BroadcastsRepo;
import newsbot.store.Database;
import newsbot.html.Html;

/** The text of {@code /broadcasts}: the latest broadcasts, newest first, with state and counts. */
final class BroadcastList {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM HH:mm");

    private final Database db;
    private final BroadcastsRepo repo;
    private final BroadcastOutbox rows;
    private final AdminTexts texts;
    private final ZoneId zone;
    private final BroadcastControls controls;
    private final DraftView drafts;

    BroadcastList(Database db, BroadcastsRepo repo, BroadcastOutbox rows, AdminTexts texts,
                  BroadcastControls controls, DraftView drafts, ZoneId zone) {
        this.controls = controls;
        this.drafts = drafts;
        this.db = db;
        this.repo = repo;
        this.rows = rows;
        this.texts = texts;
        this.zone = zone;
    }

    /** The scheduled broadcasts, soonest first, each with a Cancel button; then the latest {@code limit}. */
    ProgressView.Shown render(String language, int limit) {
        record Line(BroadcastRow row, BroadcastCounts counts) {
        }
        List<BroadcastRow> scheduled = db.withHandle(repo::scheduled);
        List<Line> lines = db.withHandle(h -> repo.recent(h, limit).stream()
                .filter(b -> !b.isScheduledDraft())
                .map(b -> new Line(b, rows.counts(h, b.id()))).toList());
        if (lines.isEmpty() && scheduled.isEmpty()) {
            return new ProgressView.Shown(texts.get(language, "admin.broadcasts.none"), null);
        }
        StringBuilder out = new StringBuilder();
        if (!scheduled.isEmpty()) {
            out.append(texts.get(language, "admin.broadcasts.scheduled"));
            for (BroadcastRow b : scheduled) {
                out.append('\n').append(texts.get(language, "admin.broadcasts.scheduled.line", b.id(),
                        drafts.when(b.scheduledAt(), drafts.zone(b)), Html.escape(drafts.zone(b).getId()),
                        Html.escape(b.audience()), b.total(), describe(b, language)));
            }
            out.append("\n\n");
        }
        out.append(texts.get(language, "admin.broadcasts.title"));
        for (Line l : lines) {
            BroadcastRow b = l.row();
            BroadcastCounts c = l.counts();
            out.append('\n').append(texts.get(language, "admin.broadcasts.line", b.id(),
                    texts.get(language, "admin.state." + b.state()), Html.escape(b.audience()),
                    WHEN.format(b.createdAt().atZone(zone)), c.sent(), Math.max(b.total(), c.enqueued()), c.failed(),
                    c.blocked(), describe(b, language)));
        }
        return new ProgressView.Shown(out.toString(), scheduled.isEmpty() ? null
                : controls.cancelEach(scheduled.stream().map(BroadcastRow::id).toList(), language));
    }

    /** What the broadcast is, so admins recognise it: the start of its text, or its kind and caption. */
    private String describe(BroadcastRow b, String language) {
        String start = preview(Html.toPlainText(b.text()));
        if (!b.isCopy()) {
            return start;
        }
        String kind = texts.get(language, "admin.content." + b.content());
        return start.isEmpty() ? kind : kind + " · " + start;
    }

    /** The start of the text, so admins recognise which broadcast a line is about. */
    private static String preview(String plain) {
        return Html.escape(Html.oneLine(plain, 40));
    }
}
