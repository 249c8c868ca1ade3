package newsbot.store;

import newsbot.testing.OnPostgres;

/** {@link TipsTest} on PostgreSQL. */
@OnPostgres
class TipsPgTest extends TipsTest {
}
