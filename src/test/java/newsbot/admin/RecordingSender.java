package newsbot.admin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import newsbot.telegram.MessageSender;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;

/** Telegram as the dispatcher sees it: accepts everything except chats that blocked the bot; records deliveries. */
public final class RecordingSender implements MessageSender {

    public final List<OutgoingMessage> delivered = new ArrayList<>();
    public final Set<Long> blocked = new HashSet<>();

    /** Telegram answers: the scripts here fail single messages, never the whole API. */
    @Override
    public SendOutcome probe() {
        return SendOutcome.Delivered.message(0);
    }

    @Override
    public synchronized SendOutcome send(OutgoingMessage message) {
        if (blocked.contains(message.chatId())) {
            return new SendOutcome.Blocked("Forbidden: bot was blocked by the user");
        }
        delivered.add(message);
        return SendOutcome.Delivered.message(delivered.size());
    }

    public synchronized List<Long> chats() {
        return delivered.stream().map(OutgoingMessage::chatId).toList();
    }
}
