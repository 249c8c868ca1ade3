package newsbot.chat;

import newsbot.messages.CategoryNames;

import java.util.Optional;
import newsbot.config.Category;
import newsbot.store.SubscriberStatus;
import newsbot.html.Html;

/** /start [slug]: registers the reader (or brings a stopped one back) and shows the category keyboard. */
final class StartCommand implements CommandHandler {

    private final Readers readers;
    private final CategoryNames names;
    private final Keyboards keyboards;

    private final ReadArticle reading;

    StartCommand(Readers readers, CategoryNames names, Keyboards keyboards, ReadArticle reading) {
        this.reading = reading;
        this.readers = readers;
        this.names = names;
        this.keyboards = keyboards;
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
        // A deep link t.me/<bot>?start=<slug> from the site subscribes at once.
        if (!c.args().isEmpty()) {
            Optional<Category> category = names.find(c.args());
            if (category.isPresent()) {
                readers.subscribe(chatId, category.get().slug());
                text.insert(0, c.text("start.subscribed", Html.escape(category.get().displayName(c.language()))) + "\n\n");
            }
        }
        c.reply(text.toString(), keyboards.categories(readers.categories(chatId), c.language()));
    }
}
