package newsbot.delivery;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import newsbot.telegram.SendOutcome;

/**
 * The calls waiting for Telegram's answer, at most one per chat so a chat's messages keep their order, and their
 * answers coming back to the sender's thread, which alone records them. How many may be in flight follows the
 * measured round trip ({@link InFlightLimit}). With a limit pinned to 1 each call runs on the caller's thread,
 * which is what tests on virtual time use. Everything but the hand-off and the answers queue is used by the
 * sender's thread only.
 */
final class InFlight {

    /** Something on the wire. */
    sealed interface Job {
        long chatId();

        /** Whether it keeps its chat from getting another call until it is recorded. */
        default boolean holdsChat() {
            return true;
        }
    }

    /**
     * An outbox row; {@code nextPriority} is the priority of the chat's next due row, null if none; {@code paid}
     * when it goes out as a paid message.
     */
    record RowJob(Delivery row, Integer nextPriority, boolean paid, boolean probe) implements Job {
        RowJob(Delivery row, Integer nextPriority) {
            this(row, nextPriority, false, false);
        }

        @Override
        public long chatId() {
            return row.chatId();
        }
    }

    /** A call that lives in memory only. */
    record CallJob(DirectCall call) implements Job {
        @Override
        public long chatId() {
            return call.chatId();
        }

        /** A callback answer is no chat message: it may overtake what the chat has on the wire. */
        @Override
        public boolean holdsChat() {
            return call.urgency() != DirectCall.Urgency.CALLBACK_ANSWER;
        }
    }

    /** A getMe asking whether Telegram answers at all; concerns no chat. */
    record ProbeJob() implements Job {
        @Override
        public long chatId() {
            return Long.MIN_VALUE;
        }

        @Override
        public boolean holdsChat() {
            return false;
        }
    }

    /** A finished call and how long Telegram took to answer it. */
    record Done(Job job, SendOutcome outcome, long tookNanos) {
    }

    private final InFlightLimit limit;
    private final DeliveryTime time;
    private final Map<Long, Job> byChat = new HashMap<>();
    private final ConcurrentLinkedQueue<Done> done = new ConcurrentLinkedQueue<>();
    /** Calls that hold no chat: probes and callback answers. */
    private int unattached;
    private ExecutorService workers;

    InFlight(InFlightLimit limit, DeliveryTime time) {
        this.limit = limit;
        this.time = time;
    }

    void start() {
        if (limit.inline()) {
            return;
        }
        AtomicInteger n = new AtomicInteger();
        // Threads only wait for HTTP answers; as many exist as calls are in flight, never more than the cap.
        workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sender-call-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Whether another call may start now. */
    boolean full() {
        return byChat.size() + unattached >= limit.current();
    }

    boolean isEmpty() {
        return byChat.isEmpty() && unattached == 0;
    }

    int size() {
        return byChat.size() + unattached;
    }

    /** Chats with a call on the wire, or an answer not yet recorded: none may get another call yet. */
    Set<Long> chats() {
        return byChat.keySet();
    }

    boolean busy(long chatId) {
        return byChat.containsKey(chatId);
    }

    /** Starts a call; its answer is queued and {@code onDone} (a nudge to the sender) runs after. */
    void submit(Job job, Function<Job, SendOutcome> send, Runnable onDone) {
        if (job.holdsChat()) {
            byChat.put(job.chatId(), job);
        } else {
            unattached++;
        }
        Runnable run = () -> {
            long start = time.nanoTime();
            SendOutcome outcome = send.apply(job);
            done.add(new Done(job, outcome, time.nanoTime() - start));
            onDone.run();
        };
        if (workers == null) {
            run.run();
        } else {
            workers.execute(run);
        }
    }

    /** The next finished call, or null; call {@link #finished} once its outcome is recorded. */
    Done poll() {
        Done d = done.poll();
        if (d != null && !(d.outcome() instanceof SendOutcome.Transient)) {
            limit.observeRoundTrip(d.tookNanos());
        }
        return d;
    }

    /** Only now may the chat be sent to again: its row is no longer pending in the table. */
    void finished(Done d) {
        if (d.job().holdsChat()) {
            byChat.remove(d.job().chatId());
        } else {
            unattached--;
        }
    }

    /** Stops the workers; a call still running is waited out by the gateway, its answer is then dropped. */
    void shutdown() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}
