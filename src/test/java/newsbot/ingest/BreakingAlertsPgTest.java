package newsbot.ingest;

import newsbot.testing.OnPostgres;

/** {@link BreakingAlertsTest} on PostgreSQL. */
@OnPostgres
class BreakingAlertsPgTest extends BreakingAlertsTest {
}
