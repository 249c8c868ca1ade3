package newsbot.chat;

import newsbot.testing.OnPostgres;

/** {@link TipsEndToEndTest} on PostgreSQL. */
@OnPostgres
class TipsEndToEndPgTest extends TipsEndToEndTest {
}
