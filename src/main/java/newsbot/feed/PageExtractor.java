package newsbot.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Selector;

/**
 * The lead image and main text of an article page, for feeds that carry only a summary. The main text is
 * Readability4J's (Mozilla Readability's port), which on news pages keeps the article's paragraphs, subheadings,
 * pictures and quotes and drops menus, share buttons, comments and "most read" lists better than plain jsoup
 * rules do ({@code PageExtractorTest} compares the two); a feed's {@code article-selector} overrides it for sites
 * it gets wrong. Either way the result goes through {@link FullTextCleaner}: nothing of the page passes as markup.
 */
public final class PageExtractor {

    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)");

    private final FullTextCleaner cleaner = new FullTextCleaner();

    /**
     * Extracts from a fetched page.
     *
     * @param contentType the HTTP Content-Type, whose charset wins over the page's own meta; may be null
     * @param url         the page's URL after redirects, the base for relative links
     * @param selector    a CSS selector for the article's text on this site, or empty for Readability
     */
    public ArticlePage extract(byte[] body, String contentType, String url, Optional<String> selector) {
        Document document;
        try {
            document = Jsoup.parse(new ByteArrayInputStream(body), charset(contentType), url);
        } catch (IOException e) {
            return new ArticlePage(null, ArticleBody.EMPTY);
        }
        String image = metaImage(document, url);
        ArticleBody text = mainText(document, url, selector);
        return new ArticlePage(image, withoutTitle(text, document));
    }

    private ArticleBody mainText(Document document, String url, Optional<String> selector) {
        if (selector.isPresent()) {
            try {
                Element chosen = document.selectFirst(selector.get());
                return chosen == null ? ArticleBody.EMPTY : cleaner.clean(chosen.outerHtml(), url);
            } catch (Selector.SelectorParseException e) {
                return ArticleBody.EMPTY; // the config loader checks selectors; this is the last line of defence
            }
        }
        try {
            Article article = new Readability4J(url, document.clone()).parse();
            String content = article.getContent();
            return content == null ? ArticleBody.EMPTY : cleaner.clean(content, url);
        } catch (RuntimeException | StackOverflowError e) {
            // Readability on a hostile or odd page is not worth more than the summary the reader has anyway.
            return ArticleBody.EMPTY;
        }
    }

    // Readability sometimes keeps the page's own <h1>; the composer shows the title already.
    private static ArticleBody withoutTitle(ArticleBody body, Document document) {
        if (body.isEmpty() || !(body.blocks().get(0) instanceof Block.Heading heading)) {
            return body;
        }
        String first = PlainText.normalize(Inline.plain(heading.text()));
        Element h1 = document.selectFirst("h1");
        String ogTitle = document.select("meta[property=og:title]").attr("content");
        if (first.equals(PlainText.normalize(ogTitle)) || h1 != null && first.equals(PlainText.normalize(h1.text()))) {
            List<Block> rest = body.blocks().subList(1, body.blocks().size());
            return new ArticleBody(rest);
        }
        return body;
    }

    private static String metaImage(Document document, String url) {
        for (String query : List.of("meta[property=og:image]", "meta[property=og:image:url]",
                "meta[name=twitter:image]")) {
            for (Element meta : document.select(query)) {
                Optional<String> resolved = WebUrls.resolve(meta.attr("content"), url).map(Object::toString);
                if (resolved.isPresent()) {
                    return resolved.get();
                }
            }
        }
        return null;
    }

    // Null lets jsoup read the page's meta charset (and fall back to UTF-8).
    private static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return null;
        }
        try {
            return Charset.forName(m.group(1).toLowerCase(Locale.ROOT)).name();
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }
}
