package newsbot.bot;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import newsbot.digest.DigestComposer;
import newsbot.digest.DigestItem;
import newsbot.store.FtsQuery;
import newsbot.telegram.Html;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** /search &lt;words&gt;: the most relevant recent articles; whatever is typed, the reader gets a friendly answer. */
final class SearchCommand implements CommandHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SearchCommand.class);
    static final int COUNT = 10;

    private final News news;
    private final CategoryNames names;
    private final DigestComposer composer;
    private final Clock clock;

    SearchCommand(News news, CategoryNames names, DigestComposer composer, Clock clock) {
        this.news = news;
        this.names = names;
        this.composer = composer;
        this.clock = clock;
    }

    @Override
    public void handle(Conversation c) {
        String query = c.args();
        if (query.isEmpty()) {
            c.replyWith("search.usage");
            return;
        }
        String echo = Replies.shorten(query);
        Optional<String> match = FtsQuery.of(query);
        if (match.isEmpty()) {
            c.replyWith("search.bad", Html.escape(echo));
            return;
        }
        List<DigestItem> found;
        try {
            found = news.search(match.get(), clock.instant(), COUNT);
        } catch (JdbiException e) {
            // The sanitiser should make this impossible; if FTS5 still refuses, the reader hears so, not SQL.
            LOG.warn("search in chat {} failed for expression {}: {}", c.chatId(), match.get(), e.getMessage());
            c.replyWith("search.failed");
            return;
        }
        if (found.isEmpty()) {
            c.replyWith("search.none", Html.escape(echo));
            return;
        }
        c.reply(composer.composeList(found, c.text("search.heading", echo), names.headings(c.language()),
                c.reader().zone()));
    }
}
