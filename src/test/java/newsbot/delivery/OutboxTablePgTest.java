package newsbot.delivery;

import newsbot.testing.OnPostgres;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** {@link DeliveriesTest} on PostgreSQL. */
@OnPostgres
class OutboxTablePgTest extends OutboxTableTest {

    @Override
    @Test
    @Disabled("reads SQLite's EXPLAIN QUERY PLAN; PostgreSQL has the same partial index")
    void dueQueryUsesThePartialIndex() {
    }

    @Override
    @Test
    @Disabled("reads SQLite's EXPLAIN QUERY PLAN; PostgreSQL has the same partial index")
    void pruningFinishedRowsSearchesAnIndexNotTheWholeTable() {
    }
}
