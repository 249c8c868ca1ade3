package newsbot.chat;

import java.util.Optional;
import newsbot.html.Html;

/** /unfollow or /unmute &lt;phrase or number&gt;. */
final class RemovePhraseCommand implements CommandHandler {

    private final PhraseList phrases;

    public RemovePhraseCommand(PhraseList phrases) {
        this.phrases = phrases;
    }

    @Override
    public void handle(Conversation c) {
        String prefix = phrases.kind().remove;
        if (c.args().isBlank()) {
            c.replyWith(prefix + ".usage");
            return;
        }
        Optional<String> removed = phrases.remove(c.chatId(), c.args());
        if (removed.isPresent()) {
            c.replyWith(prefix + ".done", Html.escape(removed.get()));
        } else {
            c.replyWith(prefix + ".unknown", SearchPages.echo(c.args()));
        }
    }
}
