package newsbot.ingest;

import newsbot.testing.OnPostgres;

/** {@link PruningTest} on PostgreSQL. */
@OnPostgres
class PruningPgTest extends PruningTest {
}
