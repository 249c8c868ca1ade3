package newsbot.admin;

import newsbot.testing.OnPostgres;

/** {@link StatsTest} on PostgreSQL. */
@OnPostgres
class StatsPgTest extends StatsTest {
}
