package newsbot.ingest;

import newsbot.testing.OnPostgres;

/** {@link FeedPollerTest} on PostgreSQL. */
@OnPostgres
class FeedPollerPgTest extends FeedPollerTest {
}
