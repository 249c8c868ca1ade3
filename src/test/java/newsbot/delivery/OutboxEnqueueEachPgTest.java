package newsbot.delivery;

import newsbot.testing.OnPostgres;

/** {@link OutboxEnqueueEachTest} on PostgreSQL. */
@OnPostgres
class OutboxEnqueueEachPgTest extends OutboxEnqueueEachTest {
}
