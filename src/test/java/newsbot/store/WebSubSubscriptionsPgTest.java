package newsbot.store;

import newsbot.testing.OnPostgres;

/** {@link WebSubSubscriptionsTest} on PostgreSQL. */
@OnPostgres
class WebSubSubscriptionsPgTest extends WebSubSubscriptionsTest {
}
