package newsbot.delivery;

import newsbot.testing.OnPostgres;

/** {@link DeliveryRetentionTest} on PostgreSQL. */
@OnPostgres
class DeliveryRetentionPgTest extends DeliveryRetentionTest {
}
