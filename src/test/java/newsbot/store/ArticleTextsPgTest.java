package newsbot.store;

import newsbot.testing.OnPostgres;

/** {@link ArticleTextsTest} on PostgreSQL. */
@OnPostgres
class ArticleTextsPgTest extends ArticleTextsTest {
}
