package newsbot.delivery;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import newsbot.store.Delivery;
import newsbot.telegram.SendOutcome;

/**
 * Sends handed to worker threads when more than one may be in flight, and their answers coming back to the
 * dispatcher thread, which alone records them. At most one send per chat is in flight, so a chat's messages keep
 * their order. Everything but the hand-off and the answers queue is used by the dispatcher thread only.
 */
final class InFlight {

    /** A finished send; {@code nextPriority} is the chat's next due row's priority, null if none. */
    record Done(Delivery delivery, SendOutcome outcome, Integer nextPriority) {
    }

    private final int max;
    private final Map<Long, Delivery> byChat = new HashMap<>();
    private final ConcurrentLinkedQueue<Done> done = new ConcurrentLinkedQueue<>();
    private ExecutorService workers;

    InFlight(int max) {
        this.max = max;
    }

    void start() {
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(max, r -> {
            Thread t = new Thread(r, "dispatcher-send-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    boolean full() {
        return byChat.size() >= max;
    }

    boolean isEmpty() {
        return byChat.isEmpty();
    }

    Set<Long> chats() {
        return byChat.keySet();
    }

    /** Sends on a worker; the answer is queued and {@code onDone} (a nudge to the dispatcher) runs after. */
    void submit(Delivery d, Integer nextPriority, Function<Delivery, SendOutcome> send, Runnable onDone) {
        byChat.put(d.chatId(), d);
        workers.execute(() -> {
            SendOutcome outcome = send.apply(d);
            done.add(new Done(d, outcome, nextPriority));
            onDone.run();
        });
    }

    /** The next finished send, or null; call {@link #finished} once its outcome is recorded. */
    Done poll() {
        return done.poll();
    }

    /** Only now may the chat be sent to again: its row is no longer pending in the table. */
    void finished(Done d) {
        byChat.remove(d.delivery().chatId());
    }

    /** Stops the workers; a send still running is waited out by the gateway, its answer is then dropped. */
    void shutdown() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}
