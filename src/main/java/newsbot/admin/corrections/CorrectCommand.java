package newsbot.admin.corrections;

import java.util.List;
import java.util.Optional;
import newsbot.admin.EntityHtml;
import newsbot.chat.CommandHandler;
import newsbot.chat.Conversation;
import newsbot.html.Html;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * {@code /correct} and {@code /retract}. The target is the broadcast whose preview or report the command replies
 * to, or the first word: {@code #<broadcast id>}, or an article's id or link for its breaking alert. What follows is
 * the corrected text (or a retraction's one-line notice), with the editor's formatting; a {@code /correct <target>}
 * without text in reply to a message the editor composed takes that message's text or caption.
 */
final class CorrectCommand implements CommandHandler {

    private final Corrections corrections;
    private final Target.Finder targets;
    private final boolean retract;

    CorrectCommand(Corrections corrections, Target.Finder targets, boolean retract) {
        this.corrections = corrections;
        this.targets = targets;
        this.retract = retract;
    }

    @Override
    public void handle(Conversation c) {
        String usage = retract ? "admin.retract.usage" : "admin.correct.usage";
        Message m = c.message();
        String text = m == null || m.getText() == null ? "" : m.getText();
        List<MessageEntity> entities = m == null ? null : m.getEntities();
        Message replied = m == null ? null : m.getReplyToMessage();
        // offsets are UTF-16 indexes into the whole message, as Telegram counts entity offsets
        int pos = skipSpaces(text, wordEnd(text, skipSpaces(text, 0)));
        Optional<Target> target = replied == null ? Optional.empty()
                : targets.replied(c.chatId(), replied.getMessageId());
        boolean composedReply = false;
        if (target.isEmpty()) {
            int end = wordEnd(text, pos);
            if (end == pos) {
                c.replyWith(usage);
                return;
            }
            String word = text.substring(pos, end);
            target = targets.named(word);
            if (target.isEmpty()) {
                c.replyWith("admin.correction.not.found", Html.escape(Html.echo(word)));
                return;
            }
            pos = skipSpaces(text, end);
            composedReply = replied != null;
        }
        int end = trimEnd(text, pos);
        String source = text;
        if (pos >= end && composedReply && !retract) {
            // the corrected version composed as a message of its own: its text, or a media message's caption
            source = replied.getText() != null ? replied.getText() : replied.getCaption();
            entities = replied.getText() != null ? replied.getEntities() : replied.getCaptionEntities();
            source = source == null ? "" : source;
            pos = skipSpaces(source, 0);
            end = trimEnd(source, pos);
        }
        String html = pos >= end ? "" : EntityHtml.toHtml(source, EntityHtml.from(entities), pos, end);
        boolean oneLine = source.substring(pos, Math.max(pos, end)).indexOf('\n') < 0;
        if (retract) {
            corrections.retract(c.incoming().userId(), c.chatId(), c.language(), target.get(), html, end - pos,
                    oneLine);
        } else if (html.isEmpty()) {
            c.replyWith(usage);
        } else {
            corrections.correct(c.incoming().userId(), c.chatId(), c.language(), target.get(), html, end - pos);
        }
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int wordEnd(String s, int i) {
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String s, int from) {
        int end = s.length();
        while (end > from && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
