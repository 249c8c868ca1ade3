package newsbot.chat;

import newsbot.messages.CategoryNames;

import java.util.Optional;
import newsbot.config.Category;
import newsbot.html.Html;

/** /subscribe &lt;slug or name&gt;. */
final class SubscribeCommand implements CommandHandler {

    private final Readers readers;
    private final CategoryNames names;

    SubscribeCommand(Readers readers, CategoryNames names) {
        this.readers = readers;
        this.names = names;
    }

    @Override
    public void handle(Conversation c) {
        if (c.args().isEmpty()) {
            c.replyWith("category.missing.subscribe", Html.escape(names.firstSlug()), names.listing(c.language()));
            return;
        }
        Optional<Category> category = names.find(c.args());
        if (category.isEmpty()) {
            c.replyWith("category.unknown", Html.escape(Html.echo(c.args())), names.listing(c.language()));
            return;
        }
        String name = Html.escape(category.get().displayName(c.language()));
        boolean added = readers.subscribe(c.chatId(), category.get().slug());
        c.replyWith(added ? "category.added" : "category.already", name);
    }
}
