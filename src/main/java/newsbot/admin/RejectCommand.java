package newsbot.admin;

import java.util.Optional;
import newsbot.chat.CommandHandler;
import newsbot.chat.Conversation;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * {@code /reject <reason>} in reply to an approval card: rejects the campaign it is about, the reason (one line)
 * going back to its author. Reject's button does the same without a reason.
 */
final class RejectCommand implements CommandHandler {

    /** A reason is a line to the author, not a letter. */
    static final int MAX_REASON = 300;

    private final Broadcasts broadcasts;

    RejectCommand(Broadcasts broadcasts) {
        this.broadcasts = broadcasts;
    }

    @Override
    public void handle(Conversation c) {
        Message m = c.message();
        Message replied = m == null ? null : m.getReplyToMessage();
        Long user = c.incoming().userId();
        if (replied == null || user == null) {
            c.replyWith("admin.reject.usage");
            return;
        }
        String reason = c.args().strip().lines().findFirst().orElse("");
        if (reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON);
        }
        Optional<String> answer = broadcasts.rejectByReply(user, c.chatId(), replied.getMessageId(), reason,
                c.language());
        if (answer.isPresent()) {
            c.reply(answer.get());
        } else {
            c.replyWith("admin.reject.usage");
        }
    }
}
