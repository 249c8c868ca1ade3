package newsbot.delivery;

import java.time.Duration;
import java.util.Optional;
import newsbot.store.Database;
import newsbot.store.Deliveries;
import newsbot.store.Delivery;
import newsbot.store.DueDelivery;
import newsbot.store.Subscribers;
import newsbot.telegram.MessageSender;
import newsbot.telegram.OutgoingMessage;
import newsbot.telegram.SendOutcome;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one sending thread: takes due rows from the outbox by priority, waits for the rate limiter, sends, and
 * records the answer. A row is changed only after Telegram answered, so a crash at any point leaves it pending.
 */
public final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** Looks at the table even without a wake-up, for rows written by a path that did not call it. */
    static final long LOOK_AGAIN_NANOS = Duration.ofSeconds(2).toNanos();
    private static final long ERROR_PAUSE_NANOS = Duration.ofSeconds(1).toNanos();

    private final Database db;
    private final Deliveries deliveries;
    private final MessageSender sender;
    private final RateLimiter limiter;
    private final DeliveryTime time;
    private final Wakeup wakeup;
    private final DueWindow window;
    private final OutcomeHandler outcomes;

    private volatile boolean stopping;
    private Thread thread;
    /** The sending thread's own connection, opened on first use and dropped after an error. */
    private Handle handle;

    /**
     * @param outbox   whose {@code wake()} cuts the dispatcher's sleep short
     * @param sender   the Telegram gateway
     * @param limiter  shared with the interactive reply path
     * @param counters where the outcomes are counted
     */
    public Dispatcher(Database db, Deliveries deliveries, Subscribers subscribers, Outbox outbox,
                      MessageSender sender, RateLimiter limiter, RetryPolicy retry, DeliveryCounters counters,
                      DeliveryTime time) {
        this.db = db;
        this.deliveries = deliveries;
        this.sender = sender;
        this.limiter = limiter;
        this.time = time;
        this.wakeup = outbox.wakeup;
        this.window = new DueWindow(deliveries, limiter, time);
        this.outcomes = new OutcomeHandler(deliveries, subscribers, limiter, retry, counters, time);
    }

    /** Starts the sending thread. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("dispatcher already started");
        }
        stopping = false;
        thread = new Thread(this::run, "dispatcher");
        wakeup.bind(thread);
        // a wake-up before start must not be lost; a spurious first look costs one query
        wakeup.signal();
        thread.start();
    }

    /**
     * Stops taking rows, lets the send in flight finish and waits up to {@code timeout} for the thread; past
     * that it interrupts the send. Returns whether the thread ended. What was not sent stays pending.
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
            LOG.warn("dispatcher did not stop within {} ms; interrupting the send in flight", timeout.toMillis());
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("dispatcher interrupted");
        } finally {
            closeHandle();
        }
        LOG.info("dispatcher stopped");
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

    /**
     * One decision: send one row, or say how long to wait (nanoseconds) before the next decision. Driven by the
     * thread in production and directly by tests on a virtual clock.
     */
    long step() {
        long nowNanos = time.nanoTime();
        long nowMillis = time.now().toEpochMilli();
        if (wakeup.consume() || window.stale(nowNanos, nowMillis, LOOK_AGAIN_NANOS)) {
            window.refresh(handle());
        }
        DueDelivery next = window.pick();
        if (next == null) {
            return Math.max(1, window.idleNanos(nowNanos, nowMillis, LOOK_AGAIN_NANOS));
        }
        // wait for the global slot before committing to this row: a reply or an alert may arrive meanwhile
        long globalWait = limiter.nanosUntilGlobalFree();
        if (globalWait > 0) {
            return globalWait;
        }
        Optional<Delivery> row = deliveries.find(handle(), next.id());
        if (row.isEmpty() || !row.get().isPending() || row.get().chatId() != next.chatId()) {
            window.remove(next); // cancelled, moved or already handled since the window was read
            return 0;
        }
        if (stopping || !limiter.tryAcquire(next.chatId())) {
            return 0;
        }
        window.sent(next);
        send(row.get());
        return 0;
    }

    private void send(Delivery d) {
        OutgoingMessage message = new OutgoingMessage(d.chatId(), d.text(), d.silent(), d.linkPreview(), null);
        SendOutcome outcome;
        try {
            outcome = sender.send(message);
        } catch (RuntimeException e) {
            // the sender promises outcomes, not exceptions; a bug there must not stop the queue
            LOG.error("sender threw for delivery {}; treating it as transient", d.id(), e);
            outcome = new SendOutcome.Transient(e.toString());
        }
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
}
