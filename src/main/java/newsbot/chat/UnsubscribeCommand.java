package newsbot.chat;

import newsbot.messages.CategoryNames;

import java.util.Optional;
import newsbot.config.Category;
import newsbot.html.Html;

/** /unsubscribe &lt;slug | name | all&gt;. */
final class UnsubscribeCommand implements CommandHandler {

    private final Readers readers;
    private final CategoryNames names;

    UnsubscribeCommand(Readers readers, CategoryNames names) {
        this.readers = readers;
        this.names = names;
    }

    @Override
    public void handle(Conversation c) {
        if (c.args().isEmpty()) {
            c.replyWith("category.missing.unsubscribe", Html.escape(names.firstSlug()));
            return;
        }
        if (c.args().equalsIgnoreCase("all") || c.args().equalsIgnoreCase("все")) {
            readers.unsubscribeAll(c.chatId());
            c.replyWith("category.removed.all");
            return;
        }
        Optional<Category> category = names.find(c.args());
        if (category.isEmpty()) {
            c.replyWith("category.unknown", Html.escape(Html.echo(c.args())), names.listing(c.language()));
            return;
        }
        String name = Html.escape(category.get().displayName(c.language()));
        boolean removed = readers.unsubscribe(c.chatId(), category.get().slug());
        c.replyWith(removed ? "category.removed" : "category.not.subscribed", name);
    }
}
