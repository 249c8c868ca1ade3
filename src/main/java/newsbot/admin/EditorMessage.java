package newsbot.admin;

import newsbot.chat.CommandHandler;
import newsbot.chat.Conversation;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * An editor's message in their private chat that is no command: the parts of an album (remembered, so a
 * {@code /broadcast} in reply to one of them sends the whole album; one hint per album), a time given in reply to
 * a draft (schedules it), or something to broadcast later (a hint how).
 */
final class EditorMessage implements CommandHandler {

    private final Broadcasts broadcasts;

    EditorMessage(Broadcasts broadcasts) {
        this.broadcasts = broadcasts;
    }

    @Override
    public void handle(Conversation c) {
        Message m = c.message();
        if (m == null) {
            return;
        }
        if (m.getMediaGroupId() != null) {
            if (broadcasts.rememberAlbumPart(m)) {
                c.replyWith("admin.composed.album");
            }
            return;
        }
        Message replied = m.getReplyToMessage();
        if (replied != null && m.hasText()
                && broadcasts.scheduleByReply(c.incoming().userId(), c.reader(), replied.getMessageId(), m.getText())) {
            return;
        }
        c.replyWith(m.hasText() ? "admin.composed.text" : "admin.composed.hint");
    }
}
