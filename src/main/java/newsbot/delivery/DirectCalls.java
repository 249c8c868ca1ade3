package newsbot.delivery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import newsbot.telegram.SendOutcome;

/**
 * Calls that live in memory only, waiting for the sender: handed in from any thread, picked on the sender's
 * thread in urgency order, a chat's calls in the order they came.
 */
final class DirectCalls {

    private final ConcurrentLinkedQueue<DirectCall> incoming = new ConcurrentLinkedQueue<>();
    private final List<DirectCall> waiting = new ArrayList<>();
    /** Nanoseconds until the first waiting call's chat or slot frees up, as seen by the last {@link #pick}. */
    private long waitNanos = Long.MAX_VALUE;

    void add(DirectCall call) {
        incoming.add(call);
    }

    boolean isEmpty() {
        return incoming.isEmpty() && waiting.isEmpty();
    }

    /** The most urgent call that may go now, or null; {@link #waitNanos()} then says for how long none can. */
    DirectCall pick(RateLimiter limiter, InFlight inFlight) {
        for (DirectCall c = incoming.poll(); c != null; c = incoming.poll()) {
            insert(c);
        }
        waitNanos = Long.MAX_VALUE;
        Set<Long> skipped = new HashSet<>();
        for (Iterator<DirectCall> it = waiting.iterator(); it.hasNext(); ) {
            DirectCall call = it.next();
            if (!call.urgency().takesSlot()) {
                it.remove();
                return call;
            }
            if (skipped.contains(call.chatId()) || inFlight.busy(call.chatId())) {
                skipped.add(call.chatId()); // a later call of that chat must not overtake this one
                continue;
            }
            long global = limiter.nanosUntilGlobalFree(call.messages());
            if (global > 0) {
                waitNanos = global;
                return null;
            }
            if (limiter.tryAcquire(call.chatId(), call.messages())) {
                it.remove();
                return call;
            }
            waitNanos = Math.min(waitNanos, Math.max(1, limiter.nanosUntilChatFree(call.chatId())));
            skipped.add(call.chatId());
        }
        return null;
    }

    /**
     * Chats with a slot-taking call still waiting after the last {@link #pick}: their outbox rows wait behind it,
     * or a busy chat's replies would keep overtaking its keyboard edit.
     */
    Set<Long> waitingChats() {
        Set<Long> chats = new HashSet<>();
        for (DirectCall call : waiting) {
            if (call.urgency().takesSlot()) {
                chats.add(call.chatId());
            }
        }
        return chats;
    }

    long waitNanos() {
        return waitNanos;
    }

    /** Answers every waiting call with {@code outcome}: a callback answer or an edit cannot wait out an outage. */
    int failAll(SendOutcome outcome) {
        for (DirectCall c = incoming.poll(); c != null; c = incoming.poll()) {
            insert(c);
        }
        int n = waiting.size();
        for (DirectCall call : waiting) {
            call.result().complete(outcome);
        }
        waiting.clear();
        return n;
    }

    /** Keeps {@code waiting} ordered by urgency, arrival order within one urgency. */
    private void insert(DirectCall call) {
        int i = waiting.size();
        while (i > 0 && waiting.get(i - 1).urgency().priority() > call.urgency().priority()) {
            i--;
        }
        waiting.add(i, call);
    }
}
