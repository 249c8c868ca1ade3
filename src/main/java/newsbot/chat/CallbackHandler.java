package newsbot.chat;

import newsbot.store.Subscriber;

/** Handles presses on buttons whose callback data starts with one prefix. */
public interface CallbackHandler {

    /** Must answer the callback (through the replier) exactly once. */
    void handle(Callback callback, Subscriber reader);
}
