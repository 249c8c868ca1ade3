package newsbot.admin;

import newsbot.testing.OnPostgres;

/** {@link BroadcastsTest} on PostgreSQL. */
@OnPostgres
class BroadcastsPgTest extends BroadcastsTest {
}
