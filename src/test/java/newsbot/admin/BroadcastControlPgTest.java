package newsbot.admin;

import newsbot.testing.OnPostgres;

/** {@link BroadcastControlTest} on PostgreSQL. */
@OnPostgres
class BroadcastControlPgTest extends BroadcastControlTest {
}
