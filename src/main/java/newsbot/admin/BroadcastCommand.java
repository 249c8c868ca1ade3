package newsbot.admin;

import newsbot.chat.CommandHandler;
import newsbot.chat.Conversation;

import java.util.List;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * {@code /broadcast [audience] <text>}, or {@code /broadcast [audience]} in reply to a message whose text is
 * announced. The admin's formatting arrives as message entities and is kept; the first word is taken as the
 * audience only when it is {@code all}, {@code cat=…} or {@code lang=…}.
 */
final class BroadcastCommand implements CommandHandler {

    private final Broadcasts broadcasts;

    BroadcastCommand(Broadcasts broadcasts) {
        this.broadcasts = broadcasts;
    }

    @Override
    public void handle(Conversation c) {
        Message m = c.message();
        String text = m == null || m.getText() == null ? "" : m.getText();
        // offsets are UTF-16 indexes into the whole message, as Telegram counts entity offsets
        int pos = skipSpaces(text, wordEnd(text, skipSpaces(text, 0)));
        String audience = "";
        int wordEnd = wordEnd(text, pos);
        if (wordEnd > pos && Broadcasts.isAudienceWord(text.substring(pos, wordEnd))) {
            audience = text.substring(pos, wordEnd);
            pos = skipSpaces(text, wordEnd);
        }
        int end = trimEnd(text, pos);
        String source = text;
        List<MessageEntity> entities = m == null ? null : m.getEntities();
        Message replied = m == null ? null : m.getReplyToMessage();
        if (pos >= end && replied != null && replied.getText() != null) {
            source = replied.getText();
            entities = replied.getEntities();
            pos = skipSpaces(source, 0);
            end = trimEnd(source, pos);
        }
        if (pos >= end) {
            c.replyWith("admin.broadcast.usage");
            return;
        }
        String html = EntityHtml.toHtml(source, EntityHtml.from(entities), pos, end);
        broadcasts.create(c.incoming().userId(), c.chatId(), c.language(), audience, html, end - pos);
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
