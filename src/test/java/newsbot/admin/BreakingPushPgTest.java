package newsbot.admin;

import newsbot.testing.OnPostgres;

/** {@link BreakingPushTest} on PostgreSQL. */
@OnPostgres
class BreakingPushPgTest extends BreakingPushTest {
}
