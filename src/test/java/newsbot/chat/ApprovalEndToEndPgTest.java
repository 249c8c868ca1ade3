package newsbot.chat;

import newsbot.testing.OnPostgres;

/** {@link ApprovalEndToEndTest} on PostgreSQL, the database a pair shares: a waiting campaign is a row there. */
@OnPostgres
class ApprovalEndToEndPgTest extends ApprovalEndToEndTest {

}
