package newsbot.chat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import newsbot.html.Html;
import newsbot.messages.BreakingAlert;
import newsbot.messages.DigestItem;
import newsbot.messages.Texts;
import newsbot.store.FtsQuery;
import newsbot.telegram.InlineArticle;

/**
 * Inline mode ({@code @bot words} in any chat): the same ranked, morphology-aware search as {@code /search}, or
 * the latest headlines for an empty query, each an article card with links to the site and to the bot.
 */
final class InlineSearch {

    /** Telegram shows up to 50; a screenful and a little more is what a user scrolls through while typing. */
    static final int RESULTS = 20;
    /** Telegram may repeat an answer to the same query for this long: headlines change by the minute. */
    public static final int CACHE_SECONDS = 30;
    /** The line under a result's title. */
    private static final int DESCRIPTION = 120;
    private static final int TITLE = 200;
    /** The start payload naming an article: {@code a<id>}. */
    public static final String ARTICLE_PAYLOAD = "a";

    private final News news;
    private final BreakingAlert cards;
    private final Texts texts;
    private final Supplier<String> botUsername;
    private final Clock clock;

    public InlineSearch(News news, BreakingAlert cards, Texts texts, Supplier<String> botUsername, Clock clock) {
        this.news = news;
        this.cards = cards;
        this.texts = texts;
        this.botUsername = botUsername;
        this.clock = clock;
    }

    /** The results for what the user typed, in their language; none when nothing matches. */
    public List<InlineArticle> answer(String query, String language) {
        List<DigestItem> items = query.isBlank() ? news.latest(null, RESULTS)
                : FtsQuery.of(query).map(match -> news.search(match, clock.instant(), RESULTS)).orElse(List.of());
        String bot = botUsername.get();
        List<InlineArticle> results = new ArrayList<>(items.size());
        for (DigestItem item : items) {
            String title = Html.cut(Html.plain(item.title()), TITLE);
            String summary = Html.plain(item.summary()).replaceAll("\\s+", " ").strip();
            String category = cards.categoryName(item, language);
            String line = Html.cut(category.isEmpty() || summary.isEmpty() ? category + summary
                    : category + " · " + summary, DESCRIPTION);
            results.add(new InlineArticle(ARTICLE_PAYLOAD + item.articleId(), title.isEmpty() ? "—" : title, line,
                    cards.card(item, language), Html.isWebUrl(item.url()) ? item.url() : "",
                    texts.get(language, "inline.button.site"),
                    bot.isEmpty() ? "" : "https://t.me/" + bot + "?start=" + ARTICLE_PAYLOAD + item.articleId(),
                    texts.get(language, "inline.button.bot")));
        }
        return results;
    }
}
