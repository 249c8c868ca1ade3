package newsbot.admin.corrections;

import java.time.Instant;
import java.util.List;
import newsbot.admin.AdminTexts;
import newsbot.store.CorrectionRow;
import newsbot.store.CorrectionsRepo;
import newsbot.store.Database;

/** What {@code /broadcasts} and {@code /stats} say about corrections and retractions. */
final class CorrectionHistory {

    private final Database db;
    private final CorrectionsRepo repo;
    private final CorrectionView view;
    private final AdminTexts texts;

    CorrectionHistory(Database db, CorrectionsRepo repo, CorrectionView view, AdminTexts texts) {
        this.db = db;
        this.repo = repo;
        this.view = view;
        this.texts = texts;
    }

    private record Line(CorrectionRow row, CorrectionsRepo.Counts counts) {
    }

    /** The latest confirmed ones, newest first, or "" when there are none. */
    String recent(String lang, int limit) {
        List<Line> lines = db.withHandle(h -> repo.recent(h, limit).stream()
                .map(c -> new Line(c, repo.counts(h, c.id()))).toList());
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(texts.get(lang, "admin.corrections.title"));
        for (Line l : lines) {
            CorrectionRow c = l.row();
            out.append('\n').append(texts.get(lang, "admin.corrections.line", view.name(lang, c),
                    view.target(lang, c.targetKind(), c.targetRef()), texts.get(lang, "admin.correction.state." + c.state()),
                    view.counted(lang, c, l.counts()), l.counts().total()));
        }
        return out.toString();
    }

    /** Counts of the ones confirmed since {@code since}, one line. */
    String since(String lang, Instant since) {
        int corrections = 0;
        int retractions = 0;
        int edited = 0;
        int deleted = 0;
        int refused = 0;
        List<Line> lines = db.withHandle(h -> repo.startedSince(h, since).stream()
                .map(c -> new Line(c, repo.counts(h, c.id()))).toList());
        for (Line l : lines) {
            if (l.row().isRetraction()) {
                retractions++;
            } else {
                corrections++;
            }
            edited += l.counts().edited();
            deleted += l.counts().deleted();
            refused += l.counts().refused();
        }
        return texts.get(lang, "admin.stats.corrections", corrections, retractions, edited, deleted, refused);
    }
}
