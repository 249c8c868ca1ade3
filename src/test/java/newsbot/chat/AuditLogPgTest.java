package newsbot.chat;

import newsbot.testing.OnPostgres;

/** {@link AuditLogTest} on PostgreSQL: /log reads the rows a pair shares. */
@OnPostgres
class AuditLogPgTest extends AuditLogTest {
}
