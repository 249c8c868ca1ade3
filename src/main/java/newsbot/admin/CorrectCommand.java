package newsbot.admin;

import java.util.List;
import java.util.Optional;
import static newsbot.admin.CommandWords.afterCommand;
import static newsbot.admin.CommandWords.skipSpaces;
import static newsbot.admin.CommandWords.trimEnd;
import static newsbot.admin.CommandWords.wordEnd;
import newsbot.chat.CommandHandler;
import newsbot.chat.Conversation;
import newsbot.html.Html;
import newsbot.store.Campaign;
import newsbot.store.CampaignKind;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * {@code /correct} and {@code /retract}. The target is the broadcast whose preview or report the command replies
 * to, or the first word: {@code #<broadcast id>}, or an article's id or link for its breaking alert. What follows is
 * the corrected text (or a retraction's one-line notice), with the editor's formatting; a {@code /correct <target>}
 * without text in reply to a message the editor composed takes that message's text or caption.
 */
final class CorrectCommand implements CommandHandler {

    private final CorrectionDrafts drafts;
    private final Target.Finder targets;
    private final CampaignKind kind;

    CorrectCommand(CorrectionDrafts drafts, Target.Finder targets, CampaignKind kind) {
        this.drafts = drafts;
        this.targets = targets;
        this.kind = kind;
    }

    @Override
    public void handle(Conversation c) {
        boolean retract = kind == CampaignKind.RETRACTION;
        String usage = retract ? "admin.retract.usage" : "admin.correct.usage";
        Message m = c.message();
        String text = m == null || m.getText() == null ? "" : m.getText();
        List<MessageEntity> entities = m == null ? null : m.getEntities();
        Message replied = m == null ? null : m.getReplyToMessage();
        // offsets are UTF-16 indexes into the whole message, as Telegram counts entity offsets
        int pos = afterCommand(text);
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
        int end = trimEnd(text, pos, text.length());
        String source = text;
        if (pos >= end && composedReply && !retract) {
            // the corrected version composed as a message of its own: its text, or a media message's caption
            source = replied.getText() != null ? replied.getText() : replied.getCaption();
            entities = replied.getText() != null ? replied.getEntities() : replied.getCaptionEntities();
            source = source == null ? "" : source;
            pos = skipSpaces(source, 0);
            end = trimEnd(source, pos, source.length());
        }
        String html = pos >= end ? "" : EntityHtml.toHtml(source, EntityHtml.from(entities), pos, end);
        CorrectionDrafts.Layout layout = source.substring(pos, Math.max(pos, end)).indexOf('\n') < 0
                ? CorrectionDrafts.Layout.ONE_LINE : CorrectionDrafts.Layout.SEVERAL_LINES;
        if (!retract && html.isEmpty()) {
            c.replyWith(usage);
            return;
        }
        drafts.create(new CorrectionDrafts.Request(new Campaign.Editor(c.incoming().userId(), c.chatId(),
                c.language()), kind, target.get(), html, end - pos, layout));
    }
}
