package newsbot.delivery;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import newsbot.telegram.SendOutcome;

/**
 * A Bot API call that lives in memory only, sent by the same sender as the outbox rows: a callback answer, a
 * keyboard edit, a chart, an editor's preview. After a crash such a call is worth nothing, so it is never stored;
 * its answer completes {@link #result()}.
 *
 * @param chatId the chat it concerns: never two calls to one chat at once, and its rate slot is that chat's
 * @param what     the method, for logs
 * @param messages how many messages Telegram counts for it against the limits (an album copy: its size)
 */
record DirectCall(long chatId, Urgency urgency, String what, Supplier<SendOutcome> call,
                         CompletableFuture<SendOutcome> result, int messages) {

    /** How a direct call ranks against the outbox's rows, and whether it counts against Telegram's limits. */
    public enum Urgency {
        /** Stops a button's spinner; Telegram does not count it as a message, and it is worthless seconds later. */
        CALLBACK_ANSWER(-1, false),
        /** Answers an inline query: no chat's message, uncounted, worthless once the user typed on. */
        INLINE_ANSWER(-1, false),
        /** An edit, a photo or an editor's message: ranks with replies and takes a rate slot. */
        INTERACTIVE(0, true);

        private final int priority;
        private final boolean takesSlot;

        Urgency(int priority, boolean takesSlot) {
            this.priority = priority;
            this.takesSlot = takesSlot;
        }

        int priority() {
            return priority;
        }

        boolean takesSlot() {
            return takesSlot;
        }
    }

    public DirectCall {
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(result, "result");
    }

    public static DirectCall of(long chatId, Urgency urgency, String what, Supplier<SendOutcome> call) {
        return of(chatId, urgency, what, call, 1);
    }

    public static DirectCall of(long chatId, Urgency urgency, String what, Supplier<SendOutcome> call, int messages) {
        return new DirectCall(chatId, urgency, what, call, new CompletableFuture<>(), Math.max(1, messages));
    }
}
