package newsbot.delivery;

import newsbot.testing.OnPostgres;

/** {@link EndToEndTest} on PostgreSQL. */
@OnPostgres
class EndToEndPgTest extends EndToEndTest {
}
