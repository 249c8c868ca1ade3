package newsbot.chat;

import newsbot.testing.OnPostgres;

/** {@link UpdateConsumerTest} on PostgreSQL. */
@OnPostgres
class UpdateConsumerPgTest extends UpdateConsumerTest {
}
