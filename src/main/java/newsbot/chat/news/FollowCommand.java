package newsbot.chat.news;

import newsbot.chat.CommandHandler;
import newsbot.chat.Conversation;

import newsbot.html.Html;

/** /follow &lt;word or phrase&gt;: news matching it is sent at once. */
public final class FollowCommand implements CommandHandler {

    private final Topics topics;

    public FollowCommand(Topics topics) {
        this.topics = topics;
    }

    @Override
    public void handle(Conversation c) {
        if (c.args().isBlank()) {
            c.replyWith("follow.usage");
            return;
        }
        Topics.Followed result = topics.follow(c.chatId(), c.args());
        if (result instanceof Topics.Followed.Added added) {
            c.replyWith("follow.added", Html.escape(added.phrase()));
        } else if (result instanceof Topics.Followed.Already already) {
            c.replyWith("follow.already", Html.escape(already.phrase()));
        } else if (result instanceof Topics.Followed.TooLong) {
            c.replyWith("follow.too.long", Topics.MAX_CHARS);
        } else if (result instanceof Topics.Followed.TooMany) {
            c.replyWith("follow.too.many", Topics.MAX_TOPICS);
        } else {
            c.replyWith("follow.bad", SearchPages.echo(c.args()));
        }
    }
}
