package newsbot.chat;

import newsbot.messages.BreakingAlert;
import newsbot.messages.CategoryNames;

import java.util.Optional;
import newsbot.config.Category;
import newsbot.messages.DigestItem;
import newsbot.store.SubscriberStatus;
import newsbot.html.Html;

/**
 * /start [slug | a&lt;article id&gt;]: registers the reader (or brings a stopped one back) and shows the category
 * keyboard. A deep link {@code t.me/<bot>?start=<slug>} from the site subscribes at once; one naming an article
 * (from an inline card's "read in the bot") subscribes a newcomer to the article's category and sends the article
 * after the welcome.
 */
final class StartCommand implements CommandHandler {

    private final Readers readers;
    private final CategoryNames names;
    private final Keyboards keyboards;
    private final News news;
    private final BreakingAlert cards;

    private final ReadArticle reading;

    StartCommand(Readers readers, CategoryNames names, Keyboards keyboards, News news, BreakingAlert cards,
                 ReadArticle reading) {
        this.reading = reading;
        this.readers = readers;
        this.names = names;
        this.keyboards = keyboards;
        this.news = news;
        this.cards = cards;
    }

    @Override
    public void handle(Conversation c) {
        long chatId = c.chatId();
        // t.me/<bot>?start=r<id> from a digest (or a forwarded copy of it): the article, and nothing else
        if (reading.fromStart(c)) {
            return;
        }
        boolean returning = c.reader().status() != SubscriberStatus.ACTIVE;
        if (returning) {
            readers.setStatus(chatId, SubscriberStatus.ACTIVE);
        }
        StringBuilder text = new StringBuilder(c.text(returning ? "welcome.back" : "welcome"));
        Optional<DigestItem> article = article(c.args());
        Optional<Category> category = article.isPresent()
                ? names.find(article.get().category()).filter(x -> readers.categories(chatId).isEmpty())
                : c.args().isEmpty() ? Optional.empty() : names.find(c.args());
        if (category.isPresent()) {
            readers.subscribe(chatId, category.get().slug());
            text.insert(0, c.text("start.subscribed", Html.escape(category.get().displayName(c.language()))) + "\n\n");
        }
        c.reply(text.toString(), keyboards.categories(readers.categories(chatId), c.language()));
        article.ifPresent(item -> c.reply(cards.card(item, c.language())));
    }

    /** The article a {@code a<id>} payload names, if it is still stored. */
    private Optional<DigestItem> article(String args) {
        if (!args.matches(InlineSearch.ARTICLE_PAYLOAD + "\\d{1,18}")) {
            return Optional.empty();
        }
        return news.article(Long.parseLong(args.substring(InlineSearch.ARTICLE_PAYLOAD.length())));
    }
}
