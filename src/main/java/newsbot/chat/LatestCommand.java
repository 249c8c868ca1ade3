package newsbot.chat;

import newsbot.messages.CategoryNames;

import java.util.List;
import java.util.Optional;
import newsbot.config.Category;
import newsbot.messages.DigestComposer;
import newsbot.messages.DigestItem;
import newsbot.html.Html;

/** /latest [slug|name]: the newest articles overall or of one category, seen or not. */
final class LatestCommand implements CommandHandler {

    static final int COUNT = 10;

    private final News news;
    private final CategoryNames names;
    private final DigestComposer composer;

    public LatestCommand(News news, CategoryNames names, DigestComposer composer) {
        this.news = news;
        this.names = names;
        this.composer = composer;
    }

    @Override
    public void handle(Conversation c) {
        String heading;
        List<DigestItem> items;
        if (c.args().isEmpty()) {
            items = news.latest(null, COUNT);
            heading = c.text("latest.heading");
            if (items.isEmpty()) {
                c.replyWith("latest.empty");
                return;
            }
        } else {
            Optional<Category> category = names.find(c.args());
            if (category.isEmpty()) {
                c.replyWith("category.unknown", Html.escape(Html.echo(c.args())), names.listing(c.language()));
                return;
            }
            String name = category.get().displayName(c.language());
            items = news.latest(category.get().slug(), COUNT);
            heading = c.text("latest.heading.category", name);
            if (items.isEmpty()) {
                c.replyWith("latest.empty.category", Html.escape(name));
                return;
            }
        }
        c.reply(composer.composeList(items, heading, names.headings(c.language()), c.reader().zone()));
    }
}
