package newsbot.delivery;

import newsbot.testing.OnPostgres;

/** {@link DispatcherTest} on PostgreSQL. */
@OnPostgres
class DispatcherPgTest extends DispatcherTest {
}
