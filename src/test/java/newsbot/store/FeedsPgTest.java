package newsbot.store;

import newsbot.testing.OnPostgres;

/** {@link FeedsTest} on PostgreSQL. */
@OnPostgres
class FeedsPgTest extends FeedsTest {
}
