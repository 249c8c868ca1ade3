package newsbot.store;

import newsbot.testing.OnPostgres;

/** {@link AuditTrailTest} on PostgreSQL. */
@OnPostgres
class AuditTrailPgTest extends AuditTrailTest {
}
