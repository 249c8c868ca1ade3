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

    BroadcastList(Database db, BroadcastsRepo repo, BroadcastOutbox rows, AdminTexts texts, ZoneId zone) {
        this.db = db;
        this.repo = repo;
        this.rows = rows;
        this.texts = texts;
        this.zone = zone;
    }

    String render(String language, int limit) {
        record Line(BroadcastRow row, BroadcastCounts counts) {
        }
        List<Line> lines = db.withHandle(h -> repo.recent(h, limit).stream()
                .map(b -> new Line(b, rows.counts(h, b.id()))).toList());
        if (lines.isEmpty()) {
            return texts.get(language, "admin.broadcasts.none");
        }
        StringBuilder out = new StringBuilder(texts.get(language, "admin.broadcasts.title"));
        for (Line l : lines) {
            BroadcastRow b = l.row();
            BroadcastCounts c = l.counts();
            out.append('\n').append(texts.get(language, "admin.broadcasts.line", b.id(),
                    texts.get(language, "admin.state." + b.state()), Html.escape(b.audience()),
                    WHEN.format(b.createdAt().atZone(zone)), c.sent(), Math.max(b.total(), c.enqueued()), c.failed(),
                    c.blocked(), preview(Html.toPlainText(b.text()))));
        }
        return out.toString();
    }

    /** The start of the text, so admins recognise which broadcast a line is about. */
    private static String preview(String plain) {
        return Html.escape(Html.oneLine(plain, 40));
    }
}
