package newsbot.store;

import newsbot.testing.OnPostgres;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** {@link StemmedSearchTest} on PostgreSQL: the same queries find the same articles. */
@OnPostgres
class StemmedSearchPgTest extends StemmedSearchTest {

    @Override
    @Test
    @Disabled("reindexing an old SQLite FTS5 index is SQLite's own migration")
    void theMigrationReindexesADatabaseIndexedAsWritten() {
    }
}
