package newsbot.chat.news;

import newsbot.chat.CommandHandler;
import newsbot.chat.Conversation;

import java.util.Optional;
import newsbot.html.Html;

/** /unfollow &lt;phrase or number&gt;. */
public final class UnfollowCommand implements CommandHandler {

    private final Topics topics;

    public UnfollowCommand(Topics topics) {
        this.topics = topics;
    }

    @Override
    public void handle(Conversation c) {
        if (c.args().isBlank()) {
            c.replyWith("unfollow.usage");
            return;
        }
        Optional<String> removed = topics.unfollow(c.chatId(), c.args());
        if (removed.isPresent()) {
            c.replyWith("unfollow.done", Html.escape(removed.get()));
        } else {
            c.replyWith("unfollow.unknown", SearchPages.echo(c.args()));
        }
    }
}
