package newsbot.bot;

import java.util.Optional;
import newsbot.telegram.Html;

/** /unfollow &lt;phrase or number&gt;. */
final class UnfollowCommand implements CommandHandler {

    private final Topics topics;

    UnfollowCommand(Topics topics) {
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
