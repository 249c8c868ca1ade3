package newsbot.digest;

import newsbot.testing.OnPostgres;

/** {@link DigestSchedulerTest} on PostgreSQL. */
@OnPostgres
class DigestSchedulerPgTest extends DigestSchedulerTest {
}
