package newsbot.digest;

import newsbot.testing.OnPostgres;

/** {@link FirstDigestTest} on PostgreSQL. */
@OnPostgres
class FirstDigestPgTest extends FirstDigestTest {
}
