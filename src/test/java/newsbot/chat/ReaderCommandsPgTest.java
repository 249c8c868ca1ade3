package newsbot.chat;

import newsbot.testing.OnPostgres;

/** {@link ReaderCommandsTest} on PostgreSQL. */
@OnPostgres
class ReaderCommandsPgTest extends ReaderCommandsTest {
}
