package newsbot.app;

import java.util.Optional;
import newsbot.chat.ArticleSource;
import newsbot.feed.ArticleBody;
import newsbot.feed.ArticleBodyCodec;
import newsbot.ingest.ArticlePages;
import newsbot.messages.ArticleComposer;
import newsbot.store.ArticleText;
import newsbot.store.Articles;
import newsbot.store.Database;
import newsbot.store.PushArticle;

/** {@code chat}'s articles to read in Telegram, from the articles table and {@link ArticlePages}. */
final class PageArticles implements ArticleSource {

    private final Database db;
    private final ArticlePages pages;
    private final Articles articles = new Articles();
    private final ArticleBodyCodec bodies = new ArticleBodyCodec();

    PageArticles(Database db, ArticlePages pages) {
        this.db = db;
        this.pages = pages;
    }

    @Override
    public Optional<ArticleComposer.Article> article(long articleId) throws InterruptedException {
        Optional<PushArticle> found = db.withHandle(h -> articles.findForPush(h, articleId));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PushArticle a = found.get();
        Optional<ArticleText> text = pages.textFor(articleId);
        ArticleBody body = text.map(t -> bodies.decode(t.body())).orElse(ArticleBody.EMPTY);
        String image = text.flatMap(ArticleText::image).orElse(null);
        String source = db.withHandle(h -> articles.findLink(h, articleId)).map(l -> l.feedId()).orElse("");
        return Optional.of(new ArticleComposer.Article(a.title(), a.summary(), a.url(), source, a.publishedAt(),
                image, body));
    }
}
