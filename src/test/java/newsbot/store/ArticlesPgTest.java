package newsbot.store;

import newsbot.testing.OnPostgres;

/** {@link ArticlesTest} on PostgreSQL. */
@OnPostgres
class ArticlesPgTest extends ArticlesTest {
}
