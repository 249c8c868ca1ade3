package newsbot.delivery;

import java.time.Duration;
import java.util.Set;
import newsbot.store.Database;
import newsbot.store.Deliveries;
import newsbot.store.Delivery;
import newsbot.store.Subscribers;
import newsbot.telegram.MessageSender;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one sending loop: takes due rows from the outbox by priority, waits for the rate limiter, sends, and
 * records the answer. A row is changed only after Telegram answered, so a crash at any point leaves it pending.
 *
 * <p>By default the loop's own thread sends, one message at a time, so after a crash at most one message can
 * arrive twice; but then the rate can never exceed one per round trip. With {@code maxInFlight > 1} the loop
 * still decides and paces alone, and up to that many sends (never two to one chat) wait for Telegram on worker
 * threads; a crash may then repeat up to that many messages.
 */
public final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** Looks at the table even without a wake-up, for rows written by a path that did not call it. */
    static final long LOOK_AGAIN_NANOS = Duration.ofSeconds(2).toNanos();
    private static final long ERROR_PAUSE_NANOS = Duration.ofSeconds(1).toNanos();

    private final Database db;
    private final MessageSender sender;
    private final RateLimiter limiter;
    private final DeliveryTime time;
    private final Wakeup wakeup;
    private final DueWindow window;
    private final OutcomeHandler outcomes;
    private final InFlight inFlight;

    private volatile boolean stopping;
    private Thread thread;
    /** The loop's own connection, opened on first use and dropped after an error. */
    private Handle handle;

    /** A dispatcher that sends on its own thread, one message at a time. */
    public Dispatcher(Database db, Deliveries deliveries, Subscribers subscribers, Outbox outbox,
                      MessageSender sender, RateLimiter limiter, RetryPolicy retry, DeliveryCounters counters,
                      DeliveryTime time) {
        this(db, deliveries, subscribers, outbox, sender, limiter, retry, counters, time, 1);
    }

    /**
     * @param outbox      whose {@code wake()} cuts the dispatcher's sleep short
     * @param sender      the Telegram gateway
     * @param limiter     shared with the interactive reply path
     * @param counters    where the outcomes are counted
     * @param maxInFlight sends waiting for Telegram at once: 1 sends on the loop's thread; about rate x round
     *                    trip (e.g. 30/s x 0.15 s = 5) lets a distant Bot API fill the limit
     */
    public Dispatcher(Database db, Deliveries deliveries, Subscribers subscribers, Outbox outbox,
                      MessageSender sender, RateLimiter limiter, RetryPolicy retry, DeliveryCounters counters,
                      DeliveryTime time, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1");
        }
        this.db = db;
        this.sender = sender;
        this.limiter = limiter;
        this.time = time;
        this.wakeup = outbox.wakeup;
        this.window = new DueWindow(deliveries, limiter, time);
        this.outcomes = new OutcomeHandler(deliveries, subscribers, limiter, retry, counters, time);
        this.inFlight = maxInFlight > 1 ? new InFlight(maxInFlight) : null;
    }

    /** Starts the sending thread (and the send workers when more than one send may be in flight). */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("dispatcher already started");
        }
        stopping = false;
        if (inFlight != null) {
            inFlight.start();
        }
        thread = new Thread(this::run, "dispatcher");
        wakeup.bind(thread);
        // a wake-up before start must not be lost; a spurious first look costs one query
        wakeup.signal();
        thread.start();
    }

    /**
     * Stops taking rows, lets the sends in flight finish and be recorded, and waits up to {@code timeout}; past
     * that it interrupts the thread. Returns whether it ended. What was not sent stays pending.
     */
    public boolean stop(Duration timeout) throws InterruptedException {
        Thread t;
        synchronized (this) {
            t = thread;
            thread = null;
        }
        if (t == null) {
            return true;
        }
        stopping = true;
        wakeup.signal();
        t.join(Math.max(1, timeout.toMillis()));
        if (t.isAlive()) {
            LOG.warn("dispatcher did not stop within {} ms; interrupting it", timeout.toMillis());
            t.interrupt();
            t.join(1000);
        }
        return !t.isAlive();
    }

    private void run() {
        LOG.info("dispatcher started");
        try {
            while (!stopping) {
                long wait;
                try {
                    wait = step();
                } catch (RuntimeException e) {
                    LOG.error("dispatcher step failed; trying again in 1 s", e);
                    closeHandle();
                    wakeup.signal();
                    wait = ERROR_PAUSE_NANOS;
                }
                if (wait > 0 && !stopping) {
                    time.sleepNanos(wait);
                }
            }
            awaitInFlight();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("dispatcher interrupted; sends still in flight stay pending");
        } finally {
            if (inFlight != null) {
                inFlight.shutdown();
            }
            closeHandle();
        }
        LOG.info("dispatcher stopped");
    }

    /**
     * One decision: send one row, or say how long to wait (nanoseconds) before the next decision. Driven by the
     * thread in production and directly by tests on a virtual clock.
     */
    long step() {
        recordFinished();
        if (inFlight != null && inFlight.full()) {
            return LOOK_AGAIN_NANOS; // a finished send nudges the thread
        }
        long nowNanos = time.nanoTime();
        long nowMillis = time.now().toEpochMilli();
        if (wakeup.consume() || window.stale(nowNanos, nowMillis, LOOK_AGAIN_NANOS)) {
            window.refresh(handle(), inFlight == null ? Set.of() : inFlight.chats());
        }
        Delivery next = window.pick();
        if (next == null) {
            return Math.max(1, window.idleNanos(nowNanos, nowMillis, LOOK_AGAIN_NANOS));
        }
        // wait for the global slot before committing to this row: a reply or an alert may arrive meanwhile
        long globalWait = limiter.nanosUntilGlobalFree();
        if (globalWait > 0) {
            return globalWait;
        }
        if (stopping || !limiter.tryAcquire(next.chatId())) {
            return 0;
        }
        Integer nextOfChat = window.sent(next);
        if (inFlight == null) {
            record(next, send(next));
        } else {
            inFlight.submit(next, nextOfChat, this::send, wakeup::nudge);
        }
        return 0;
    }

    private SendOutcome send(Delivery d) {
        try {
            return sender.send(new OutgoingMessage(d.chatId(), d.text(), d.silent(), d.linkPreview(), null));
        } catch (RuntimeException e) {
            // the sender promises outcomes, not exceptions; a bug there must not stop the queue
            LOG.error("sender threw for delivery {}; treating it as transient", d.id(), e);
            return new SendOutcome.Transient(e.toString());
        }
    }

    private void recordFinished() {
        if (inFlight == null) {
            return;
        }
        for (InFlight.Done done = inFlight.poll(); done != null; done = inFlight.poll()) {
            try {
                record(done.delivery(), done.outcome());
            } finally {
                // even if recording failed: a chat left "in flight" would never be sent to again
                inFlight.finished(done);
                window.chatFreed(done.delivery().chatId(), done.nextPriority());
            }
        }
    }

    private void record(Delivery d, SendOutcome outcome) {
        OutcomeHandler.Effect effect = outcomes.handle(handle(), d, outcome);
        if (effect.rescheduledTo() != null) {
            window.dueAt(effect.rescheduledTo());
        }
        if (effect.cancelledChat() != null) {
            window.removeChat(effect.cancelledChat());
        }
        if (effect.rowsMoved()) {
            wakeup.signal();
        }
    }

    /** On stop: the answers of sends already on the wire are still recorded. */
    private void awaitInFlight() throws InterruptedException {
        while (inFlight != null && !inFlight.isEmpty()) {
            recordFinished();
            if (!inFlight.isEmpty()) {
                time.sleepNanos(LOOK_AGAIN_NANOS);
            }
        }
    }

    private Handle handle() {
        if (handle == null) {
            handle = db.openHandle();
        }
        return handle;
    }

    void closeHandle() {
        if (handle != null) {
            try {
                handle.close();
            } catch (RuntimeException e) {
                LOG.warn("closing the dispatcher's database handle failed: {}", e.toString());
            }
            handle = null;
        }
    }
}
