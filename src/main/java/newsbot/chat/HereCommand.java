package newsbot.chat;

import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * /here in a group: the group's news go to the forum topic the command was sent in, or to the main chat when it
 * was sent outside any topic. Only the group's administrators may (GroupGuard).
 */
final class HereCommand implements CommandHandler {

    private final Readers readers;

    public HereCommand(Readers readers) {
        this.readers = readers;
    }

    @Override
    public void handle(Conversation c) {
        if (c.reader().chatType().equals("private")) {
            c.replyWith("here.private");
            return;
        }
        Message message = c.message();
        Integer topic = message.isTopicMessage() ? message.getMessageThreadId() : null;
        readers.setThread(c.chatId(), topic);
        c.replyWith(topic == null ? "here.chat" : "here.topic");
    }
}
