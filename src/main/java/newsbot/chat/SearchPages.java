package newsbot.chat;

import newsbot.messages.CategoryNames;
import newsbot.messages.Texts;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import newsbot.messages.DigestComposer;
import newsbot.messages.DigestItem;
import newsbot.store.Database;
import newsbot.store.FtsQuery;
import newsbot.store.Searches;
import newsbot.html.Html;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Pages of search results, {@link #PAGE} at a time, shared by {@code /search} and its "more" button. Button data
 * is {@code srch:<search id>:<page>}: the query itself may not fit in 64 bytes, so it is kept in {@code searches},
 * written only when there is a next page.
 */
final class SearchPages {

    private static final Logger LOG = LoggerFactory.getLogger(SearchPages.class);
    public static final String PREFIX = "srch:";
    static final int PAGE = 10;
    /** Ten pages are a hundred articles: past that, better words help more than paging. */
    static final int MAX_PAGES = 10;

    private final Database db;
    private final News news;
    private final CategoryNames names;
    private final DigestComposer composer;
    private final Texts texts;
    private final Clock clock;
    private final Searches searches = new Searches();

    public SearchPages(Database db, News news, CategoryNames names, DigestComposer composer, Texts texts, Clock clock) {
        this.db = db;
        this.news = news;
        this.names = names;
        this.composer = composer;
        this.texts = texts;
        this.clock = clock;
    }

    /** What a page turned out to be; the caller says it in the reader's language. */
    sealed interface Result {
        /** The page's message and, when there is a next page, its button. */
        record Page(String html, InlineKeyboardMarkup more) implements Result { }
        /** The query holds no word. */
        record NoWords() implements Result { }
        /** Nothing (more) matches. */
        record NoneFound() implements Result { }
        /** SQLite refused the expression. */
        record Failed() implements Result { }
    }

    /** Page {@code page} (0 first) of {@code query} for the reader; {@code searchId} is 0 until a first "more". */
    Result page(long chatId, String language, java.time.ZoneId zone, String query, long searchId, int page) {
        Optional<String> match = FtsQuery.of(query);
        if (match.isEmpty()) {
            return new Result.NoWords();
        }
        List<DigestItem> found;
        try {
            // One more than a page: whether a next page exists, without counting every match.
            found = news.search(match.get(), clock.instant(), PAGE + 1, page * PAGE);
        } catch (JdbiException e) {
            // The sanitiser should make this impossible; if FTS5 still refuses, the reader hears so, not SQL.
            LOG.warn("search in chat {} failed for expression {}: {}", chatId, match.get(), e.getMessage());
            return new Result.Failed();
        }
        if (found.isEmpty()) {
            return new Result.NoneFound();
        }
        boolean more = found.size() > PAGE && page + 1 < MAX_PAGES;
        List<DigestItem> shown = found.subList(0, Math.min(PAGE, found.size()));
        String echo = Html.echo(query);
        String heading = page == 0 ? texts.get(language, "search.heading", echo)
                : texts.get(language, "search.heading.page", echo, page + 1);
        String html = composer.composeList(shown, heading, names.headings(language), zone, page * PAGE + 1);
        InlineKeyboardMarkup button = null;
        if (more) {
            long id = searchId != 0 ? searchId : db.inTransaction(h -> searches.add(h, chatId, query, clock.instant()));
            button = Keyboards.of(List.of(new InlineKeyboardRow(
                    Keyboards.button(texts.get(language, "search.more"), PREFIX + id + ":" + (page + 1)))));
        }
        return new Result.Page(html, button);
    }

    /** The query behind a "more" button, if the search is still kept for this chat. */
    Optional<String> query(long chatId, long searchId) {
        return db.withHandle(h -> searches.find(h, chatId, searchId));
    }

    /** The escaped query for "nothing found" texts. */
    static String echo(String query) {
        return Html.escape(Html.echo(query));
    }
}
