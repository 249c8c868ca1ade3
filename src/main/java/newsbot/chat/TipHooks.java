package newsbot.chat;

import org.telegram.telegrambots.meta.api.objects.message.Message;

/** What the router asks of readers' tips before its usual handling ({@link Tipline}); {@link #NONE} without them. */
interface TipHooks {

    TipHooks NONE = new TipHooks() {
        @Override
        public boolean deskReply(Message m) {
            return false;
        }

        @Override
        public boolean collecting(long chatId) {
            return false;
        }

        @Override
        public CommandHandler part() {
            return c -> { };
        }
    };

    /** An editor's reply to a tip's copy in a desk chat, sent on to the reader; false when it is none. */
    boolean deskReply(Message m);

    /** Whether the chat's next messages are parts of its open tip. */
    boolean collecting(long chatId);

    /** Adds a message to the open tip. */
    CommandHandler part();
}
