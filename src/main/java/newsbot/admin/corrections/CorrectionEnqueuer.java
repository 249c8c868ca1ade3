package newsbot.admin.corrections;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import newsbot.admin.AdminTexts;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.Manner;
import newsbot.delivery.NewRow;
import newsbot.delivery.Request;
import newsbot.delivery.Outbox;
import newsbot.store.CorrectionRow;
import newsbot.store.CorrectionsRepo;
import newsbot.store.Database;

/**
 * Gives a running correction's delivered copies their CORRECTION rows, one batch per short transaction in row
 * order, remembering the last row done in the same transaction (a restart goes on after it, and the outbox's
 * unique key makes a repeated batch harmless). A sweep over the whole target then finds copies that were on the
 * wire with the old text when the correction started and were recorded as sent only afterwards.
 */
final class CorrectionEnqueuer {

    static final int DEFAULT_BATCH = 1000;
    /**
     * Telegram lets a bot delete its messages for 48 hours; a copy sent more than 47 hours ago is edited to the
     * withdrawn note from the start (the hour covers the time the delete waits in the queue). If Telegram still
     * refuses a delete, the sender turns that row into the same edit.
     */
    static final Duration DELETABLE_FOR = Duration.ofHours(47);
    /**
     * Rows go ahead of every queued broadcast row (the dispatcher sends a priority's rows by not_before): a
     * correction is about what readers already have.
     */
    static final Instant FRONT = Instant.EPOCH;

    private final Database db;
    private final CorrectionsRepo repo;
    private final Outbox outbox;
    private final AdminTexts texts;
    private final Clock clock;
    private final String defaultLanguage;
    private final int batchSize;

    CorrectionEnqueuer(Database db, CorrectionsRepo repo, Outbox outbox, AdminTexts texts, Clock clock,
                       String defaultLanguage, int batchSize) {
        this.db = db;
        this.repo = repo;
        this.outbox = outbox;
        this.texts = texts;
        this.clock = clock;
        this.defaultLanguage = defaultLanguage;
        this.batchSize = batchSize;
    }

    /** The first pass: the next batch after the last one, if still running; true when more copies remain. */
    boolean nextBatch(long id) {
        return db.inTransaction(h -> {
            CorrectionRow c = repo.find(h, id).orElse(null);
            // re-read inside the write transaction: a pause or cancel that committed first wins
            if (c == null || !"RUNNING".equals(c.state()) || c.enqueuedAll()) {
                return false;
            }
            long after = c.enqueuedUpto() == null ? 0 : c.enqueuedUpto();
            List<CorrectionsRepo.SentCopy> copies = repo.copiesWithoutRows(h, c, after, defaultLanguage, batchSize);
            outbox.enqueueRows(h, rows(c, copies));
            boolean complete = copies.size() < batchSize;
            repo.advance(h, id, copies.isEmpty() ? null : copies.get(copies.size() - 1).deliveryId(), complete);
            return !complete;
        });
    }

    /** After the first pass: copies recorded as sent since, with the old text; returns how many got rows. */
    int sweep(long id) {
        return db.inTransaction(h -> {
            CorrectionRow c = repo.find(h, id).orElse(null);
            if (c == null || !"RUNNING".equals(c.state()) || !c.enqueuedAll()) {
                return 0;
            }
            List<CorrectionsRepo.SentCopy> copies = repo.copiesWithoutRows(h, c, 0, defaultLanguage, batchSize);
            outbox.enqueueRows(h, rows(c, copies));
            return copies.size();
        });
    }

    private List<NewRow> rows(CorrectionRow c, List<CorrectionsRepo.SentCopy> copies) {
        Instant now = clock.instant();
        List<NewRow> rows = new ArrayList<>(copies.size() * 2);
        DeliveryKind kind = DeliveryKind.CORRECTION;
        Request.EditOf edit = c.isText() ? Request.EditOf.TEXT : Request.EditOf.CAPTION;
        Manner quiet = Manner.PLAIN.with(Manner.Sound.SILENT);
        for (CorrectionsRepo.SentCopy copy : copies) {
            int part = copy.part() * CorrectionsRepo.PARTS_PER_COPY;
            long first = copy.messageIds().get(0);
            if (!c.isRetraction()) {
                // the copy's keyboard goes with the edit: an edit without reply_markup removes the buttons
                Request request = edit == Request.EditOf.TEXT ? new Request.EditText(first, c.text())
                        : new Request.EditCaption(first, c.text());
                rows.add(new NewRow(copy.chatId(), kind, c.id(), part, request, quiet.withKeyboard(copy.replyMarkup()),
                        FRONT));
                continue;
            }
            String note = texts.get(copy.language(), "correction.withdrawn");
            boolean poll = "poll".equals(c.content());
            boolean tooOld = copy.sentAt().isBefore(now.minus(DELETABLE_FOR)) && !poll;
            for (int i = 0; i < copy.messageIds().size(); i++) {
                long message = copy.messageIds().get(i);
                // the note goes on the first message only: deleted, or, once too old to delete, edited to the note
                Request request = i > 0 || poll ? new Request.Delete(message)
                        : tooOld ? new Request.DeleteOrEdit(message, edit, note).fallback()
                        : new Request.DeleteOrEdit(message, edit, note);
                rows.add(new NewRow(copy.chatId(), kind, c.id(), part + i, request, quiet, FRONT));
            }
            if (c.notice() != null && copy.part() == 0) {
                rows.add(new NewRow(copy.chatId(), kind, c.id(), CorrectionsRepo.NOTICE_PART,
                        new Request.SendText(c.notice()), Manner.PLAIN, FRONT));
            }
        }
        return rows;
    }
}
