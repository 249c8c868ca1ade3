package newsbot.admin;

import newsbot.chat.Callback;
import newsbot.chat.CallbackHandler;
import newsbot.delivery.Replier;

import newsbot.store.Subscriber;

/** Presses on Send, Send to me only, Cancel, Pause and Resume; who may press what is decided by the broadcasts. */
final class BroadcastButtons implements CallbackHandler {

    private final Broadcasts broadcasts;
    private final Replier replier;

    BroadcastButtons(Broadcasts broadcasts, Replier replier) {
        this.broadcasts = broadcasts;
        this.replier = replier;
    }

    @Override
    public void handle(Callback callback, Subscriber reader) {
        String toast = broadcasts.press(callback.userId(), callback.chatId(), callback.messageId(), callback.data(),
                reader.language());
        replier.answerCallback(callback.id(), toast);
    }
}
