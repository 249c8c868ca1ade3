package newsbot.chat;

import newsbot.html.Html;

/**
 * /follow or /mute &lt;word or phrase&gt;. A phrase on the other list too is kept on both, and the reader is told
 * that mute wins: a muted article is sent by no path, followed or not.
 */
final class AddPhraseCommand implements CommandHandler {

    private final PhraseList phrases;
    private final PhraseList other;

    public AddPhraseCommand(PhraseList phrases, PhraseList other) {
        this.phrases = phrases;
        this.other = other;
    }

    @Override
    public void handle(Conversation c) {
        String prefix = phrases.kind().add;
        if (c.args().isBlank()) {
            c.replyWith(prefix + ".usage");
            return;
        }
        PhraseList.Added result = phrases.add(c.chatId(), c.args());
        if (result instanceof PhraseList.Added.Done done) {
            String reply = c.text(prefix + ".added", Html.escape(done.phrase()));
            String onOther = other.holds(c.chatId(), done.phrase())
                    .map(same -> "\n\n" + c.text(prefix + ".also.other", Html.escape(same)))
                    .orElse("");
            c.reply(reply + onOther);
        } else if (result instanceof PhraseList.Added.Already already) {
            c.replyWith(prefix + ".already", Html.escape(already.phrase()));
        } else if (result instanceof PhraseList.Added.TooLong) {
            c.replyWith(prefix + ".too.long", PhraseList.MAX_CHARS);
        } else if (result instanceof PhraseList.Added.TooMany) {
            c.replyWith(prefix + ".too.many", phrases.kind().max);
        } else {
            c.replyWith(prefix + ".bad", SearchPages.echo(c.args()));
        }
    }
}
