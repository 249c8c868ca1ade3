package newsbot.store;

import newsbot.testing.OnPostgres;

/** {@link SubscribersDigestTest} on PostgreSQL. */
@OnPostgres
class SubscribersDigestPgTest extends SubscribersDigestTest {
}
