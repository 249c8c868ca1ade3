package newsbot.delivery;

import newsbot.store.Database;
import newsbot.telegram.SendOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTableTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private final OutboxTable deliveries = new OutboxTable();

    @BeforeEach
    void open() {
        db = newsbot.testing.TestDatabases.open(dir.resolve("d.db"));
    }

    /** A text row; the priority follows from the kind, as it must (the argument says which, for the reader). */
    private static NewRow row(long chat, String kind, int priority, long ref, Instant notBefore) {
        DeliveryKind k = DeliveryKind.valueOf(kind);
        assertThat(k.priority().level()).isEqualTo(priority);
        return new NewRow(chat, k, ref, 0, new Request.SendText("text " + chat + " " + ref), Manner.PLAIN, notBefore);
    }

    @Test
    void insertIsIdempotentOnTheUniqueKey() {
        NewRow d = row(1, "BREAKING", 1, 10, T0);
        assertThat(db.<Boolean>inTransaction(h -> deliveries.insertIfAbsent(h, d, T0))).isTrue();
        assertThat(db.<Boolean>inTransaction(h -> deliveries.insertIfAbsent(h, d, T0))).isFalse();
        List<NewRow> batch = List.of(d, row(2, "BREAKING", 1, 10, T0), row(3, "BREAKING", 1, 10, T0));
        assertThat(db.<Integer>inTransaction(h -> deliveries.insertAllIfAbsent(h, batch, T0))).isEqualTo(2);
        assertThat(db.<Integer>withHandle(deliveries::pendingCount)).isEqualTo(3);
    }

    @Test
    void dueRowsComeByPriorityThenNotBeforeThenId() {
        db.useTransaction(h -> {
            deliveries.insertIfAbsent(h, row(1, "BROADCAST", 3, 1, T0.minusSeconds(60)), T0);
            deliveries.insertIfAbsent(h, row(2, "DIGEST", 2, 1, T0.minusSeconds(5)), T0);
            deliveries.insertIfAbsent(h, row(3, "DIGEST", 2, 2, T0.minusSeconds(9)), T0);
            deliveries.insertIfAbsent(h, row(4, "BREAKING", 1, 1, T0), T0);
            deliveries.insertIfAbsent(h, row(5, "REPLY", 0, 1, T0.plusSeconds(1)), T0); // not due yet
            deliveries.insertIfAbsent(h, row(6, "DIGEST", 2, 3, T0.minusSeconds(9)), T0);
        });
        List<DueRow> due = db.withHandle(h -> deliveries.due(h, T0, 10));
        assertThat(due).extracting(DueRow::chatId).containsExactly(4L, 3L, 6L, 2L, 1L);
        assertThat(db.<List<DueRow>>withHandle(h -> deliveries.due(h, T0, 2))).extracting(DueRow::chatId).containsExactly(4L, 3L);
        assertThat(db.<Optional<Instant>>withHandle(h -> deliveries.nextNotBefore(h, T0))).contains(T0.plusSeconds(1));
        assertThat(db.<List<DueRow>>withHandle(h -> deliveries.due(h, T0.plusSeconds(1), 1)))
                .extracting(DueRow::chatId).containsExactly(5L);
    }

    @Test
    void dueQueryUsesThePartialIndex() {
        String plan = db.withHandle(h -> String.join("\n", h.createQuery("EXPLAIN QUERY PLAN SELECT id, chat_id, "
                        + "priority, not_before FROM deliveries WHERE state = 'PENDING' AND priority = 2 "
                        + "AND not_before <= 5 ORDER BY not_before, id")
                .map((rs, ctx) -> rs.getString("detail")).list()));
        assertThat(plan).contains("deliveries_due").doesNotContain("TEMP B-TREE");
    }

    @Test
    void stateChangesAndCounts() {
        List<NewRow> rows = new ArrayList<>();
        for (int chat = 1; chat <= 5; chat++) {
            rows.add(row(chat, "BROADCAST", 3, 7, T0));
        }
        db.useTransaction(h -> deliveries.insertAllIfAbsent(h, rows, T0));
        List<DueRow> due = db.withHandle(h -> deliveries.due(h, T0, 10));
        db.useTransaction(h -> {
            deliveries.markSent(h, due.get(0).id(), new SendOutcome.Sent.Message(555), false, new Request.SendText("text"), T0.plusSeconds(1));
            deliveries.reschedule(h, due.get(1).id(), T0.plusSeconds(30), "503", true);
            deliveries.reschedule(h, due.get(2).id(), T0.plusSeconds(3), "429", false);
            deliveries.fail(h, due.get(3).id(), "400 can't parse entities", true);
        });
        Delivery sent = db.withHandle(h -> deliveries.find(h, due.get(0).id())).orElseThrow();
        assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
        assertThat(sent.telegramMessageId()).isEqualTo(555L);
        assertThat(sent.sentAt()).isEqualTo(T0.plusSeconds(1));
        Delivery retried = db.withHandle(h -> deliveries.find(h, due.get(1).id())).orElseThrow();
        assertThat(retried.attempts()).isEqualTo(1);
        assertThat(retried.notBefore()).isEqualTo(T0.plusSeconds(30));
        assertThat(db.withHandle(h -> deliveries.find(h, due.get(2).id())).orElseThrow().attempts()).isZero();
        assertThat(db.<Map<DeliveryState, Integer>>withHandle(h -> deliveries.countsByRef(h, DeliveryKind.BROADCAST, 7)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(DeliveryState.SENT, 1, DeliveryState.PENDING, 3,
                        DeliveryState.FAILED, 1));
        assertThat(db.<Integer>withHandle(h -> deliveries.cancelPendingByRef(h, DeliveryKind.BROADCAST, 7,
                "cancelled by admin"))).isEqualTo(3);
        assertThat(db.<Integer>withHandle(h -> deliveries.pendingCount(h, DeliveryKind.BROADCAST, 7))).isZero();
        assertThat(db.<Map<DeliveryKind, Map<DeliveryState, Integer>>>withHandle(h -> deliveries.countsSince(h, T0)))
                .isEqualTo(Map.of(DeliveryKind.BROADCAST, Map.of(DeliveryState.SENT, 1, DeliveryState.FAILED, 1,
                        DeliveryState.CANCELLED, 3)));
        assertThat(db.<Integer>withHandle(h -> deliveries.deleteFinishedBefore(h, T0.plusSeconds(1), 1000))).isEqualTo(5);
    }

    @Test
    void movingAChatKeepsTheUniqueKeyAndCancelsDuplicates() {
        db.useTransaction(h -> {
            deliveries.insertIfAbsent(h, row(-100, "BREAKING", 1, 1, T0), T0);
            deliveries.insertIfAbsent(h, row(-100, "BREAKING", 1, 2, T0), T0);
            // the new supergroup id already has alert 2 (enqueued after the migration was known)
            deliveries.insertIfAbsent(h, row(-1009, "BREAKING", 1, 2, T0), T0);
        });
        int pending = db.inTransaction(h -> deliveries.moveChat(h, -100, -1009));
        assertThat(pending).isEqualTo(2);
        List<DueRow> due = db.withHandle(h -> deliveries.due(h, T0, 10));
        assertThat(due).extracting(DueRow::chatId).containsOnly(-1009L);
        assertThat(db.withHandle(h -> deliveries.countsSince(h, T0)).get(DeliveryKind.BREAKING))
                .containsEntry(DeliveryState.CANCELLED, 1).containsEntry(DeliveryState.PENDING, 2);
        // re-enqueueing alert 1 for the new id is a no-op: its row moved
        assertThat(db.<Boolean>inTransaction(h -> deliveries.insertIfAbsent(h, row(-1009, "BREAKING", 1, 1, T0), T0))).isFalse();
    }

    @Test
    void holdingAChatDelaysOnlyItsPendingRowsAndNeverBringsThemForward() {
        db.useTransaction(h -> {
            deliveries.insertIfAbsent(h, row(1, "DIGEST", 2, 1, T0), T0);
            deliveries.insertIfAbsent(h, row(1, "DIGEST", 2, 2, T0.plusSeconds(60)), T0);
            deliveries.insertIfAbsent(h, row(2, "DIGEST", 2, 1, T0), T0);
        });
        assertThat(db.<Integer>withHandle(h -> deliveries.holdChatUntil(h, 1, T0.plusSeconds(10)))).isEqualTo(2);
        assertThat(db.<List<DueRow>>withHandle(h -> deliveries.due(h, T0.plusSeconds(9), 10)))
                .extracting(DueRow::chatId).containsExactly(2L);
        assertThat(db.<List<DueRow>>withHandle(h -> deliveries.due(h, T0.plusSeconds(10), 10)))
                .extracting(DueRow::chatId).containsExactly(2L, 1L);
        assertThat(db.<Optional<Instant>>withHandle(h -> deliveries.nextNotBefore(h, T0.plusSeconds(10))))
                .contains(T0.plusSeconds(60));
    }

    @Test
    void cancellingAChatLeavesOthers() {
        db.useTransaction(h -> {
            deliveries.insertIfAbsent(h, row(1, "DIGEST", 2, 1, T0), T0);
            deliveries.insertIfAbsent(h, row(1, "BREAKING", 1, 1, T0), T0);
            deliveries.insertIfAbsent(h, row(2, "DIGEST", 2, 1, T0), T0);
        });
        assertThat(db.<Integer>withHandle(h -> deliveries.cancelPendingForChat(h, 1, "blocked"))).isEqualTo(2);
        assertThat(db.<List<DueRow>>withHandle(h -> deliveries.due(h, T0, 10))).extracting(DueRow::chatId).containsExactly(2L);
    }

    @Test
    void pruningFinishedRowsSearchesAnIndexNotTheWholeTable() {
        // the statement deleteFinishedBefore runs, as SQLite plans it: a range of the partial index on created_at
        List<String> plan = db.withHandle(h -> h.createQuery("EXPLAIN QUERY PLAN DELETE FROM deliveries WHERE id IN "
                        + "(SELECT id FROM deliveries WHERE state <> 'PENDING' AND created_at < :before LIMIT :limit)")
                .bind("before", 1L).bind("limit", 10)
                .map((rs, ctx) -> rs.getString("detail")).list());
        assertThat(plan).anySatisfy(step -> assertThat(step)
                .contains("USING INDEX deliveries_finished (created_at<?)"));
        assertThat(plan).noneSatisfy(step -> assertThat(step).isEqualTo("SCAN deliveries"));
    }
}
