package newsbot.delivery;

import newsbot.testing.OnPostgres;

/** {@link OutboxTest} on PostgreSQL. */
@OnPostgres
class OutboxPgTest extends OutboxTest {
}
