package newsbot.feed;

/**
 * What an article's own page gave.
 *
 * @param imageUrl the page's og:image (or twitter:image) as an absolute http(s) URL, or null
 * @param body     its main text, cleaned; empty when none was found
 */
public record ArticlePage(String imageUrl, ArticleBody body) {

    public ArticlePage {
        body = body == null ? ArticleBody.EMPTY : body;
    }

    public boolean isEmpty() {
        return imageUrl == null && body.isEmpty();
    }
}
